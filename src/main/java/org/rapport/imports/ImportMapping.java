package org.rapport.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rapport.customers.DuplicatePolicy;
import org.rapport.shared.InvalidFieldException;

/** The contact field each column of a file goes to, by column position; null for a column that is ignored. */
record ImportMapping(List<String> columns, List<ContactField> fields) {

    ImportMapping {
        columns = List.copyOf(columns);
        fields = Collections.unmodifiableList(new ArrayList<>(fields));
    }

    static ImportMapping guess(List<String> columns) {
        return new ImportMapping(columns, HeaderGuesser.guess(columns));
    }

    /**
     * Reads {@code {column: field}} as the API and the stored import give it; an unknown column or field, or a field
     * that takes one column given several, is refused naming the {@code mapping}.
     */
    static ImportMapping parse(Map<String, String> byColumn, List<String> columns) {
        List<ContactField> fields = new ArrayList<>(Collections.nCopies(columns.size(), null));
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
            ContactField field = ContactField.byKey(key).orElseThrow(() -> new InvalidFieldException("mapping",
                    "Unknown field '" + key + "' for column '" + entry.getKey() + "'; use one of "
                            + Arrays.stream(ContactField.values()).map(ContactField::key).collect(Collectors.joining(", "))));
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

    ContactField field(int column) {
        return column < fields.size() ? fields.get(column) : null;
    }

    /** The first column mapped to one of these fields, or null. */
    String columnOf(ContactField... candidates) {
        for (ContactField candidate : candidates) {
            int index = fields.indexOf(candidate);
            if (index >= 0) {
                return columns.get(index);
            }
        }
        return null;
    }

    /** Refuses a mapping an import cannot run with: nothing mapped, or no name for the contacts it would create. */
    void requireUsable(DuplicatePolicy policy) {
        requireEachSingleFieldOnce();
        if (fields.stream().allMatch(f -> f == null)) {
            throw new InvalidFieldException("mapping", "Map at least one column to a contact field");
        }
        boolean named = fields.contains(ContactField.FIRST_NAME) || fields.contains(ContactField.LAST_NAME)
                || fields.contains(ContactField.FULL_NAME);
        if (!named && policy != DuplicatePolicy.UPDATE) {
            throw new InvalidFieldException("mapping", "Map a column to First name, Last name or Full name");
        }
    }

    private void requireEachSingleFieldOnce() {
        Set<ContactField> seen = EnumSet.noneOf(ContactField.class);
        for (ContactField field : fields) {
            if (field != null && !field.repeatable() && !seen.add(field)) {
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
