package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A contact's values after validation and normalization, ready to store. */
record ContactData(String firstName, String lastName, String title, List<ContactView.Email> emails,
                   List<ContactView.Phone> phones, Map<UUID, String> accounts, Set<RelationshipType> relationshipTypes,
                   LifecycleStage lifecycleStage, String source, ContactView.Preferences preferences,
                   boolean marketingOptIn, String marketingOptInSource, boolean doNotCall, boolean doNotEmail,
                   PostalAddress address, UUID ownerId, UUID departmentId, List<String> tags,
                   Map<String, Object> customFields) {

    ContactData withDepartment(UUID newDepartment) {
        return new ContactData(firstName, lastName, title, emails, phones, accounts, relationshipTypes, lifecycleStage,
                source, preferences, marketingOptIn, marketingOptInSource, doNotCall, doNotEmail, address, ownerId,
                newDepartment, tags, customFields);
    }
}
