package org.rapport.imports;

import java.util.Optional;

/** The lead fields a column of an import can be mapped to, named in a JSON mapping as the contact fields are. */
enum LeadField implements ImportTarget {
    FIRST_NAME("firstName", "First name"),
    LAST_NAME("lastName", "Last name"),
    FULL_NAME("fullName", "Full name (split into first and last)"),
    TITLE("title", "Job title"),
    EMAIL("email", "Email"),
    PHONE("phone", "Phone"),
    COMPANY("company", "Company"),
    COUNTRY("country", "Country"),
    SOURCE("source", "Source (web form, email, phone, import, API, referral, campaign, other)"),
    OWNER_EMAIL("ownerEmail", "Owner (a user's email)");

    private final String key;
    private final String label;

    LeadField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean repeatable() {
        return false;
    }

    @Override
    public boolean isName() {
        return this == FIRST_NAME || this == LAST_NAME || this == FULL_NAME;
    }

    /** The lead field a guessed contact field stands for in a file of leads, if any. */
    static Optional<LeadField> of(ContactField field) {
        return Optional.ofNullable(switch (field) {
            case FIRST_NAME -> FIRST_NAME;
            case LAST_NAME -> LAST_NAME;
            case FULL_NAME -> FULL_NAME;
            case TITLE -> TITLE;
            case EMAIL, PERSONAL_EMAIL -> EMAIL;
            case PHONE, MOBILE_PHONE, HOME_PHONE -> PHONE;
            case ACCOUNT_NAME -> COMPANY;
            case COUNTRY -> COUNTRY;
            case SOURCE -> SOURCE;
            case OWNER_EMAIL -> OWNER_EMAIL;
            default -> null;
        });
    }
}
