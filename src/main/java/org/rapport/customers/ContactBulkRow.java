package org.rapport.customers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a bulk write (an import) of contacts, already split into fields. A null or empty value means
 * "not given": a new contact gets the default, a stored contact that the row updates keeps its value.
 * Emails and phones are added to those a stored contact has, as are account links and tags.
 *
 * @param rowNumber    the row's number in its file, returned with the row's outcome
 * @param emails       lower-case addresses
 * @param phones       numbers in E.164 form
 * @param accountNames names of accounts the importing user can see, to link the contact to
 * @param address      the parts given; null parts are not given
 * @param ownerEmail   the owner's email; null means the importing user
 * @param customFields values of custom fields by key, as typed; checked and converted by the rules of the API
 */
public record ContactBulkRow(int rowNumber, String firstName, String lastName, String title, List<Email> emails,
                             List<Phone> phones, List<String> accountNames, LifecycleStage lifecycleStage,
                             String source, List<String> tags, PostalAddress address, Boolean marketingOptIn,
                             Boolean doNotCall, Boolean doNotEmail, String ownerEmail,
                             Map<String, String> customFields) {

    public ContactBulkRow {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        accountNames = accountNames == null ? List.of() : List.copyOf(accountNames);
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** An email address with its kind. */
    public record Email(String address, EmailType type) {
    }

    /** A phone number with its kind. */
    public record Phone(String number, PhoneType type) {
    }
}
