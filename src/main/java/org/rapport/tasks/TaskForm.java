package org.rapport.tasks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;

/**
 * The task form as posted; times are {@code datetime-local} values read in UTC, as the pages show times.
 *
 * @param returnTo the page to go back to after saving (a path inside Rapport), or null for My tasks
 */
record TaskForm(String title, String description, String dueAt, TaskPriority priority, TaskStatus status,
                UUID assigneeId, String recordType, UUID recordId, UUID interactionId, String remindAt,
                Boolean remindByEmail, Integer version, String returnTo) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A new task's form, prefilled from the query of {@code /tasks/new}. */
    static TaskForm prefilled(String title, String recordType, UUID recordId, UUID interactionId, UUID assigneeId,
                              String returnTo) {
        return new TaskForm(title, null, null, TaskPriority.NORMAL, TaskStatus.OPEN, assigneeId, recordType, recordId,
                interactionId, null, false, null, safeReturnTo(returnTo));
    }

    static TaskForm of(TaskView t) {
        return new TaskForm(t.title(), t.description(), local(t.dueAt()), t.priority(), t.status(), t.assigneeId(),
                t.recordType(), t.recordId(), t.interactionId(), local(t.remindAt()), t.remindByEmail(), t.version(),
                null);
    }

    TaskFields fields() {
        return new TaskFields(title, description, instant("dueAt", dueAt), priority, status, assigneeId,
                recordType, recordId, interactionId, instant("remindAt", remindAt), Boolean.TRUE.equals(remindByEmail));
    }

    /** Where to go after saving: {@code returnTo} when it is a path inside Rapport. */
    String redirectOr(String fallback) {
        String target = safeReturnTo(returnTo);
        return "redirect:" + (target == null ? fallback : target);
    }

    static String safeReturnTo(String path) {
        return path != null && path.matches("/(?![/\\\\])[A-Za-z0-9/_\\-.?=&%]{0,300}") ? path : null;
    }

    private static String local(Instant instant) {
        return instant == null ? null : LOCAL.format(instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "Enter a date and time");
        }
    }
}
