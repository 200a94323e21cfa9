package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The optional columns of the contact list: built-in ones and one per active custom field ({@code cf.<key>}). */
final class ContactColumns {

    static final List<String> DEFAULT = List.of("title", "email", "phone", "stage", "owner");
    private static final Map<String, String> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("title", "Title");
        BUILT_IN.put("email", "Email");
        BUILT_IN.put("phone", "Phone");
        BUILT_IN.put("stage", "Stage");
        BUILT_IN.put("source", "Source");
        BUILT_IN.put("owner", "Owner");
        BUILT_IN.put("tags", "Tags");
        BUILT_IN.put("updated", "Updated");
    }

    private ContactColumns() {
    }

    /** Column id to label, built-in first, then custom fields. */
    static Map<String, String> all(List<CustomFieldDefinition> definitions) {
        Map<String, String> all = new LinkedHashMap<>(BUILT_IN);
        definitions.forEach(d -> all.put("cf." + d.key(), d.label()));
        return all;
    }

    /** The requested columns that exist, in the order of {@link #all}; the default set when none is requested. */
    static List<String> chosen(List<String> requested, List<CustomFieldDefinition> definitions) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT;
        }
        List<String> chosen = new ArrayList<>();
        all(definitions).keySet().forEach(column -> {
            if (requested.contains(column)) {
                chosen.add(column);
            }
        });
        return chosen.isEmpty() ? DEFAULT : chosen;
    }
}
