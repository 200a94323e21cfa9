package org.rapport.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which tasks to list; null (or an empty status list) means "any".
 *
 * @param dueBefore tasks due strictly before this time
 * @param dueAfter  tasks due at or after this time
 */
public record TaskFilter(String recordType, UUID recordId, UUID assigneeId, List<TaskStatus> statuses,
                         Instant dueBefore, Instant dueAfter) {

    static final List<TaskStatus> OPEN = List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS);

    public TaskFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** The open tasks of a record. */
    public static TaskFilter openOf(String recordType, UUID recordId) {
        return new TaskFilter(recordType, recordId, null, OPEN, null, null);
    }

    /** The open tasks assigned to a user, or all open tasks when {@code assigneeId} is null. */
    static TaskFilter openAssignedTo(UUID assigneeId) {
        return new TaskFilter(null, null, assigneeId, OPEN, null, null);
    }
}
