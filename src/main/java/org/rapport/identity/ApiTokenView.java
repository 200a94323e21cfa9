package org.rapport.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API token as listed to its owner: never the secret, only its last characters as a hint. */
public record ApiTokenView(UUID id, String name, String hint, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                           Instant lastUsedAt, Instant revokedAt) {

    public String status() {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt.isBefore(Instant.now()) ? "expired" : "active";
    }
}
