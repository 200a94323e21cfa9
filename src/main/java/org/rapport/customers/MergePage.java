package org.rapport.customers;

import java.util.List;
import java.util.UUID;

/** The merge page's content: the records side by side, the fields to choose with each record's value, and what is combined. */
record MergePage(String type, List<Column> records, List<Row> fields, List<Row> combined) {

    /** A record being merged, with the version the page was built from. */
    record Column(UUID id, String name, int version) {
    }

    /** A field with each record's value in column order; {@code preselected} is the first record with a value. */
    record Row(String name, String label, List<String> values, UUID preselected) {

        public boolean differs() {
            return values.stream().distinct().count() > 1;
        }
    }
}
