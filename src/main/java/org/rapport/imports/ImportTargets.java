package org.rapport.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.customers.ContactService;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldService;
import org.springframework.stereotype.Component;

/** Mappings of columns to fields as the organization defines them now: the contact fields and its custom fields. */
@Component
class ImportTargets {

    private final CustomFieldService customFields;

    ImportTargets(CustomFieldService customFields) {
        this.customFields = customFields;
    }

    /** What a column can be mapped to: every contact field, then the active custom fields of contacts. */
    List<ImportTarget> all() {
        List<ImportTarget> targets = new ArrayList<>(List.of(ContactField.values()));
        customFields().forEach(d -> targets.add(new CustomTarget(d)));
        return targets;
    }

    ImportMapping guess(List<String> columns) {
        return ImportMapping.guess(columns, customFields());
    }

    ImportMapping parse(Map<String, String> byColumn, List<String> columns) {
        return ImportMapping.parse(byColumn, columns, customFields());
    }

    private List<CustomFieldDefinition> customFields() {
        return customFields.activeDefinitions(ContactService.TYPE);
    }
}
