package org.rapport.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.rapport.shared.CursorPage;
import org.rapport.shared.Cursors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code leads}; reads take the caller's visibility filter over alias {@code l}. */
@Repository
class LeadRepository {

    private static final String SELECT = """
            select l.*, u.name as owner_name, d.name as department_name
            from leads l left join users u on u.id = l.owner_id left join departments d on d.id = l.department_id
            """;

    private final JdbcClient jdbc;

    LeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LeadView> find(UUID id, SqlFilter visible) {
        return jdbc.sql(SELECT + " where l.id = :id and " + visible.sql()).params(visible.params()).param("id", id)
                .query(LeadRepository::row).optional();
    }

    /** The leads with these ids, read past visibility. */
    List<LeadView> findAll(Collection<UUID> ids) {
        return jdbc.sql(SELECT + " where l.id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query(LeadRepository::row).list();
    }

    /** Locks the lead's row for the rest of the transaction (conversion, concurrent updates). */
    void lock(UUID id) {
        jdbc.sql("select 1 from leads where id = :id for update").param("id", id).query((rs, n) -> 1).list();
    }

    /** Newest first, after the cursor; filters are bound as parameters, never written into the SQL. */
    CursorPage<LeadView> list(SqlFilter visible, LeadFilter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        if (filter.status() != null) {
            sql.append(" and l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.source() != null) {
            sql.append(" and l.source = :source");
            params.put("source", filter.source().name());
        }
        if (filter.ownerId() != null) {
            sql.append(" and l.owner_id = :owner");
            params.put("owner", filter.ownerId());
        }
        if (filter.departmentId() != null) {
            sql.append(" and l.department_id = :department");
            params.put("department", filter.departmentId());
        }
        if (filter.queued()) {
            sql.append(" and l.owner_id is null");
        }
        if (filter.q() != null) {
            sql.append(" and (concat_ws(' ', l.first_name, l.last_name, l.company, l.email) ilike :q)");
            params.put("q", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (cursor != null) {
            String[] key = Cursors.decode(cursor, 2);
            sql.append(" and (l.created_at, l.id) < (:afterAt, :afterId)");
            params.put("afterAt", Cursors.time(key[0]));
            params.put("afterId", UUID.fromString(key[1]));
        }
        sql.append(" order by l.created_at desc, l.id desc limit :limit");
        params.put("limit", limit + 1);
        List<LeadView> rows = jdbc.sql(sql.toString()).params(params).query(LeadRepository::row).list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        LeadView last = rows.get(limit - 1);
        return new CursorPage<>(rows.subList(0, limit), Cursors.encode(last.createdAt().toString(), last.id().toString()));
    }

    UUID insert(LeadFields f, UUID generatedBy, UUID createdBy) {
        return jdbc.sql("""
                        insert into leads (first_name, last_name, email, phone, company, title, country, source,
                            campaign_id, status, disqualified_reason, owner_id, department_id, generated_by, created_by)
                        values (:firstName, :lastName, :email, :phone, :company, :title, :country, :source,
                            :campaignId, :status, :reason, :owner, :department, :generatedBy, :createdBy)
                        returning id
                        """)
                .params(fieldParams(f)).param("generatedBy", generatedBy).param("createdBy", createdBy)
                .query(UUID.class).single();
    }

    boolean update(UUID id, int expectedVersion, LeadFields f) {
        return jdbc.sql("""
                        update leads set first_name = :firstName, last_name = :lastName, email = :email, phone = :phone,
                            company = :company, title = :title, country = :country, source = :source,
                            campaign_id = :campaignId, status = :status, disqualified_reason = :reason,
                            owner_id = :owner, department_id = :department, updated_at = now(), version = version + 1
                        where id = :id and version = :version
                        """)
                .params(fieldParams(f)).param("id", id).param("version", expectedVersion).update() == 1;
    }

    void markConverted(UUID id, UUID contactId, UUID accountId, UUID dealId) {
        jdbc.sql("""
                        update leads set status = 'CONVERTED', converted_at = now(), converted_contact_id = :contact,
                            converted_account_id = :account, converted_deal_id = :deal, disqualified_reason = null,
                            updated_at = now(), version = version + 1
                        where id = :id
                        """)
                .param("id", id).param("contact", contactId).param("account", accountId).param("deal", dealId)
                .update();
    }

    void setScores(Map<UUID, Integer> scores) {
        if (scores.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update leads l set score = x.score
                        from unnest(cast(:ids as uuid[]), cast(:scores as int[])) as x(id, score)
                        where l.id = x.id and l.score <> x.score
                        """)
                .param("ids", scores.keySet().toArray(UUID[]::new))
                .param("scores", scores.values().toArray(Integer[]::new)).update();
    }

    /**
     * Serializes, until the transaction ends, the creation of leads with this email or phone, so that two captures of
     * one new caller or sender at once do not make two leads.
     */
    void lockIdentity(String email, String phone) {
        for (String key : new String[] {email, phone}) {
            if (key != null) {
                jdbc.sql("select pg_advisory_xact_lock(hashtext('lead-identity:' || :key))").param("key", key)
                        .query((rs, n) -> 1).list();
            }
        }
    }

    /** Open (not converted) leads with this email or phone, other than {@code except}. */
    List<UUID> duplicates(String email, String phone, UUID except) {
        if (email == null && phone == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from leads where status <> 'CONVERTED' and id <> :except
                        and (lower(email) = cast(:email as text) or phone = cast(:phone as text)) order by created_at limit 10
                        """)
                .param("email", email).param("phone", phone)
                .param("except", except == null ? new UUID(0, 0) : except).query(UUID.class).list();
    }

    private static Map<String, Object> fieldParams(LeadFields f) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", f.firstName());
        p.put("lastName", f.lastName());
        p.put("email", f.email());
        p.put("phone", f.phone());
        p.put("company", f.company());
        p.put("title", f.title());
        p.put("country", f.country());
        p.put("source", f.source().name());
        p.put("campaignId", f.campaignId());
        p.put("status", f.status().name());
        p.put("reason", f.disqualifiedReason());
        p.put("owner", f.ownerId());
        p.put("department", f.departmentId());
        return p;
    }

    static LeadView row(ResultSet rs, int n) throws SQLException {
        return new LeadView(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("company"), rs.getString("title"),
                rs.getString("country"), LeadSource.valueOf(rs.getString("source")),
                rs.getObject("campaign_id", UUID.class), LeadStatus.valueOf(rs.getString("status")),
                rs.getString("disqualified_reason"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                rs.getObject("department_id", UUID.class), rs.getString("department_name"),
                rs.getObject("generated_by", UUID.class), instant(rs, "converted_at"),
                rs.getObject("converted_contact_id", UUID.class), rs.getObject("converted_account_id", UUID.class),
                rs.getObject("converted_deal_id", UUID.class), rs.getInt("score"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
