package org.rapport.interactions;

import java.util.List;
import java.util.UUID;

import org.rapport.shared.RecordRef;

/**
 * An interaction was logged (by a person, the API or a machine channel) or put on more timelines; {@code records}
 * are the timelines it went on just now (the contacts taking part, their accounts, the related records). Published
 * in the transaction that logged or linked it.
 */
public record InteractionLogged(UUID interactionId, List<RecordRef> records) {

    public InteractionLogged {
        records = List.copyOf(records);
    }
}
