package org.rapport.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EmailTemplateRepository {

    private static final String SELECT = "select id, name, subject, body, updated_at, version from email_templates";

    private final JdbcClient jdbc;

    EmailTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EmailTemplate> list() {
        return jdbc.sql(SELECT + " order by lower(name), id").query(this::row).list();
    }

    Optional<EmailTemplate> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists (select 1 from email_templates where lower(name) = lower(:name) and id <> :except)")
                .param("name", name).param("except", except == null ? new UUID(0, 0) : except)
                .query(Boolean.class).single();
    }

    UUID insert(String name, String subject, String body, UUID by) {
        return jdbc.sql("""
                        insert into email_templates (name, subject, body, created_by) values (:name, :subject, :body, :by)
                        returning id
                        """)
                .param("name", name).param("subject", subject).param("body", body).param("by", by)
                .query(UUID.class).single();
    }

    boolean update(UUID id, int version, String name, String subject, String body) {
        return jdbc.sql("""
                        update email_templates set name = :name, subject = :subject, body = :body, updated_at = now(),
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id).param("version", version).param("name", name).param("subject", subject)
                .param("body", body).update() == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from email_templates where id = :id").param("id", id).update() == 1;
    }

    private EmailTemplate row(ResultSet rs, int n) throws SQLException {
        return new EmailTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("subject"),
                rs.getString("body"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
