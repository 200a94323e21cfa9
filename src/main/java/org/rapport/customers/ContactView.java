package org.rapport.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A contact (a person) as read by any module and returned by the API. */
public record ContactView(UUID id, String firstName, String lastName, String title, List<Email> emails,
                          List<Phone> phones, List<UUID> accountIds, Map<UUID, String> accountRoles,
                          Set<RelationshipType> relationshipTypes, LifecycleStage lifecycleStage, String source,
                          Preferences preferences, Consent consent, PostalAddress address, UUID ownerId,
                          String ownerName, UUID departmentId, List<String> tags, Map<String, Object> customFields,
                          Instant createdAt, Instant updatedAt, int version) implements OwnedRecord {

    /** An email address of the contact; one is primary. */
    public record Email(String address, EmailType type, boolean primary) {
    }

    /** A phone number in E.164 form; one is primary. */
    public record Phone(String number, PhoneType type, boolean primary) {
    }

    /** How and in what the contact likes to be approached. */
    public record Preferences(ContactChannel preferredChannel, String language, List<String> interests) {
    }

    /** Marketing opt-in (with when and how it was given) and the do-not-contact flags. */
    public record Consent(boolean marketingOptIn, Instant marketingOptInAt, String marketingOptInSource,
                          boolean doNotCall, boolean doNotEmail) {
    }

    public String displayName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }

    public String primaryEmail() {
        return emails.stream().filter(Email::primary).map(Email::address).findFirst()
                .orElse(emails.isEmpty() ? null : emails.getFirst().address());
    }

    public String primaryPhone() {
        return phones.stream().filter(Phone::primary).map(Phone::number).findFirst()
                .orElse(phones.isEmpty() ? null : phones.getFirst().number());
    }
}
