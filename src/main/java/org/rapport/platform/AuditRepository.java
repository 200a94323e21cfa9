package org.rapport.platform;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.Field;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads {@code audit_events}. */
@Repository
class AuditRepository {

    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<UUID> ACTOR = field(name("actor_id"), UUID.class);
    private static final Field<String> TYPE = field(name("record_type"), String.class);
    private static final Field<UUID> RECORD = field(name("record_id"), UUID.class);
    private static final Field<OffsetDateTime> AT = field(name("occurred_at"), OffsetDateTime.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID actorId, RecordRef record, AuditService.Action action, Map<String, AuditService.Change> changes) {
        jdbc.sql("""
                insert into audit_events (actor_id, record_type, record_id, action, changes)
                values (:actor, :type, :record, :action, cast(:changes as jsonb))
                """)
                .param("actor", actorId)
                .param("type", record.type())
                .param("record", record.id())
                .param("action", action.name())
                .param("changes", json.writeValueAsString(changes))
                .update();
    }

    /** An audit row of a change, before its changes are serialized. */
    record Row(RecordRef record, AuditService.Action action, Map<String, AuditService.Change> changes) {
    }

    /** A row of {@link #insertAll}: its changes as JSON. */
    record SerializedRow(RecordRef record, AuditService.Action action, String changes) {
    }

    /** The rows with their changes as JSON; no database work, so any thread may call it. */
    List<SerializedRow> serialized(List<Row> rows) {
        List<SerializedRow> serialized = new java.util.ArrayList<>(rows.size());
        for (Row row : rows) {
            serialized.add(new SerializedRow(row.record(), row.action(), json.writeValueAsString(row.changes())));
        }
        return serialized;
    }

    /** Inserts many rows in one statement (arrays unnested), whatever their number. */
    void insertAll(UUID actorId, List<SerializedRow> rows) {
        jdbc.sql("""
                insert into audit_events (actor_id, record_type, record_id, action, changes)
                select :actor, r.type, r.record, r.action, cast(r.changes as jsonb)
                from unnest(cast(:types as text[]), cast(:records as uuid[]), cast(:actions as text[]),
                            cast(:changes as text[])) as r(type, record, action, changes)
                """)
                .param("actor", actorId)
                .param("types", rows.stream().map(r -> r.record().type()).toArray(String[]::new))
                .param("records", rows.stream().map(r -> r.record().id()).toArray(UUID[]::new))
                .param("actions", rows.stream().map(r -> r.action().name()).toArray(String[]::new))
                .param("changes", rows.stream().map(SerializedRow::changes).toArray(String[]::new))
                .update();
    }

    List<AuditService.Entry> search(AuditService.Query q) {
        Condition where = noCondition();
        if (q.actorId() != null) {
            where = where.and(ACTOR.eq(q.actorId()));
        }
        if (q.recordType() != null) {
            where = where.and(TYPE.eq(q.recordType()));
        }
        if (q.recordId() != null) {
            where = where.and(RECORD.eq(q.recordId()));
        }
        if (q.from() != null) {
            where = where.and(AT.ge(q.from().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (q.to() != null) {
            where = where.and(AT.lt(q.to().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (q.beforeId() != null) {
            where = where.and(ID.lt(q.beforeId()));
        }
        var query = Sql.dsl()
                .select(ID, AT, ACTOR, TYPE, RECORD, field(name("action")), field(name("changes")).cast(String.class))
                .from(table(name("audit_events")))
                .where(where)
                .orderBy(ID.desc())
                .limit(Math.clamp(q.limit(), 1, 500));
        return Sql.query(jdbc, query).query(this::map).list();
    }

    /** Follows MERGE entries from the record to the ids merged into it, and on to those merged into them. */
    Set<UUID> mergedInto(String type, UUID id) {
        return new LinkedHashSet<>(jdbc.sql("""
                with recursive merged(id) as (
                    select cast(:id as uuid)
                    union
                    select cast(m.value as uuid)
                    from merged
                    join audit_events a on a.record_type = :type and a.record_id = merged.id and a.action = 'MERGE'
                    cross join lateral jsonb_array_elements_text(
                        case when jsonb_typeof(a.changes -> :mergedIds -> 'newValue') = 'array'
                             then a.changes -> :mergedIds -> 'newValue' else '[]'::jsonb end) m(value)
                )
                select id from merged
                """)
                .param("id", id).param("type", type).param("mergedIds", AuditService.MERGED_IDS)
                .query(UUID.class).list());
    }

    List<AuditService.Entry> history(String type, Collection<UUID> ids, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor_id, record_type, record_id, action, changes::text
                from audit_events where record_type = :type and record_id = any(:ids)
                order by id desc limit :limit
                """)
                .param("type", type).param("ids", ids.toArray(UUID[]::new)).param("limit", limit)
                .query(this::map).list();
    }

    /** Replaces the old and new values of these fields with {@link AuditService#ERASED} in every entry of the records. */
    void redact(String type, Collection<UUID> ids, List<String> fields) {
        jdbc.sql("""
                update audit_events set changes = (
                    select jsonb_object_agg(e.key, case when e.key = any(:fields) then jsonb_build_object(
                               'oldValue', case when coalesce(jsonb_typeof(e.value -> 'oldValue'), 'null') = 'null' then null
                                                else to_jsonb(cast(:erased as text)) end,
                               'newValue', case when coalesce(jsonb_typeof(e.value -> 'newValue'), 'null') = 'null' then null
                                                else to_jsonb(cast(:erased as text)) end)
                           else e.value end)
                    from jsonb_each(changes) e)
                where record_type = :type and record_id = any(:ids) and jsonb_exists_any(changes, :fields)
                """)
                .param("fields", fields.toArray(String[]::new)).param("erased", AuditService.ERASED)
                .param("type", type).param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    private AuditService.Entry map(ResultSet rs, int row) throws SQLException {
        Map<String, Map<String, Object>> raw = json.readValue(rs.getString(7), new TypeReference<>() { });
        Map<String, AuditService.Change> changes = new LinkedHashMap<>();
        raw.forEach((field, change) -> changes.put(field,
                new AuditService.Change(change.get("oldValue"), change.get("newValue"))));
        return new AuditService.Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
                AuditService.Action.valueOf(rs.getString(6)), changes);
    }

}
