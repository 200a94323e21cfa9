package org.rapport.email;

import java.time.Instant;
import java.util.UUID;

/** A reusable email: subject and plain-text body with merge fields such as {@code {{contact.firstName}}}. */
record EmailTemplate(UUID id, String name, String subject, String body, Instant updatedAt, int version) {
}
