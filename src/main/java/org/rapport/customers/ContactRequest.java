package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A contact as written through the API or a form: create, or the result of a merge patch on the current one. */
record ContactRequest(@Size(max = 100) String firstName, @Size(max = 100) String lastName, @Size(max = 200) String title,
                      @Size(max = 10) List<@Valid EmailInput> emails, @Size(max = 10) List<@Valid PhoneInput> phones,
                      @Size(max = 50) List<UUID> accountIds, Map<UUID, @Size(max = 100) String> accountRoles,
                      Set<RelationshipType> relationshipTypes, LifecycleStage lifecycleStage,
                      @Size(max = 100) String source, @Valid PreferencesInput preferences, @Valid ConsentInput consent,
                      @Valid PostalAddress address, UUID ownerId, @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags,
                      Map<String, Object> customFields) {

    /** An email address as entered; {@code primary} may be left out. */
    record EmailInput(@NotBlank @Size(max = 254) String address, EmailType type, Boolean primary) {
    }

    /** A phone number as entered, in any common notation. */
    record PhoneInput(@NotBlank @Size(max = 40) String number, PhoneType type, Boolean primary) {
    }

    /** Contact preferences as entered. */
    record PreferencesInput(ContactChannel preferredChannel, @Size(max = 35) String language,
                            @Size(max = 20) List<@NotBlank @Size(max = 50) String> interests) {
    }

    /** Consent as entered; {@code marketingOptInSource} says where an opt-in came from (form, call, import...). */
    record ConsentInput(Boolean marketingOptIn, @Size(max = 100) String marketingOptInSource, Boolean doNotCall,
                        Boolean doNotEmail) {
    }

    ContactRequest withOwner(UUID newOwner) {
        return new ContactRequest(firstName, lastName, title, emails, phones, accountIds, accountRoles, relationshipTypes,
                lifecycleStage, source, preferences, consent, address, newOwner, tags, customFields);
    }

    ContactRequest withTags(List<String> newTags) {
        return new ContactRequest(firstName, lastName, title, emails, phones, accountIds, accountRoles, relationshipTypes,
                lifecycleStage, source, preferences, consent, address, ownerId, newTags, customFields);
    }

    static ContactRequest from(ContactView c) {
        return new ContactRequest(c.firstName(), c.lastName(), c.title(),
                c.emails().stream().map(e -> new EmailInput(e.address(), e.type(), e.primary())).toList(),
                c.phones().stream().map(p -> new PhoneInput(p.number(), p.type(), p.primary())).toList(),
                c.accountIds(), c.accountRoles(), c.relationshipTypes(), c.lifecycleStage(), c.source(),
                new PreferencesInput(c.preferences().preferredChannel(), c.preferences().language(),
                        c.preferences().interests()),
                new ConsentInput(c.consent().marketingOptIn(), c.consent().marketingOptInSource(),
                        c.consent().doNotCall(), c.consent().doNotEmail()),
                c.address(), c.ownerId(), c.tags(), c.customFields());
    }
}
