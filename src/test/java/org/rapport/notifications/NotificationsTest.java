package org.rapport.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class NotificationsTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired NotificationService notifications;

    @Test
    void bellCountsUnreadNotificationsAndOpeningOneMarksItRead() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        notifications.notify(rep.id(), "MENTION", "Ann mentioned you", "Call Acme back", "/contacts", null);
        notifications.notify(rep.id(), "TASK_REMINDER", "Send the quote", null, "/tasks", null);

        assertThat(mvc.get().uri("/notifications/bell").with(TestUsers.signedIn(rep)))
                .bodyText().contains("id=\"bell-count\"").contains(">2<");
        UUID first = notifications.recent(rep, true, 10).getFirst().id();
        assertThat(mvc.post().uri("/notifications/{id}/open", first).with(TestUsers.signedIn(rep)).with(csrf()))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/tasks");
        assertThat(notifications.unreadCount(rep)).isEqualTo(1);
        assertThat(mvc.get().uri("/notifications").with(TestUsers.signedIn(rep)))
                .bodyText().contains("Ann mentioned you").contains("Send the quote");
    }

    @Test
    void aRetriedNotificationWithTheSameKeyAppearsOnce() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        assertThat(notifications.notify(rep.id(), "TASK_REMINDER", "Due", null, null, "task-1")).isTrue();
        assertThat(notifications.notify(rep.id(), "TASK_REMINDER", "Due", null, null, "task-1")).isFalse();
        assertThat(notifications.recent(rep, false, 10)).hasSize(1);
    }

    @Test
    void nobodyReadsOrMarksAnotherUsersNotifications() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        CurrentUser other = testUsers.create(Role.SALES_REP, null);
        notifications.notify(rep.id(), "MENTION", "Private", null, null, null);
        UUID id = notifications.recent(rep, false, 1).getFirst().id();

        String otherToken = api.token(other.email(), TestUsers.PASSWORD);
        assertThat(api.read(api.get(otherToken, "/api/v1/notifications")).get("items")).isEmpty();
        assertThat(api.post(otherToken, "/api/v1/notifications/" + id + "/read", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(notifications.unreadCount(rep)).isEqualTo(1);

        String token = api.token(rep.email(), TestUsers.PASSWORD);
        assertThat(api.read(api.get(token, "/api/v1/notifications")).get("unreadCount").asInt()).isEqualTo(1);
        assertThat(api.post(token, "/api/v1/notifications/" + id + "/read", "")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(notifications.unreadCount(rep)).isZero();
    }
}
