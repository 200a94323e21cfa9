package org.rapport.imports;

/** What a column of an import can be mapped to: a built-in contact field or a custom field of contacts. */
sealed interface ImportTarget permits ContactField, CustomTarget {

    /** The name of the target in a JSON mapping. */
    String key();

    String label();

    /** Whether several columns may feed this target. */
    boolean repeatable();
}
