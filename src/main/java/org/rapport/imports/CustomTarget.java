package org.rapport.imports;

import java.util.List;
import java.util.Optional;

import org.rapport.customers.CustomFieldDefinition;

/** A custom field of contacts as the target of a column, named {@code custom.<key>} in a mapping. */
record CustomTarget(CustomFieldDefinition definition) implements ImportTarget {

    static final String PREFIX = "custom.";

    @Override
    public String key() {
        return PREFIX + definition.key();
    }

    @Override
    public String label() {
        return definition.label() + " (custom field)";
    }

    @Override
    public boolean repeatable() {
        return false;
    }

    /** The active custom field a mapping key such as {@code custom.tier} names. */
    static Optional<CustomTarget> byKey(String key, List<CustomFieldDefinition> definitions) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String fieldKey = key.substring(PREFIX.length());
        return definitions.stream().filter(d -> d.active() && d.key().equals(fieldKey)).findFirst()
                .map(CustomTarget::new);
    }
}
