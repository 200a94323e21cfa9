package org.rapport.sales;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of bulk lead writes (imports) and their undo: a fixed number of statements per call, whatever its size. */
@Repository
class LeadBulkRepository {

    /** An open lead with one of the emails, and whether the writer may see it. */
    record Match(UUID leadId, String email, boolean visible) {
    }

    /** A lead a batch created or updated, and its version when the batch was done with it. */
    record Write(UUID leadId, boolean created, int versionAfter) {
    }

    private final JdbcClient jdbc;

    LeadBulkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes, in one statement and in a fixed order, the locks {@link LeadRepository#lockIdentity} takes for each
     * email, so that a capture or another import of the same people waits for this transaction.
     */
    void lockEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select pg_advisory_xact_lock(k) from (
                            select distinct hashtext('lead-identity:' || e) as k
                            from unnest(cast(:emails as text[])) as e order by k) as keys
                        """)
                .param("emails", emails.toArray(String[]::new)).query((rs, n) -> 1).list();
    }

    /** The oldest open (not converted) lead with each of these lower-case emails. */
    List<Match> openByEmail(SqlFilter visible, Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct on (lower(l.email)) l.id, lower(l.email) as email, (" + visible.sql() + """
                        ) as visible
                        from leads l where l.status <> 'CONVERTED' and lower(l.email) = any(:emails)
                        order by lower(l.email), l.created_at, l.id
                        """)
                .params(visible.params()).param("emails", emails.toArray(String[]::new))
                .query((rs, n) -> new Match(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getBoolean("visible")))
                .list();
    }

    /** Locks the rows of these leads until the transaction ends, in a fixed order. */
    void lock(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("select 1 from leads where id = any(:ids) order by id for update")
                    .param("ids", ids.toArray(UUID[]::new)).query((rs, n) -> 1).list();
        }
    }

    void insert(Map<UUID, LeadFields> leads, UUID createdBy) {
        if (leads.isEmpty()) {
            return;
        }
        Columns c = new Columns(leads);
        jdbc.sql("""
                        insert into leads (id, first_name, last_name, email, phone, company, title, country, source,
                            status, owner_id, department_id, generated_by, created_by)
                        select x.id, x.first_name, x.last_name, x.email, x.phone, x.company, x.title, x.country,
                            x.source, 'NEW', x.owner_id, x.department_id, :createdBy, :createdBy
                        from unnest(cast(:ids as uuid[]), cast(:firstNames as text[]), cast(:lastNames as text[]),
                            cast(:emails as text[]), cast(:phones as text[]), cast(:companies as text[]),
                            cast(:titles as text[]), cast(:countries as text[]), cast(:sources as text[]),
                            cast(:owners as uuid[]), cast(:departments as uuid[]))
                          as x(id, first_name, last_name, email, phone, company, title, country, source, owner_id,
                               department_id)
                        """)
                .params(c.params).param("createdBy", createdBy).update();
    }

    void update(Map<UUID, LeadFields> leads) {
        if (leads.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update leads l set first_name = x.first_name, last_name = x.last_name, email = x.email,
                            phone = x.phone, company = x.company, title = x.title, country = x.country,
                            source = x.source, owner_id = x.owner_id, department_id = x.department_id,
                            updated_at = now(), version = l.version + 1
                        from unnest(cast(:ids as uuid[]), cast(:firstNames as text[]), cast(:lastNames as text[]),
                            cast(:emails as text[]), cast(:phones as text[]), cast(:companies as text[]),
                            cast(:titles as text[]), cast(:countries as text[]), cast(:sources as text[]),
                            cast(:owners as uuid[]), cast(:departments as uuid[]))
                          as x(id, first_name, last_name, email, phone, company, title, country, source, owner_id,
                               department_id)
                        where l.id = x.id
                        """)
                .params(new Columns(leads).params).update();
    }

    /** Keeps the rows of leads the batch is about to update, the first time it touches each. */
    void snapshot(UUID batchId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into lead_bulk_writes (batch_id, lead_id, action, version_after, before)
                        select :batch, l.id, 'UPDATED', l.version + 1, to_jsonb(l) from leads l where l.id = any(:ids)
                        on conflict (batch_id, lead_id) do update set version_after = excluded.version_after
                        """)
                .param("batch", batchId).param("ids", ids.toArray(UUID[]::new)).update();
    }

    void recordCreated(UUID batchId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into lead_bulk_writes (batch_id, lead_id, action, version_after)
                        select :batch, id, 'CREATED', 0 from unnest(cast(:ids as uuid[])) as id
                        """)
                .param("batch", batchId).param("ids", ids.toArray(UUID[]::new)).update();
    }

    List<Write> nextWrites(UUID batchId, int limit) {
        return jdbc.sql("""
                        select lead_id, action, version_after from lead_bulk_writes
                        where batch_id = :batch order by lead_id limit :limit for update
                        """)
                .param("batch", batchId).param("limit", limit)
                .query((rs, n) -> new Write(rs.getObject(1, UUID.class), "CREATED".equals(rs.getString(2)),
                        rs.getInt(3)))
                .list();
    }

    /** Puts these leads' values back as the batch found them. */
    void restore(UUID batchId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update leads l set first_name = s.first_name, last_name = s.last_name, email = s.email,
                            phone = s.phone, company = s.company, title = s.title, country = s.country,
                            source = s.source, owner_id = s.owner_id, department_id = s.department_id,
                            updated_at = now(), version = l.version + 1
                        from lead_bulk_writes w, jsonb_populate_record(null::leads, w.before) s
                        where w.batch_id = :batch and w.lead_id = l.id and l.id = any(:ids)
                        """)
                .param("batch", batchId).param("ids", ids.toArray(UUID[]::new)).update();
    }

    void delete(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from leads where id = any(:ids)").param("ids", ids.toArray(UUID[]::new)).update();
        }
    }

    void forget(UUID batchId, Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from lead_bulk_writes where batch_id = :batch and lead_id = any(:ids)")
                    .param("batch", batchId).param("ids", ids.toArray(UUID[]::new)).update();
        }
    }

    /** The lead values as parallel arrays, one per column, for {@code unnest}. */
    private static final class Columns {
        final Map<String, Object> params = new HashMap<>();

        Columns(Map<UUID, LeadFields> leads) {
            List<UUID> ids = new ArrayList<>(leads.keySet());
            List<LeadFields> f = ids.stream().map(leads::get).toList();
            params.put("ids", ids.toArray(UUID[]::new));
            params.put("firstNames", f.stream().map(LeadFields::firstName).toArray(String[]::new));
            params.put("lastNames", f.stream().map(LeadFields::lastName).toArray(String[]::new));
            params.put("emails", f.stream().map(LeadFields::email).toArray(String[]::new));
            params.put("phones", f.stream().map(LeadFields::phone).toArray(String[]::new));
            params.put("companies", f.stream().map(LeadFields::company).toArray(String[]::new));
            params.put("titles", f.stream().map(LeadFields::title).toArray(String[]::new));
            params.put("countries", f.stream().map(LeadFields::country).toArray(String[]::new));
            params.put("sources", f.stream().map(l -> l.source().name()).toArray(String[]::new));
            params.put("owners", f.stream().map(LeadFields::ownerId).toArray(UUID[]::new));
            params.put("departments", f.stream().map(LeadFields::departmentId).toArray(UUID[]::new));
        }
    }
}
