package org.rapport.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code users}. */
@Repository
class UserRepository {

    private static final String SELECT_VIEW = """
            select u.id, u.email, u.name, u.role, u.department_id, d.name as department_name, u.active,
                   u.last_login_at, u.locked_until, u.version, u.phone
            from users u left join departments d on d.id = u.department_id
            """;

    /** What sign-in needs of a user. */
    record LoginRow(UUID id, String passwordHash, boolean active, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    Optional<LoginRow> findLogin(String email) {
        return jdbc.sql("select id, password_hash, active, locked_until from users where lower(email) = lower(:email)")
                .param("email", email)
                .query((rs, i) -> new LoginRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        instant(rs, 4)))
                .optional();
    }

    Optional<CurrentUser> findActivePrincipal(UUID id) {
        return jdbc.sql("select id, email, name, role, department_id from users where id = :id and active")
                .param("id", id)
                .query((rs, i) -> new CurrentUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), java.util.EnumSet.allOf(Scope.class)))
                .optional();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from users where id = :id").param("id", id).query(String.class).optional();
    }

    /** Counts a failed sign-in; at {@code maxFailures} and every failure after it, locks the account for {@code lock}. */
    void recordFailure(UUID id, int maxFailures, Duration lock) {
        jdbc.sql("""
                update users set failed_logins = failed_logins + 1,
                       locked_until = case when failed_logins + 1 >= :max
                                           then now() + make_interval(secs => :seconds) else locked_until end
                where id = :id
                """)
                .param("max", maxFailures).param("seconds", lock.toSeconds()).param("id", id)
                .update();
    }

    void recordSuccess(UUID id) {
        jdbc.sql("update users set failed_logins = 0, locked_until = null, last_login_at = now() where id = :id")
                .param("id", id).update();
    }

    void unlock(UUID id) {
        jdbc.sql("update users set failed_logins = 0, locked_until = null where id = :id").param("id", id).update();
    }

    Optional<UserView> find(UUID id) {
        return jdbc.sql(SELECT_VIEW + " where u.id = :id").param("id", id).query(this::view).optional();
    }

    Optional<UserView> findByEmail(String email) {
        return jdbc.sql(SELECT_VIEW + " where lower(u.email) = lower(:email)").param("email", email)
                .query(this::view).optional();
    }

    List<UserView> findAll(java.util.Collection<UUID> ids) {
        return jdbc.sql(SELECT_VIEW + " where u.id = any(:ids) order by lower(u.name), u.id")
                .param("ids", ids.toArray(UUID[]::new)).query(this::view).list();
    }

    /** Active internal users whose email address, or its part before the @, is one of the handles (lower case). */
    List<UserView> byMentionHandles(java.util.Collection<String> handles) {
        return jdbc.sql(SELECT_VIEW + " where u.active and u.role <> 'PARTNER' and (lower(u.email) = any(:handles)"
                        + " or lower(split_part(u.email, '@', 1)) = any(:handles)) order by lower(u.name), u.id")
                .param("handles", handles.toArray(String[]::new)).query(this::view).list();
    }

    List<UserView> list() {
        return jdbc.sql(SELECT_VIEW + " order by u.active desc, lower(u.name), u.id").query(this::view).list();
    }

    /** Active internal users by their direct number (E.164). */
    List<UserView> byPhone(java.util.Collection<String> numbers) {
        return jdbc.sql(SELECT_VIEW + " where u.phone = any(:numbers) and u.active and u.role <> 'PARTNER'")
                .param("numbers", numbers.toArray(String[]::new)).query(this::view).list();
    }

    boolean phoneTaken(String phone, UUID except) {
        return jdbc.sql("select exists (select 1 from users where phone = :phone and id <> :except)")
                .param("phone", phone).param("except", except != null ? except : new UUID(0, 0))
                .query(Boolean.class).single();
    }

    void updatePhone(UUID id, String phone) {
        jdbc.sql("update users set phone = :phone, updated_at = now() where id = :id")
                .param("phone", phone).param("id", id).update();
    }

    boolean emailTaken(String email, UUID except) {
        return jdbc.sql("select exists (select 1 from users where lower(email) = lower(:email) and id <> :except)")
                .param("email", email).param("except", except != null ? except : new UUID(0, 0))
                .query(Boolean.class).single();
    }

    UUID insert(String email, String name, String passwordHash, Role role, UUID departmentId, UUID createdBy) {
        return jdbc.sql("""
                insert into users (email, name, password_hash, role, department_id, created_by)
                values (:email, :name, :hash, :role, :department, :createdBy) returning id
                """)
                .param("email", email).param("name", name).param("hash", passwordHash).param("role", role.name())
                .param("department", departmentId).param("createdBy", createdBy)
                .query(UUID.class).single();
    }

    boolean update(UUID id, int version, String email, String name, Role role, UUID departmentId, boolean active) {
        return jdbc.sql("""
                update users set email = :email, name = :name, role = :role, department_id = :department,
                       active = :active, updated_at = now(), version = version + 1
                where id = :id and version = :version
                """)
                .param("email", email).param("name", name).param("role", role.name()).param("department", departmentId)
                .param("active", active).param("id", id).param("version", version)
                .update() == 1;
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("""
                update users set password_hash = :hash, password_changed_at = now(), updated_at = now(),
                       version = version + 1 where id = :id
                """).param("hash", passwordHash).param("id", id).update();
    }

    private UserView view(ResultSet rs, int row) throws SQLException {
        return new UserView(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), rs.getObject("department_id", UUID.class),
                rs.getString("department_name"), rs.getBoolean("active"), instant(rs, "last_login_at"),
                instant(rs, "locked_until"), rs.getInt("version"), rs.getString("phone"));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
