package org.rapport.sales;

import java.util.UUID;

/** A contact of a deal with their role in it (decision maker, champion, ...); the name only when visible. */
public record DealContact(UUID contactId, String role, String name) {
}
