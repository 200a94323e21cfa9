package org.rapport.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rapport.customers.CustomFieldDefinition;

/** Cell text of exports, written so that the import reads it back the same. */
final class ExportCells {

    private ExportCells() {
    }

    /**
     * The built-in columns, a column per custom field, then the record columns. A custom field is headed by its
     * label, or by {@code custom.<key>} when another column has that name or the import would take the label for
     * a contact field; the import recognizes both.
     */
    static List<String> header(List<String> builtIn, List<CustomFieldDefinition> custom, List<String> record) {
        List<String> header = new ArrayList<>(builtIn);
        Set<String> taken = new HashSet<>();
        builtIn.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        record.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        for (CustomFieldDefinition d : custom) {
            boolean own = HeaderGuesser.guess(d.label()).isEmpty() && taken.add(d.label().toLowerCase(Locale.ROOT));
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

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    static String time(Instant value) {
        return value == null ? null : value.toString();
    }
}
