package org.rapport.customers;

import java.time.Instant;
import java.util.UUID;

/** One change of a contact's consent: which flag, granted or withdrawn, how, when and by whom. */
public record ConsentEvent(long id, String kind, boolean granted, String source, Instant occurredAt, UUID actorId,
                           String actorName) {
}
