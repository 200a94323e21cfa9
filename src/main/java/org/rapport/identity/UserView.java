package org.rapport.identity;

import java.time.Instant;
import java.util.UUID;

/** A user as shown in lists and admin pages (never the password hash). */
public record UserView(UUID id, String email, String name, Role role, UUID departmentId, String departmentName,
                       boolean active, Instant lastLoginAt, Instant lockedUntil, int version) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}
