package org.rapport.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Raises notifications for a user and lets that user, and only that user, read them. */
@Service
public class NotificationService {

    /** The unread count the bell shows at most; beyond it shows "99+". */
    static final int BELL_CAP = 99;

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Notifies a user. With a {@code dedupKey}, a second notification with the same key for the same user is ignored,
     * so a retried job does not notify twice.
     *
     * @param link a path inside Rapport (e.g. {@code /tasks}), or null
     * @return whether a notification was added
     */
    @Transactional
    public boolean notify(UUID userId, String kind, String title, String body, String link, String dedupKey) {
        if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
            throw new IllegalArgumentException("A notification links inside Rapport: " + link);
        }
        return notifications.insert(userId, kind, shorten(title, 300), body == null ? null : shorten(body, 2000),
                link, dedupKey, clock.instant());
    }

    public int unreadCount(CurrentUser user) {
        return notifications.unreadCount(user.id());
    }

    public List<Notification> recent(CurrentUser user, boolean unreadOnly, int limit) {
        return notifications.recent(user.id(), unreadOnly, Math.min(Math.max(limit, 1), 200));
    }

    @Transactional
    public void markRead(CurrentUser user, UUID id) {
        if (!notifications.markRead(user.id(), id)) {
            throw new NotFoundException("Notification");
        }
    }

    /** Marks one of the user's notifications read and returns where it points (null when nowhere). */
    @Transactional
    public String open(CurrentUser user, UUID id) {
        String link = notifications.open(user.id(), id);
        if (link == null) {
            throw new NotFoundException("Notification");
        }
        return link.isEmpty() ? null : link;
    }

    @Transactional
    public void markAllRead(CurrentUser user) {
        notifications.markAllRead(user.id());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
