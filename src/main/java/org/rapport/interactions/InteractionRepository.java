package org.rapport.interactions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InteractionRepository {

    /** An interaction's own columns, as written. */
    record Row(InteractionType type, Direction direction, Instant occurredAt, Integer durationSeconds, String subject,
               String body, BodyFormat bodyFormat, CallOutcome outcome, Sentiment sentiment, String fromAddress,
               String toAddress, InteractionView.Origin origin, String recordingUrl, InteractionSource source,
               String externalId, String messageId, String inReplyTo, UUID threadId, UUID ownerId,
               UUID departmentId) {
    }

    /** Filters of a list; null means any. The record filter uses the timeline index. */
    record Filter(RecordRef record, InteractionType type, UUID userId, Instant from, Instant to) {
    }

    private static final String COLUMNS = """
            i.id, i.type, i.direction, i.occurred_at, i.duration_seconds, i.subject, i.body, i.body_format,
            i.outcome, i.sentiment, i.from_address, i.to_address, i.origin_country, i.origin_region,
            i.origin_domain, i.recording_url, i.source, i.external_id, i.message_id, i.in_reply_to, i.thread_id,
            i.owner_id, i.department_id, i.created_at, i.updated_at, i.version
            """;

    private final JdbcClient jdbc;

    InteractionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts, or returns empty when an interaction with the same source and external id exists. */
    Optional<UUID> insert(Row row, UUID createdBy) {
        return jdbc.sql("""
                        insert into interactions (type, direction, occurred_at, duration_seconds, subject, body,
                            body_format, outcome, sentiment, from_address, to_address, origin_country, origin_region,
                            origin_domain, recording_url, source, external_id, message_id, in_reply_to, thread_id,
                            owner_id, department_id, created_by)
                        values (:type, :direction, :occurred, :duration, :subject, :body, :format, :outcome,
                            :sentiment, :from, :to, :country, :region, :domain, :recording, :source, :external,
                            :message, :replyTo, :thread, :owner, :department, :createdBy)
                        on conflict (source, external_id) where external_id is not null do nothing
                        returning id
                        """)
                .params(params(row)).param("createdBy", createdBy)
                .query(UUID.class).optional();
    }

    Optional<UUID> findByExternalId(InteractionSource source, String externalId) {
        return jdbc.sql("select id from interactions where source = :source and external_id = :external")
                .param("source", source.name()).param("external", externalId).query(UUID.class).optional();
    }

    boolean update(UUID id, int expectedVersion, Row row) {
        return jdbc.sql("""
                        update interactions set type = :type, direction = :direction, occurred_at = :occurred,
                            duration_seconds = :duration, subject = :subject, body = :body, body_format = :format,
                            outcome = :outcome, sentiment = :sentiment, from_address = :from, to_address = :to,
                            origin_country = :country, origin_region = :region, origin_domain = :domain,
                            recording_url = :recording, owner_id = :owner, department_id = :department,
                            updated_at = now(), version = version + 1
                        where id = :id and version = :version
                        """)
                .params(params(row)).param("id", id).param("version", expectedVersion).update() == 1;
    }

    /** Keeps the timeline order of the interaction's records in step with its time. */
    void retime(UUID id, Instant occurredAt) {
        jdbc.sql("update interaction_links set occurred_at = :occurred where interaction_id = :id")
                .param("occurred", Timestamp.from(occurredAt)).param("id", id).update();
    }

    /** Marks the interaction as changed (new version) when only its links or participants changed. */
    void touch(UUID id) {
        jdbc.sql("update interactions set updated_at = now(), version = version + 1 where id = :id")
                .param("id", id).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from interactions where id = :id").param("id", id).update();
    }

    void link(UUID id, Instant occurredAt, Collection<RecordRef> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into interaction_links (interaction_id, record_type, record_id, occurred_at)
                        select :id, t, r, :occurred from unnest(cast(:types as text[]), cast(:ids as uuid[])) as x(t, r)
                        on conflict do nothing
                        """)
                .param("id", id).param("occurred", Timestamp.from(occurredAt))
                .param("types", records.stream().map(RecordRef::type).toArray(String[]::new))
                .param("ids", records.stream().map(RecordRef::id).toArray(UUID[]::new))
                .update();
    }

    void replaceParticipants(UUID id, Collection<UUID> contactIds, Collection<UUID> userIds) {
        jdbc.sql("delete from interaction_participants where interaction_id = :id").param("id", id).update();
        List<String> types = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        contactIds.forEach(c -> { types.add("CONTACT"); ids.add(c); });
        userIds.forEach(u -> { types.add("USER"); ids.add(u); });
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into interaction_participants (interaction_id, participant_type, participant_id)
                        select :id, t, p from unnest(cast(:types as text[]), cast(:ids as uuid[])) as x(t, p)
                        on conflict do nothing
                        """)
                .param("id", id).param("types", types.toArray(String[]::new)).param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    void unlink(UUID id, String recordType) {
        jdbc.sql("delete from interaction_links where interaction_id = :id and record_type = :type")
                .param("id", id).param("type", recordType).update();
    }

    Optional<InteractionView> find(UUID id, SqlFilter visible) {
        List<InteractionView> found = hydrate(jdbc.sql("select " + COLUMNS + " from interactions i where i.id = :id and "
                        + visible.sql())
                .params(visible.params()).param("id", id).query(this::row).list());
        return found.stream().findFirst();
    }

    /**
     * A page of interactions, newest first. With a record filter the record's timeline is read through its links
     * (the caller has checked that the record is visible, so every interaction on it is); otherwise {@code visible}
     * applies.
     */
    List<InteractionView> list(Filter filter, SqlFilter visible, Instant afterOccurred, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from interactions i");
        Map<String, Object> params = new HashMap<>(visible.params());
        String time = "i.occurred_at";
        String id = "i.id";
        if (filter.record() != null) {
            sql.append(" join interaction_links l on l.interaction_id = i.id and l.record_type = :recordType"
                    + " and l.record_id = :recordId");
            params.put("recordType", filter.record().type());
            params.put("recordId", filter.record().id());
            time = "l.occurred_at";
            id = "l.interaction_id";
        }
        sql.append(" where ").append(visible.sql());
        if (filter.type() != null) {
            sql.append(" and i.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.userId() != null) {
            sql.append(" and (i.owner_id = :userId or exists (select 1 from interaction_participants p"
                    + " where p.interaction_id = i.id and p.participant_type = 'USER' and p.participant_id = :userId))");
            params.put("userId", filter.userId());
        }
        if (filter.from() != null) {
            sql.append(" and ").append(time).append(" >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and ").append(time).append(" < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (afterOccurred != null) {
            sql.append(" and (").append(time).append(", ").append(id).append(") < (:afterOccurred, :afterId)");
            params.put("afterOccurred", Timestamp.from(afterOccurred));
            params.put("afterId", afterId);
        }
        sql.append(" order by ").append(time).append(" desc, ").append(id).append(" desc limit :limit");
        params.put("limit", limit);
        return hydrate(jdbc.sql(sql.toString()).params(params).query(this::row).list());
    }

    /** The thread of the first known message among the given Message-IDs. */
    Optional<UUID> threadOf(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select coalesce(thread_id, id) from interactions where message_id = any(:ids)"
                        + " order by occurred_at limit 1")
                .param("ids", messageIds.toArray(String[]::new)).query(UUID.class).optional();
    }

    /** Points every link and participation of the merged records at the survivor. */
    void repoint(String recordType, UUID survivorId, Collection<UUID> mergedIds) {
        UUID[] merged = mergedIds.toArray(UUID[]::new);
        jdbc.sql("""
                        insert into interaction_links (interaction_id, record_type, record_id, occurred_at)
                        select interaction_id, record_type, :survivor, occurred_at from interaction_links
                        where record_type = :type and record_id = any(:merged)
                        on conflict do nothing
                        """)
                .param("survivor", survivorId).param("type", recordType).param("merged", merged).update();
        jdbc.sql("delete from interaction_links where record_type = :type and record_id = any(:merged)")
                .param("type", recordType).param("merged", merged).update();
        if ("contact".equals(recordType)) {
            jdbc.sql("""
                            insert into interaction_participants (interaction_id, participant_type, participant_id)
                            select interaction_id, 'CONTACT', :survivor from interaction_participants
                            where participant_type = 'CONTACT' and participant_id = any(:merged)
                            on conflict do nothing
                            """)
                    .param("survivor", survivorId).param("merged", merged).update();
            jdbc.sql("delete from interaction_participants where participant_type = 'CONTACT'"
                    + " and participant_id = any(:merged)").param("merged", merged).update();
        }
    }

    /** Removes the personal content of the interactions a contact took part in; counts and dates stay. */
    int erasePersonalContent(UUID contactId, String placeholder) {
        return jdbc.sql("""
                        update interactions i set subject = :erased, body = null, from_address = null,
                            to_address = null, recording_url = null, updated_at = now(), version = version + 1
                        where exists (select 1 from interaction_participants p where p.interaction_id = i.id
                            and p.participant_type = 'CONTACT' and p.participant_id = :contact)
                        """)
                .param("erased", placeholder).param("contact", contactId).update();
    }

    private Map<String, Object> params(Row row) {
        Map<String, Object> p = new HashMap<>();
        p.put("type", row.type().name());
        p.put("direction", row.direction() == null ? null : row.direction().name());
        p.put("occurred", Timestamp.from(row.occurredAt()));
        p.put("duration", row.durationSeconds());
        p.put("subject", row.subject());
        p.put("body", row.body());
        p.put("format", row.bodyFormat().name());
        p.put("outcome", row.outcome() == null ? null : row.outcome().name());
        p.put("sentiment", row.sentiment() == null ? null : row.sentiment().name());
        p.put("from", row.fromAddress());
        p.put("to", row.toAddress());
        p.put("country", row.origin() == null ? null : row.origin().country());
        p.put("region", row.origin() == null ? null : row.origin().region());
        p.put("domain", row.origin() == null ? null : row.origin().domain());
        p.put("recording", row.recordingUrl());
        p.put("source", row.source().name());
        p.put("external", row.externalId());
        p.put("message", row.messageId());
        p.put("replyTo", row.inReplyTo());
        p.put("thread", row.threadId());
        p.put("owner", row.ownerId());
        p.put("department", row.departmentId());
        return p;
    }

    private InteractionView row(ResultSet rs, int n) throws SQLException {
        String country = rs.getString("origin_country");
        String region = rs.getString("origin_region");
        String domain = rs.getString("origin_domain");
        return new InteractionView(rs.getObject("id", UUID.class), InteractionType.valueOf(rs.getString("type")),
                enumOrNull(Direction.class, rs.getString("direction")), rs.getTimestamp("occurred_at").toInstant(),
                (Integer) rs.getObject("duration_seconds"), rs.getString("subject"), rs.getString("body"),
                BodyFormat.valueOf(rs.getString("body_format")),
                enumOrNull(CallOutcome.class, rs.getString("outcome")),
                enumOrNull(Sentiment.class, rs.getString("sentiment")), rs.getString("from_address"),
                rs.getString("to_address"),
                country == null && region == null && domain == null ? null
                        : new InteractionView.Origin(country, region, domain),
                rs.getString("recording_url"), InteractionSource.valueOf(rs.getString("source")),
                rs.getString("external_id"), rs.getString("message_id"), rs.getString("in_reply_to"),
                rs.getObject("thread_id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getObject("department_id", UUID.class), List.of(), List.of(), List.of(), List.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private List<InteractionView> hydrate(List<InteractionView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        UUID[] ids = rows.stream().map(InteractionView::id).toArray(UUID[]::new);
        Map<UUID, List<UUID>> contacts = new HashMap<>();
        Map<UUID, List<UUID>> users = new HashMap<>();
        jdbc.sql("select interaction_id, participant_type, participant_id from interaction_participants"
                        + " where interaction_id = any(:ids) order by participant_type, participant_id")
                .param("ids", ids)
                .query((rs, n) -> ("CONTACT".equals(rs.getString(2)) ? contacts : users)
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(3, UUID.class)))
                .list();
        Map<UUID, List<RecordRef>> records = new HashMap<>();
        jdbc.sql("select interaction_id, record_type, record_id from interaction_links where interaction_id = any(:ids)"
                        + " order by record_type, record_id")
                .param("ids", ids)
                .query((rs, n) -> records.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new RecordRef(rs.getString(2), rs.getObject(3, UUID.class))))
                .list();
        Map<UUID, List<InteractionView.Attachment>> files = new HashMap<>();
        jdbc.sql("select interaction_id, id, file_name, content_type, size_bytes from interaction_attachments"
                        + " where interaction_id = any(:ids) order by created_at, file_name")
                .param("ids", ids)
                .query((rs, n) -> files.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new InteractionView.Attachment(rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getLong(5))))
                .list();
        Map<UUID, InteractionView> byId = new LinkedHashMap<>();
        for (InteractionView r : rows) {
            byId.put(r.id(), new InteractionView(r.id(), r.type(), r.direction(), r.occurredAt(), r.durationSeconds(),
                    r.subject(), r.body(), r.bodyFormat(), r.outcome(), r.sentiment(), r.fromAddress(), r.toAddress(),
                    r.origin(), r.recordingUrl(), r.source(), r.externalId(), r.messageId(), r.inReplyTo(),
                    r.threadId(), r.ownerId(), r.departmentId(), contacts.getOrDefault(r.id(), List.of()),
                    users.getOrDefault(r.id(), List.of()), records.getOrDefault(r.id(), List.of()),
                    files.getOrDefault(r.id(), List.of()), r.createdAt(), r.updatedAt(), r.version()));
        }
        return new ArrayList<>(byId.values());
    }

    /** Moves the timeline links of one record to another; a contact target also becomes a participant. */
    int move(org.rapport.shared.RecordRef from, org.rapport.shared.RecordRef to) {
        if ("contact".equals(to.type())) {
            jdbc.sql("""
                            insert into interaction_participants (interaction_id, participant_type, participant_id)
                            select interaction_id, 'CONTACT', :to from interaction_links
                            where record_type = :fromType and record_id = :from
                            on conflict do nothing
                            """)
                    .param("to", to.id()).param("fromType", from.type()).param("from", from.id()).update();
        }
        jdbc.sql("""
                        insert into interaction_links (interaction_id, record_type, record_id, occurred_at)
                        select interaction_id, :toType, :to, occurred_at from interaction_links
                        where record_type = :fromType and record_id = :from
                        on conflict do nothing
                        """)
                .param("toType", to.type()).param("to", to.id()).param("fromType", from.type())
                .param("from", from.id()).update();
        return jdbc.sql("delete from interaction_links where record_type = :fromType and record_id = :from")
                .param("fromType", from.type()).param("from", from.id()).update();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
