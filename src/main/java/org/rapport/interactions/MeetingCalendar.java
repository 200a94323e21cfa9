package org.rapport.interactions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rapport.tasks.CalendarEntry;
import org.rapport.tasks.CalendarSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Puts the meetings a user leads or attends on the user's calendar feed. */
@Component
class MeetingCalendar implements CalendarSource {

    private final JdbcClient jdbc;

    MeetingCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CalendarEntry> entries(UUID userId, Instant from, Instant to) {
        return jdbc.sql("""
                        select i.id, i.subject, i.occurred_at, i.duration_seconds from interactions i
                        where i.type = 'MEETING' and i.occurred_at >= :from and i.occurred_at < :to
                          and (i.owner_id = :user or exists (select 1 from interaction_participants p
                               where p.interaction_id = i.id and p.participant_type = 'USER' and p.participant_id = :user))
                        order by i.occurred_at limit 1000
                        """)
                .param("user", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Instant start = rs.getTimestamp("occurred_at").toInstant();
                    Integer duration = (Integer) rs.getObject("duration_seconds");
                    String subject = rs.getString("subject");
                    return new CalendarEntry("interaction-" + id + "@rapport", subject == null ? "Meeting" : subject,
                            null, start, start.plusSeconds(duration == null || duration == 0 ? 1800 : duration),
                            "/interactions/" + id);
                })
                .list();
    }
}
