package org.rapport.email;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SmtpSettingsRepository {

    /** The settings with the encrypted password, for the sender. */
    record Stored(SmtpSettings settings, String passwordSecret) {
    }

    private final JdbcClient jdbc;

    SmtpSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stored read() {
        return jdbc.sql("""
                        select host, port, security, username, password_secret, from_address, from_name, enabled,
                            updated_at, version
                        from email_smtp_settings
                        """)
                .query((rs, n) -> new Stored(new SmtpSettings(rs.getString("host"), rs.getInt("port"),
                        SmtpSecurity.valueOf(rs.getString("security")), rs.getString("username"),
                        rs.getString("password_secret") != null, rs.getString("from_address"),
                        rs.getString("from_name"), rs.getBoolean("enabled"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")),
                        rs.getString("password_secret")))
                .single();
    }

    /** Saves when the version still matches; {@code keepPassword} leaves the stored password as it is. */
    boolean save(SmtpSettings s, boolean keepPassword, String passwordSecret, java.util.UUID by) {
        return jdbc.sql("""
                        update email_smtp_settings set host = :host, port = :port, security = :security,
                            username = :username,
                            password_secret = case when :keep then password_secret else :secret end,
                            from_address = :fromAddress, from_name = :fromName, enabled = :enabled,
                            updated_at = now(), updated_by = :by, version = version + 1
                        where version = :version
                        """)
                .param("host", s.host()).param("port", s.port()).param("security", s.security().name())
                .param("username", s.username()).param("keep", keepPassword).param("secret", passwordSecret)
                .param("fromAddress", s.fromAddress()).param("fromName", s.fromName()).param("enabled", s.enabled())
                .param("by", by).param("version", s.version())
                .update() == 1;
    }
}
