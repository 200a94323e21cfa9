package org.rapport.notifications;

import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The notifications page and the bell's unread count, refreshed by htmx. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
                Model model) {
        model.addAttribute("notifications", notifications.recent(user, unread, 100));
        model.addAttribute("unreadOnly", unread);
        return "notifications/notifications";
    }

    @GetMapping("/bell")
    String bell(@AuthenticationPrincipal CurrentUser user, Model model) {
        int unread = notifications.unreadCount(user);
        model.addAttribute("unread", unread > NotificationService.BELL_CAP ? NotificationService.BELL_CAP + "+"
                : unread == 0 ? null : String.valueOf(unread));
        return "notifications/notifications :: bell";
    }

    /** Marks one notification read and follows its link. */
    @PostMapping("/{id}/open")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        String link = notifications.open(user, id);
        return "redirect:" + (link == null ? "/notifications" : link);
    }

    @PostMapping("/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user) {
        notifications.markAllRead(user);
        return "redirect:/notifications";
    }
}
