package org.rapport.imports;

/** What a column of an import can be mapped to: a built-in contact or lead field, or a custom field of contacts. */
sealed interface ImportTarget permits ContactField, CustomTarget, LeadField {

    /** The name of the target in a JSON mapping. */
    String key();

    String label();

    /** Whether several columns may feed this target. */
    boolean repeatable();

    /** Whether it names the person (first, last or full name). */
    default boolean isName() {
        return false;
    }
}
