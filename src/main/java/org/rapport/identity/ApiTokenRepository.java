package org.rapport.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code api_tokens}. */
@Repository
class ApiTokenRepository {

    /** A live token found by its hash, with the user it acts for. */
    record Match(UUID tokenId, Set<Scope> scopes, Instant lastUsedAt, Instant expiresAt, CurrentUser user) {

        Match usedAt(Instant at) {
            return new Match(tokenId, scopes, at, expiresAt, user);
        }
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID userId, String name, String hash, String hint, Set<Scope> scopes, Instant expiresAt) {
        return jdbc.sql("""
                insert into api_tokens (user_id, name, token_hash, token_hint, scopes, expires_at)
                values (:user, :name, :hash, :hint, :scopes, :expires) returning id
                """)
                .param("user", userId).param("name", name).param("hash", hash).param("hint", hint)
                .param("scopes", scopes.stream().map(Scope::value).sorted().toArray(String[]::new))
                .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .query(UUID.class).single();
    }

    /** The token with this hash if it is neither revoked nor expired and its user is active. */
    Optional<Match> findLive(String hash) {
        return jdbc.sql("""
                select t.id, t.scopes, t.last_used_at, t.expires_at, u.id, u.email, u.name, u.role, u.department_id
                from api_tokens t join users u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and t.expires_at > now() and u.active
                """)
                .param("hash", hash)
                .query((rs, i) -> new Match(rs.getObject(1, UUID.class), scopes(rs.getArray(2)),
                        UserRepository.instant(rs, 3), UserRepository.instant(rs, 4),
                        new CurrentUser(rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                                Role.valueOf(rs.getString(8)), rs.getObject(9, UUID.class), EnumSet.noneOf(Scope.class))))
                .optional();
    }

    void touch(UUID tokenId) {
        jdbc.sql("update api_tokens set last_used_at = now() where id = :id").param("id", tokenId).update();
    }

    List<ApiTokenView> listFor(UUID userId) {
        return jdbc.sql("""
                select id, name, token_hint, scopes, created_at, expires_at, last_used_at, revoked_at
                from api_tokens where user_id = :user order by created_at desc
                """)
                .param("user", userId).query(this::view).list();
    }

    boolean revoke(UUID userId, UUID tokenId) {
        return jdbc.sql("update api_tokens set revoked_at = now() where id = :id and user_id = :user and revoked_at is null")
                .param("id", tokenId).param("user", userId).update() == 1;
    }

    private ApiTokenView view(ResultSet rs, int row) throws SQLException {
        return new ApiTokenView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_hint"),
                scopes(rs.getArray("scopes")), UserRepository.instant(rs, "created_at"),
                UserRepository.instant(rs, "expires_at"), UserRepository.instant(rs, "last_used_at"),
                UserRepository.instant(rs, "revoked_at"));
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Scope::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }
}
