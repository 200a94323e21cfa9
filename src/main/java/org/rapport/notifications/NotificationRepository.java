package org.rapport.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(UUID userId, String kind, String title, String body, String link, String dedupKey, Instant at) {
        return jdbc.sql("""
                        insert into notifications (user_id, kind, title, body, link, dedup_key, created_at)
                        values (:user, :kind, :title, :body, :link, :dedup, :at)
                        on conflict (user_id, dedup_key) where dedup_key is not null do nothing
                        """)
                .param("user", userId).param("kind", kind).param("title", title).param("body", body)
                .param("link", link).param("dedup", dedupKey).param("at", java.sql.Timestamp.from(at))
                .update() == 1;
    }

    int unreadCount(UUID userId) {
        return jdbc.sql("select count(*) from (select 1 from notifications where user_id = :user and read_at is null"
                        + " limit 100) n")
                .param("user", userId).query(Integer.class).single();
    }

    List<Notification> recent(UUID userId, boolean unreadOnly, int limit) {
        return jdbc.sql("select id, kind, title, body, link, created_at, read_at from notifications"
                        + " where user_id = :user" + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id desc limit :limit")
                .param("user", userId).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("title"), rs.getString("body"), rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    /** Marks one of the user's notifications read and returns its link ("" when it has none), or null when absent. */
    String open(UUID userId, UUID id) {
        return jdbc.sql("update notifications set read_at = coalesce(read_at, now()) where id = :id and user_id = :user"
                        + " returning coalesce(link, '')")
                .param("id", id).param("user", userId).query(String.class).optional().orElse(null);
    }

    boolean markRead(UUID userId, UUID id) {
        return jdbc.sql("update notifications set read_at = coalesce(read_at, now()) where id = :id and user_id = :user")
                .param("id", id).param("user", userId).update() == 1;
    }

    void markAllRead(UUID userId) {
        jdbc.sql("update notifications set read_at = now() where user_id = :user and read_at is null")
                .param("user", userId).update();
    }
}
