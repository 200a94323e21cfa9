package org.rapport.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MailboxRepository {

    /** A mailbox's connection and sync position, taken with a lease for one sync. */
    record Claim(UUID id, String name, UUID ownerId, UUID createdBy, String host, int port, boolean ssl,
                 String username, String passwordSecret, String folder, Long uidValidity, long lastUid,
                 MailboxStatus status, Instant lastSuccessAt) {
    }

    /** What one message, or one sync, adds to the counts. */
    record Counts(long seen, long logged, long unmatched, long failed, long attachmentsSkipped) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /** A mailbox's settings as written by its form; a null password secret keeps the stored one. */
    record Settings(String name, String host, int port, boolean ssl, String username, String passwordSecret,
                    String folder, boolean enabled) {
    }

    private static final String SELECT = """
            select m.id, m.name, m.owner_id, u.name as owner_name, m.host, m.port, m.ssl, m.username, m.folder,
                m.enabled, m.status, m.last_attempt_at, m.last_success_at, m.last_error, m.last_error_at, m.failures,
                m.messages_seen, m.messages_logged, m.messages_unmatched, m.messages_failed, m.attachments_skipped,
                m.last_message_error, coalesce(m.lease_until > now(), false) as syncing,
                m.sync_requested_at is not null as queued, m.created_at, m.version
            from email_mailboxes m left join users u on u.id = m.owner_id
            """;

    private final JdbcClient jdbc;

    MailboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Mailboxes, shared inboxes first; with an owner, only that user's personal ones. */
    List<Mailbox> list(UUID onlyOwner) {
        return jdbc.sql(SELECT + " where (cast(:owner as uuid) is null or m.owner_id = :owner)"
                        + " order by m.owner_id is not null, lower(m.name), m.id")
                .param("owner", onlyOwner).query(this::row).list();
    }

    Optional<Mailbox> find(UUID id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(this::row).optional();
    }

    UUID insert(UUID ownerId, Settings s, UUID by) {
        return jdbc.sql("""
                        insert into email_mailboxes (name, owner_id, host, port, ssl, username, password_secret, folder,
                            enabled, created_by)
                        values (:name, :owner, :host, :port, :ssl, :username, :secret, :folder, :enabled, :by)
                        returning id
                        """)
                .param("owner", ownerId).param("by", by).params(settingsParams(s))
                .query(UUID.class).single();
    }

    /** Saves the settings; a new server, account or folder starts the sync position over. */
    boolean update(UUID id, int version, Settings s) {
        return jdbc.sql("""
                        update email_mailboxes set
                            uid_validity = case when (host, port, username, folder) = (:host, :port, :username, :folder)
                                then uid_validity end,
                            last_uid = case when (host, port, username, folder) = (:host, :port, :username, :folder)
                                then last_uid else 0 end,
                            name = :name, host = :host, port = :port, ssl = :ssl, username = :username,
                            password_secret = coalesce(:secret, password_secret), folder = :folder,
                            enabled = :enabled, updated_at = now(), version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id).param("version", version).params(settingsParams(s)).update() == 1;
    }

    void delete(UUID id) {
        jdbc.sql("delete from email_mailboxes where id = :id").param("id", id).update();
    }

    void requestSync(UUID id) {
        jdbc.sql("update email_mailboxes set sync_requested_at = now() where id = :id").param("id", id).update();
    }

    /** Enabled mailboxes that no node is syncing, the longest unsynced first. */
    List<UUID> idle() {
        return jdbc.sql("""
                        select id from email_mailboxes where enabled and (lease_until is null or lease_until < now())
                        order by last_attempt_at nulls first
                        """)
                .query(UUID.class).list();
    }

    /** Takes the mailbox for one sync unless another is running (or it is disabled). */
    Optional<Claim> claim(UUID id, int leaseSeconds) {
        return jdbc.sql("""
                        update email_mailboxes set lease_until = now() + make_interval(secs => :lease),
                            sync_requested_at = null, last_attempt_at = now()
                        where id = :id and enabled and (lease_until is null or lease_until < now())
                        returning id, name, owner_id, created_by, host, port, ssl, username, password_secret, folder,
                            uid_validity, last_uid, status, last_success_at
                        """)
                .param("id", id).param("lease", leaseSeconds)
                .query((rs, n) -> new Claim(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("owner_id", UUID.class), rs.getObject("created_by", UUID.class),
                        rs.getString("host"), rs.getInt("port"), rs.getBoolean("ssl"), rs.getString("username"),
                        rs.getString("password_secret"), rs.getString("folder"),
                        (Long) rs.getObject("uid_validity"), rs.getLong("last_uid"),
                        MailboxStatus.valueOf(rs.getString("status")), instant(rs, "last_success_at")))
                .optional();
    }

    /** Moves the sync position and adds to the counts. */
    void advance(UUID id, long uidValidity, long lastUid, Counts c, String messageError) {
        jdbc.sql("""
                        update email_mailboxes set uid_validity = :validity, last_uid = :uid,
                            messages_seen = messages_seen + :seen, messages_logged = messages_logged + :logged,
                            messages_unmatched = messages_unmatched + :unmatched,
                            messages_failed = messages_failed + :failed,
                            attachments_skipped = attachments_skipped + :skipped,
                            last_message_error = coalesce(:messageError, last_message_error)
                        where id = :id
                        """)
                .param("id", id).param("validity", uidValidity).param("uid", lastUid).param("seen", c.seen())
                .param("logged", c.logged()).param("unmatched", c.unmatched()).param("failed", c.failed())
                .param("skipped", c.attachmentsSkipped()).param("messageError", messageError).update();
    }

    void succeeded(UUID id) {
        jdbc.sql("""
                        update email_mailboxes set status = 'OK', last_success_at = now(), failures = 0,
                            lease_until = null
                        where id = :id
                        """)
                .param("id", id).update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("""
                        update email_mailboxes set status = 'ERROR', last_error = :error, last_error_at = now(),
                            failures = failures + 1, lease_until = null
                        where id = :id
                        """)
                .param("id", id).param("error", error).update();
    }

    private static java.util.Map<String, Object> settingsParams(Settings s) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", s.name());
        p.put("host", s.host());
        p.put("port", s.port());
        p.put("ssl", s.ssl());
        p.put("username", s.username());
        p.put("secret", s.passwordSecret());
        p.put("folder", s.folder());
        p.put("enabled", s.enabled());
        return p;
    }

    private Mailbox row(ResultSet rs, int n) throws SQLException {
        return new Mailbox(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"), rs.getString("host"), rs.getInt("port"), rs.getBoolean("ssl"),
                rs.getString("username"), rs.getString("folder"), rs.getBoolean("enabled"),
                MailboxStatus.valueOf(rs.getString("status")), instant(rs, "last_attempt_at"),
                instant(rs, "last_success_at"), rs.getString("last_error"), instant(rs, "last_error_at"),
                rs.getInt("failures"), rs.getLong("messages_seen"), rs.getLong("messages_logged"),
                rs.getLong("messages_unmatched"), rs.getLong("messages_failed"), rs.getLong("attachments_skipped"),
                rs.getString("last_message_error"), rs.getBoolean("syncing"), rs.getBoolean("queued"),
                instant(rs, "created_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
