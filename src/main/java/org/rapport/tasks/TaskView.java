package org.rapport.tasks;

import java.time.Instant;
import java.util.UUID;

import org.rapport.shared.RecordRef;

/**
 * A task as its reader sees it. {@code recordName} and {@code recordHref} name and link the related record, and are
 * null when there is none or the reader may not see it.
 */
public record TaskView(UUID id, String title, String description, Instant dueAt, TaskPriority priority,
                       TaskStatus status, Instant completedAt, UUID assigneeId, String assigneeName,
                       UUID departmentId, String recordType, UUID recordId, String recordName, String recordHref,
                       UUID interactionId, Instant remindAt, Instant remindedAt, boolean remindByEmail,
                       Instant createdAt, Instant updatedAt, UUID createdBy, int version) {

    /** The related record, or null. */
    public RecordRef record() {
        return recordType == null ? null : new RecordRef(recordType, recordId);
    }

    public boolean open() {
        return status.isOpen();
    }

    /** Whether it is open and was due before {@code now}. */
    public boolean overdueAt(Instant now) {
        return open() && dueAt != null && dueAt.isBefore(now);
    }

    TaskView withRecordLabel(String name, String href) {
        return new TaskView(id, title, description, dueAt, priority, status, completedAt, assigneeId, assigneeName,
                departmentId, recordType, recordId, name, href, interactionId, remindAt, remindedAt, remindByEmail,
                createdAt, updatedAt, createdBy, version);
    }
}
