package org.rapport.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as shown in lists and admin pages (never the password hash).
 *
 * @param phone the user's direct number in E.164, which the phone system matches calls to; null when none
 */
public record UserView(UUID id, String email, String name, Role role, UUID departmentId, String departmentName,
                       boolean active, Instant lastLoginAt, Instant lockedUntil, int version, String phone) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}
