package org.rapport.customers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A field a merge lets the user choose, with the table columns that travel together; {@code fillable} fields left
 * unchosen take the first merged record's value when the survivor has none.
 */
record MergeField(String name, List<String> columns, boolean text, boolean fillable) {

    static MergeField text(String name, String column) {
        return new MergeField(name, List.of(column), true, true);
    }

    static MergeField value(String name, String... columns) {
        return new MergeField(name, List.of(columns), false, true);
    }

    static MergeField chosenOnly(String name, String... columns) {
        return new MergeField(name, List.of(columns), false, false);
    }

    String columns(String alias) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** SQL that is true when the record under {@code alias} has a value for this field. */
    String present(String alias) {
        String column = alias + "." + columns.getFirst();
        return text ? "coalesce(" + column + ", '') <> ''" : column + " is not null";
    }
}
