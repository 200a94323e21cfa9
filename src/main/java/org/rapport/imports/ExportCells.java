package org.rapport.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.PostalAddress;

/** Cell text of exports, written so that the import reads it back the same. */
final class ExportCells {

    static final List<String> RECORD_COLUMNS = List.of("Created At", "Updated At", "Id");

    private ExportCells() {
    }

    /**
     * The built-in columns, a column per custom field, then the record columns. A custom field is headed by its
     * label, or by {@code custom.<key>} when another column has that name or {@code readAsBuiltIn} says an import
     * would take the label for a built-in field; the import recognizes both.
     */
    static List<String> header(List<String> builtIn, List<CustomFieldDefinition> custom, List<String> record,
                               Predicate<String> readAsBuiltIn) {
        List<String> header = new ArrayList<>(builtIn);
        Set<String> taken = new HashSet<>();
        builtIn.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        record.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        for (CustomFieldDefinition d : custom) {
            boolean own = !readAsBuiltIn.test(d.label()) && taken.add(d.label().toLowerCase(Locale.ROOT));
            header.add(own ? d.label() : CustomTarget.PREFIX + d.key());
        }
        header.addAll(record);
        return header;
    }

    /** A stored custom value: numbers in plain notation, yes/no, several choices separated by commas. */
    static String custom(Object value) {
        return switch (value) {
            case null -> null;
            case Boolean flag -> yesNo(flag);
            case BigDecimal number -> number.toPlainString();
            case Number number -> new BigDecimal(number.toString()).toPlainString();
            case Collection<?> items -> String.join(", ", items.stream().map(String::valueOf).toList());
            default -> value.toString();
        };
    }

    /** Street, city, region, postal code, country. */
    static void address(PostalAddress address, List<String> cells) {
        cells.add(address.street());
        cells.add(address.city());
        cells.add(address.region());
        cells.add(address.postalCode());
        cells.add(address.country());
    }

    /** A cell per custom field, then the record columns. */
    static void record(Map<String, Object> values, List<CustomFieldDefinition> custom, Instant createdAt,
                       Instant updatedAt, UUID id, List<String> cells) {
        custom.forEach(d -> cells.add(custom(values.get(d.key()))));
        cells.add(createdAt == null ? null : createdAt.toString());
        cells.add(updatedAt == null ? null : updatedAt.toString());
        cells.add(id.toString());
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
