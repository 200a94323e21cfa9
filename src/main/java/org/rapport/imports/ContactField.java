package org.rapport.imports;

import java.util.Arrays;
import java.util.Optional;

import org.rapport.customers.EmailType;
import org.rapport.customers.PhoneType;

/** The contact fields a column of an import can be mapped to, with their names in a JSON mapping. */
enum ContactField implements ImportTarget {
    FIRST_NAME("firstName", "First name", false),
    LAST_NAME("lastName", "Last name", false),
    FULL_NAME("fullName", "Full name (split into first and last)", false),
    TITLE("title", "Job title", false),
    EMAIL("email", "Email", true),
    PERSONAL_EMAIL("personalEmail", "Email (personal)", true),
    OTHER_EMAIL("otherEmail", "Email (other)", true),
    PHONE("phone", "Phone (work)", true),
    MOBILE_PHONE("mobilePhone", "Phone (mobile)", true),
    HOME_PHONE("homePhone", "Phone (home)", true),
    OTHER_PHONE("otherPhone", "Phone (other)", true),
    FAX("fax", "Fax", true),
    ACCOUNT_NAME("accountName", "Account name (links to an existing account)", true),
    LIFECYCLE_STAGE("lifecycleStage", "Lifecycle stage", false),
    SOURCE("source", "Source", false),
    TAGS("tags", "Tags", true),
    STREET("street", "Street", false),
    CITY("city", "City", false),
    REGION("region", "State / region", false),
    POSTAL_CODE("postalCode", "Postal code", false),
    COUNTRY("country", "Country", false),
    MARKETING_OPT_IN("marketingOptIn", "Marketing opt-in", false),
    DO_NOT_CALL("doNotCall", "Do not call", false),
    DO_NOT_EMAIL("doNotEmail", "Do not email", false),
    OWNER_EMAIL("ownerEmail", "Owner (a user's email)", false);

    private final String key;
    private final String label;
    private final boolean repeatable;

    ContactField(String key, String label, boolean repeatable) {
        this.key = key;
        this.label = label;
        this.repeatable = repeatable;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether several columns may feed this field (emails, phones, accounts, tags). */
    @Override
    public boolean repeatable() {
        return repeatable;
    }

    @Override
    public boolean isName() {
        return this == FIRST_NAME || this == LAST_NAME || this == FULL_NAME;
    }

    static Optional<ContactField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    EmailType emailType() {
        return switch (this) {
            case PERSONAL_EMAIL -> EmailType.PERSONAL;
            case OTHER_EMAIL -> EmailType.OTHER;
            default -> EmailType.WORK;
        };
    }

    PhoneType phoneType() {
        return switch (this) {
            case MOBILE_PHONE -> PhoneType.MOBILE;
            case HOME_PHONE -> PhoneType.HOME;
            case OTHER_PHONE -> PhoneType.OTHER;
            case FAX -> PhoneType.FAX;
            default -> PhoneType.WORK;
        };
    }

    boolean isEmail() {
        return this == EMAIL || this == PERSONAL_EMAIL || this == OTHER_EMAIL;
    }

    boolean isPhone() {
        return this == PHONE || this == MOBILE_PHONE || this == HOME_PHONE || this == OTHER_PHONE || this == FAX;
    }
}
