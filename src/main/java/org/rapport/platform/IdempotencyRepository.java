package org.rapport.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of {@code idempotency_keys}: claim a key in the request's transaction, keep its response, forget old keys. */
@Repository
class IdempotencyRepository {

    /** A stored response to a key, with the hash of the request that produced it. */
    record Stored(byte[] requestHash, int status, Map<String, String> headers, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Claims the key for this request; false when another request holds it. A request of the same key still
     * running elsewhere makes this wait until that one commits or rolls back. An expired key is claimed afresh.
     */
    boolean claim(UUID user, String key, byte[] requestHash, Duration lifetime) {
        jdbc.sql("delete from idempotency_keys where user_id = :user and key = :key and expires_at <= now()")
                .param("user", user).param("key", key).update();
        return jdbc.sql("""
                insert into idempotency_keys (user_id, key, request_hash, expires_at)
                values (:user, :key, :hash, now() + cast(:lifetime as interval))
                on conflict (user_id, key) do nothing
                """)
                .param("user", user).param("key", key).param("hash", requestHash)
                .param("lifetime", lifetime.toSeconds() + " seconds").update() == 1;
    }

    Optional<Stored> find(UUID user, String key) {
        return jdbc.sql("select request_hash, status, headers, body from idempotency_keys where user_id = :user and key = :key")
                .param("user", user).param("key", key)
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getInt(2),
                        json.readValue(rs.getString(3), new TypeReference<Map<String, String>>() { }), rs.getBytes(4)))
                .optional();
    }

    void complete(UUID user, String key, int status, Map<String, String> headers, byte[] body) {
        jdbc.sql("""
                update idempotency_keys set status = :status, headers = cast(:headers as jsonb), body = :body
                where user_id = :user and key = :key
                """)
                .param("status", status).param("headers", json.writeValueAsString(headers)).param("body", body)
                .param("user", user).param("key", key).update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("delete from idempotency_keys where expires_at <= :now")
                .param("now", now.atOffset(java.time.ZoneOffset.UTC)).update();
    }
}
