package org.rapport.notifications;

import java.time.Instant;
import java.util.UUID;

/** One notification as its user sees it. */
public record Notification(UUID id, String kind, String title, String body, String link, Instant createdAt,
                           Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
