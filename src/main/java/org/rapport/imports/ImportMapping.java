package org.rapport.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rapport.customers.DuplicatePolicy;
import org.rapport.shared.InvalidFieldException;

/**
 * The field (of a contact, built-in or custom, or of a lead) each column of a file goes to, by column position; null
 * for a column that is ignored.
 */
record ImportMapping(List<String> columns, List<ImportTarget> fields) {

    ImportMapping {
        columns = List.copyOf(columns);
        fields = Collections.unmodifiableList(new ArrayList<>(fields));
    }

    /**
     * Reads {@code {column: field}} as the API and the stored import give it, with the keys of the {@code available}
     * targets (custom fields as {@code custom.<key>}); an unknown column or field, or a field that takes one column
     * given several, is refused naming the {@code mapping}.
     */
    static ImportMapping parse(Map<String, String> byColumn, List<String> columns, List<ImportTarget> available) {
        List<ImportTarget> fields = new ArrayList<>(Collections.nCopies(columns.size(), null));
        for (Map.Entry<String, String> entry : byColumn.entrySet()) {
            int index = indexOf(columns, entry.getKey());
            if (index < 0) {
                throw new InvalidFieldException("mapping", "The file has no column '" + entry.getKey() + "'; its columns are "
                        + String.join(", ", columns));
            }
            String key = entry.getValue() == null ? "" : entry.getValue().strip();
            if (key.isEmpty()) {
                continue;
            }
            ImportTarget field = available.stream().filter(t -> t.key().equals(key)).findFirst()
                    .orElseThrow(() -> new InvalidFieldException("mapping", "Unknown field '" + key + "' for column '"
                            + entry.getKey() + "'; use one of "
                            + String.join(", ", available.stream().map(ImportTarget::key).toList())));
            fields.set(index, field);
        }
        ImportMapping mapping = new ImportMapping(columns, fields);
        mapping.requireEachSingleFieldOnce();
        return mapping;
    }

    /** {@code {column: field}} of the mapped columns, in column order. */
    Map<String, String> byColumn() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (fields.get(i) != null) {
                map.put(columns.get(i), fields.get(i).key());
            }
        }
        return map;
    }

    ImportTarget field(int column) {
        return column < fields.size() ? fields.get(column) : null;
    }

    /** The first column mapped to one of these fields, or null. */
    String columnOf(ImportTarget... candidates) {
        for (ImportTarget candidate : candidates) {
            int index = fields.indexOf(candidate);
            if (index >= 0) {
                return columns.get(index);
            }
        }
        return null;
    }

    /** Refuses a mapping an import cannot run with: nothing mapped, or no name for the records it would create. */
    void requireUsable(DuplicatePolicy policy) {
        requireEachSingleFieldOnce();
        if (fields.stream().allMatch(f -> f == null)) {
            throw new InvalidFieldException("mapping", "Map at least one column to a field");
        }
        boolean named = fields.stream().anyMatch(f -> f != null && f.isName());
        if (!named && policy != DuplicatePolicy.UPDATE) {
            throw new InvalidFieldException("mapping", "Map a column to First name, Last name or Full name");
        }
    }

    /** The column mapped to the custom field with this key, or null. */
    String columnOfCustom(String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) instanceof CustomTarget custom && custom.definition().key().equals(key)) {
                return columns.get(i);
            }
        }
        return null;
    }

    private void requireEachSingleFieldOnce() {
        Set<String> seen = new HashSet<>();
        for (ImportTarget field : fields) {
            if (field != null && !field.repeatable() && !seen.add(field.key())) {
                throw new InvalidFieldException("mapping", "Map only one column to '" + field.key() + "'");
            }
        }
    }

    private static int indexOf(List<String> columns, String name) {
        int exact = columns.indexOf(name);
        if (exact >= 0 || name == null) {
            return exact;
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
