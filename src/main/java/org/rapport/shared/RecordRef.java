package org.rapport.shared;

import java.util.Objects;
import java.util.UUID;

/** A pointer to any business record: its type (e.g. {@code account}) and id. */
public record RecordRef(String type, UUID id) {

    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
