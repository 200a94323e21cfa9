package org.rapport.interactions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code call_triage}: the calls that matched no contact and their triage state. */
@Repository
class CallTriageRepository {

    private final JdbcClient jdbc;

    CallTriageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(UUID interactionId, String number, Instant occurredAt) {
        jdbc.sql("""
                        insert into call_triage (interaction_id, number, occurred_at) values (:id, :number, :occurred)
                        on conflict do nothing
                        """)
                .param("id", interactionId).param("number", number).param("occurred", Timestamp.from(occurredAt))
                .update();
    }

    /** Closes an open row; false when it is not open (already triaged, or no such call). */
    boolean resolve(UUID interactionId, String status, UUID contactId, UUID userId) {
        return jdbc.sql("""
                        update call_triage set status = :status, contact_id = :contact, resolved_at = now(),
                            resolved_by = :user
                        where interaction_id = :id and status = 'OPEN'
                        """)
                .param("status", status).param("contact", contactId).param("user", userId).param("id", interactionId)
                .update() == 1;
    }

    /** Whether the call waits for triage; locks its row until the transaction ends, so one user triages it. */
    boolean lockOpen(UUID interactionId) {
        return jdbc.sql("select status from call_triage where interaction_id = :id for update")
                .param("id", interactionId).query(String.class).optional().filter("OPEN"::equals).isPresent();
    }

    /** Open rows whose call {@code visible} lets through, newest first, after the keyset position when given. */
    List<UnmatchedCall> open(SqlFilter visible, Instant afterOccurred, UUID afterId, int limit) {
        Map<String, Object> params = new HashMap<>(visible.params());
        String after = "";
        if (afterOccurred != null) {
            after = " and (t.occurred_at, t.interaction_id) < (:afterOccurred, :afterId)";
            params.put("afterOccurred", Timestamp.from(afterOccurred));
            params.put("afterId", afterId);
        }
        params.put("limit", limit);
        return jdbc.sql("""
                        select t.interaction_id, t.number, t.occurred_at, i.direction, i.duration_seconds, i.outcome,
                            i.from_address, i.to_address, i.owner_id
                        from call_triage t join interactions i on i.id = t.interaction_id
                        where t.status = 'OPEN' and %s%s
                        order by t.occurred_at desc, t.interaction_id desc limit :limit
                        """.formatted(visible.sql(), after))
                .params(params)
                .query((rs, n) -> new UnmatchedCall(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), Direction.valueOf(rs.getString(4)),
                        (Integer) rs.getObject(5), Optional.ofNullable(rs.getString(6)).map(CallOutcome::valueOf)
                                .orElse(null), rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class)))
                .list();
    }
}
