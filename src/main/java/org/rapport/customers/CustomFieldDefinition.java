package org.rapport.customers;

import java.util.List;
import java.util.UUID;

/** A field an admin added to accounts or contacts; {@code options} lists the choices of a (multi) select. */
public record CustomFieldDefinition(UUID id, String entity, String key, String label, CustomFieldType type,
                                    boolean required, List<String> options, int position, boolean active) {

    public boolean isSelect() {
        return type == CustomFieldType.SELECT || type == CustomFieldType.MULTI_SELECT;
    }
}
