package org.rapport.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * A task as written, to create one or to replace all values of one. A null assignee, priority or status means the
 * default (on create: the caller, NORMAL, OPEN; on update: the current assignee and status, NORMAL); any other null
 * means "none".
 *
 * @param recordType    a record type of the record directory (e.g. {@code contact}); with {@code recordId}
 * @param interactionId the interaction the task follows up, if any
 * @param remindAt      when to notify the assignee (in the app, and by mail when {@code remindByEmail})
 */
public record TaskFields(String title, String description, Instant dueAt, TaskPriority priority, TaskStatus status,
                         UUID assigneeId, String recordType, UUID recordId, UUID interactionId, Instant remindAt,
                         boolean remindByEmail) {

    /** A follow-up of an interaction on a record, due at {@code dueAt}, assigned to the caller. */
    public static TaskFields followUp(String title, String recordType, UUID recordId, UUID interactionId,
                                      Instant dueAt) {
        return new TaskFields(title, null, dueAt, null, null, null, recordType, recordId, interactionId, null, false);
    }

    static TaskFields of(TaskView task) {
        return new TaskFields(task.title(), task.description(), task.dueAt(), task.priority(), task.status(),
                task.assigneeId(), task.recordType(), task.recordId(), task.interactionId(), task.remindAt(),
                task.remindByEmail());
    }
}
