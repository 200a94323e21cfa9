package org.rapport.tasks;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code calendar_feeds}: one feed token hash per user. */
@Repository
class CalendarFeedRepository {

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the user's token, replacing (and so invalidating) the one they had. */
    void replace(UUID userId, String tokenHash) {
        jdbc.sql("""
                insert into calendar_feeds (user_id, token_hash) values (:user, :hash)
                on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()
                """).param("user", userId).param("hash", tokenHash).update();
    }

    void delete(UUID userId) {
        jdbc.sql("delete from calendar_feeds where user_id = :user").param("user", userId).update();
    }

    boolean exists(UUID userId) {
        return jdbc.sql("select exists (select 1 from calendar_feeds where user_id = :user)")
                .param("user", userId).query(Boolean.class).single();
    }

    /** The active user whose feed has this token hash. */
    Optional<UUID> activeUserOf(String tokenHash) {
        return jdbc.sql("""
                select f.user_id from calendar_feeds f join users u on u.id = f.user_id
                where f.token_hash = :hash and u.active
                """).param("hash", tokenHash).query(UUID.class).optional();
    }
}
