package org.rapport.interactions;

import java.util.List;
import java.util.UUID;

import org.rapport.shared.RecordRef;

/**
 * What was logged of an interaction changed, or it was deleted; {@code records} are the timelines it was on.
 * Published in the transaction that changed it.
 */
public record InteractionChanged(UUID interactionId, List<RecordRef> records, boolean deleted) {

    public InteractionChanged {
        records = List.copyOf(records);
    }
}
