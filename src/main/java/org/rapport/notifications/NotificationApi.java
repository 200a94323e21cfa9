package org.rapport.notifications;

import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/notifications}: the caller's own notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationApi {

    record NotificationList(int unreadCount, List<Notification> items) {
    }

    private final NotificationService notifications;

    NotificationApi(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's latest notifications (newest first) and its unread count (capped at 100)")
    NotificationList list(@AuthenticationPrincipal CurrentUser user,
                          @RequestParam(defaultValue = "false") boolean unread,
                          @RequestParam(defaultValue = "50") int limit) {
        return new NotificationList(notifications.unreadCount(user), notifications.recent(user, unread, limit));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Marks one of the caller's notifications read")
    ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        notifications.markRead(user, id);
        return ResponseEntity.noContent().build();
    }
}
