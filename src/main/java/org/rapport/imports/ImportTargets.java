package org.rapport.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.customers.ContactService;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldService;
import org.springframework.stereotype.Component;

/**
 * Mappings of columns to fields as the organization defines them now: for contacts the contact fields and the active
 * custom fields of contacts, for leads the lead fields.
 */
@Component
class ImportTargets {

    private final CustomFieldService customFields;

    ImportTargets(CustomFieldService customFields) {
        this.customFields = customFields;
    }

    /** What a column can be mapped to: every field of the entity, then (contacts) the active custom fields. */
    List<ImportTarget> all(ImportEntity entity) {
        if (entity == ImportEntity.LEADS) {
            return List.of(LeadField.values());
        }
        List<ImportTarget> targets = new ArrayList<>(List.of(ContactField.values()));
        customFields().forEach(d -> targets.add(new CustomTarget(d)));
        return targets;
    }

    ImportMapping guess(ImportEntity entity, List<String> columns) {
        return new ImportMapping(columns, entity == ImportEntity.LEADS ? HeaderGuesser.guessLeads(columns)
                : HeaderGuesser.guess(columns, customFields()));
    }

    ImportMapping parse(ImportEntity entity, Map<String, String> byColumn, List<String> columns) {
        return ImportMapping.parse(byColumn, columns, all(entity));
    }

    private List<CustomFieldDefinition> customFields() {
        return customFields.activeDefinitions(ContactService.TYPE);
    }
}
