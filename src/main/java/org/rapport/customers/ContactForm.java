package org.rapport.customers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The contact form's fields as posted: three email and three phone rows, comma-separated tags and interests. */
record ContactForm(String firstName, String lastName, String title, List<Row> emails, List<Row> phones,
                   List<UUID> accountIds, Set<RelationshipType> relationshipTypes, LifecycleStage lifecycleStage,
                   String source, ContactChannel preferredChannel, String language, String interests,
                   Boolean marketingOptIn, Boolean doNotCall, Boolean doNotEmail, String street, String city,
                   String region, String postalCode, String country, UUID ownerId, String tags,
                   Map<String, String> customFields, Integer version) {

    static final int ROWS = 3;

    /** One email or phone row: the value and its type name (EmailType or PhoneType). */
    record Row(String value, String type) {
    }

    static ContactForm empty(UUID ownerId) {
        return new ContactForm("", "", "", rows(List.of()), rows(List.of()), List.of(), Set.of(), null, "", null, "",
                "", false, false, false, "", "", "", "", "", ownerId, "", Map.of(), null);
    }

    static ContactForm of(ContactView c) {
        PostalAddress a = c.address() == null ? new PostalAddress(null, null, null, null, null) : c.address();
        return new ContactForm(c.firstName(), c.lastName(), c.title(),
                rows(c.emails().stream().map(e -> new Row(e.address(), e.type().name())).toList()),
                rows(c.phones().stream().map(p -> new Row(p.number(), p.type().name())).toList()),
                c.accountIds(), c.relationshipTypes(), c.lifecycleStage(), c.source(),
                c.preferences().preferredChannel(), c.preferences().language(),
                String.join(", ", c.preferences().interests()), c.consent().marketingOptIn(), c.consent().doNotCall(),
                c.consent().doNotEmail(), a.street(), a.city(), a.region(), a.postalCode(), a.country(), c.ownerId(),
                String.join(", ", c.tags()), CustomFieldValues.asText(c.customFields()), c.version());
    }

    /** The same form with exactly {@link #ROWS} email and phone rows, for re-display. */
    ContactForm padded() {
        return new ContactForm(firstName, lastName, title, rows(emails), rows(phones), accountIds == null ? List.of() : accountIds,
                relationshipTypes == null ? Set.of() : relationshipTypes, lifecycleStage, source, preferredChannel,
                language, interests, marketingOptIn, doNotCall, doNotEmail, street, city, region, postalCode, country,
                ownerId, tags, customFields == null ? Map.of() : customFields, version);
    }

    /** What the service takes; a contact's existing account roles are kept for accounts still linked. */
    ContactRequest toRequest(Map<UUID, String> existingRoles) {
        List<ContactRequest.EmailInput> emailInputs = new ArrayList<>();
        for (Row row : nonBlank(emails)) {
            emailInputs.add(new ContactRequest.EmailInput(row.value(), parse(EmailType.class, row.type()), null));
        }
        List<ContactRequest.PhoneInput> phoneInputs = new ArrayList<>();
        for (Row row : nonBlank(phones)) {
            phoneInputs.add(new ContactRequest.PhoneInput(row.value(), parse(PhoneType.class, row.type()), null));
        }
        List<UUID> accounts = accountIds == null ? List.of() : accountIds.stream().distinct().toList();
        Map<UUID, String> roles = new java.util.HashMap<>();
        existingRoles.forEach((id, role) -> {
            if (accounts.contains(id)) {
                roles.put(id, role);
            }
        });
        return new ContactRequest(firstName, lastName, title, emailInputs, phoneInputs, accounts, roles,
                relationshipTypes, lifecycleStage, source,
                new ContactRequest.PreferencesInput(preferredChannel, language, split(interests)),
                new ContactRequest.ConsentInput(Boolean.TRUE.equals(marketingOptIn), "web form",
                        Boolean.TRUE.equals(doNotCall), Boolean.TRUE.equals(doNotEmail)),
                new PostalAddress(blankToNull(street), blankToNull(city), blankToNull(region), blankToNull(postalCode),
                        country == null || country.isBlank() ? null : country.strip().toUpperCase()),
                ownerId, split(tags), CustomFieldValues.fromForm(customFields));
    }

    private static List<Row> rows(List<Row> rows) {
        List<Row> padded = new ArrayList<>(rows == null ? List.of() : rows.stream().map(r -> r == null ? new Row("", "") : r).toList());
        while (padded.size() < ROWS) {
            padded.add(new Row("", ""));
        }
        return padded;
    }

    private static List<Row> nonBlank(List<Row> rows) {
        return rows == null ? List.of() : rows.stream().filter(r -> r != null && r.value() != null && !r.value().isBlank()).toList();
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
