package org.rapport.interactions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;

/** What the timeline's quick forms post: a call, a note or a meeting about one record. Times are UTC. */
record QuickLogForm(InteractionType type, String recordType, UUID recordId, Direction direction, CallOutcome outcome,
                    String subject, String body, String occurredAt, Integer durationMinutes) {

    NewInteraction toNew() {
        if (type != InteractionType.CALL && type != InteractionType.NOTE && type != InteractionType.MEETING) {
            throw new InvalidFieldException("type", "Log a call, a note or a meeting here");
        }
        if (durationMinutes != null && (durationMinutes < 0 || durationMinutes > 24 * 60)) {
            throw new InvalidFieldException("durationMinutes", "Use a duration from 0 to 1,440 minutes");
        }
        RecordRef record = new RecordRef(recordType, recordId);
        boolean onContact = "contact".equals(recordType);
        return NewInteraction.manual(type, type == InteractionType.CALL ? direction : null, time(),
                durationMinutes == null ? null : durationMinutes * 60, subject, body,
                type == InteractionType.CALL ? outcome : null,
                onContact ? List.of(recordId) : List.of(), onContact ? List.of() : List.of(record));
    }

    private Instant time() {
        if (occurredAt == null || occurredAt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(occurredAt).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("occurredAt", "Enter a date and time");
        }
    }
}
