package org.rapport.customers;

import java.time.Instant;
import java.util.UUID;

/** An account as read by any module and returned by the API. */
public record AccountView(UUID id, String name, String domain, String industry, UUID ownerId, String ownerName,
                          UUID departmentId, Instant createdAt, Instant updatedAt, int version) {
}
