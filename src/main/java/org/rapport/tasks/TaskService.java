package org.rapport.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordDirectory;
import org.rapport.identity.Role;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.notifications.NotificationService;
import org.rapport.platform.AuditService;
import org.rapport.platform.Formats;
import org.rapport.shared.CursorPage;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PreconditionFailedException;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks. A task is visible to whoever may see it by the assignee/department rule, and to whoever may see its related
 * record; an invisible task is "not found". Writers may change the tasks they see; every change is audited, and
 * assigning a task to someone else notifies them.
 */
@Service
public class TaskService {

    /** The record type of tasks, as written in {@link RecordRef} and the audit trail. */
    public static final String TYPE = "task";
    static final int MAX_PAGE = 200;

    private final TaskRepository tasks;
    private final Visibility visibility;
    private final RecordDirectory records;
    private final UserService users;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Clock clock;
    private final Formats formats;

    TaskService(TaskRepository tasks, Visibility visibility, RecordDirectory records, UserService users,
                AuditService audit, NotificationService notifications, Clock clock, Formats formats) {
        this.formats = formats;
        this.tasks = tasks;
        this.visibility = visibility;
        this.records = records;
        this.users = users;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    public TaskView get(CurrentUser user, UUID id) {
        return tasks.find(id, visible(user), recordVisible(user)).map(this::labelled)
                .orElseThrow(() -> new NotFoundException("Task"));
    }

    /** One page of the tasks the caller may see, by due time (tasks without one last). */
    public CursorPage<TaskView> list(CurrentUser user, TaskFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to " + MAX_PAGE);
        }
        if (filter.recordType() != null && !records.isType(filter.recordType())) {
            throw new InvalidFieldException("recordType", "Unknown record type; use one of " + records.types());
        }
        CursorPage<TaskRepository.Row> page = tasks.list(visible(user), recordVisible(user), filter,
                TaskCursor.decode(cursor), limit);
        return new CursorPage<>(labelled(page.items()), page.nextCursor());
    }

    /** The open tasks of a record that the caller may see, by due time. */
    public List<TaskView> openTasksOf(CurrentUser user, RecordRef record) {
        return list(user, TaskFilter.openOf(record.type(), record.id()), null, MAX_PAGE).items();
    }

    /** Tasks the caller may see that were completed since {@code since}, newest first; only theirs when asked. */
    List<TaskView> completedSince(CurrentUser user, boolean onlyMine, Instant since, int limit) {
        return labelled(tasks.completedSince(visible(user), recordVisible(user), onlyMine ? user.id() : null, since,
                limit));
    }

    @Transactional
    public TaskView create(CurrentUser user, TaskFields fields) {
        requireWriter(user);
        TaskFields clean = clean(fields, user.id(), TaskStatus.OPEN);
        requireVisibleRecord(user, clean.recordType(), clean.recordId());
        UserView assignee = requireAssignee(clean.assigneeId());
        UUID id = tasks.insert(clean, assignee.departmentId(), user.id(), completedAt(clean.status(), null));
        TaskView created = reread(user, id);
        audit.created(ref(id), auditFields(created));
        notifyAssignee(user, created, null);
        return created;
    }

    /**
     * Replaces the task's values with {@code change} (already merged onto the current values by the caller) when
     * {@code expectedVersion} still matches; a null version means the caller did not send If-Match.
     */
    @Transactional
    public TaskView update(CurrentUser user, UUID id, Integer expectedVersion, TaskFields change) {
        TaskView before = get(user, id);
        requireWriter(user);
        if (expectedVersion == null) {
            throw new PreconditionFailedException("Send If-Match with the version (ETag) you last read", true);
        }
        if (expectedVersion != before.version()) {
            throw new PreconditionFailedException("The task changed since version " + expectedVersion
                    + "; it is now at version " + before.version(), false);
        }
        TaskFields clean = clean(change, before.assigneeId(), before.status());
        if (!Objects.equals(clean.recordType(), before.recordType()) || !Objects.equals(clean.recordId(), before.recordId())) {
            requireVisibleRecord(user, clean.recordType(), clean.recordId());
        }
        UserView assignee = requireAssignee(clean.assigneeId());
        UUID department = assignee.id().equals(before.assigneeId()) ? before.departmentId() : assignee.departmentId();
        if (!tasks.update(id, expectedVersion, clean, department, completedAt(clean.status(), before))) {
            throw new PreconditionFailedException("The task changed meanwhile; read it again", false);
        }
        TaskView after = reread(user, id);
        audit.updated(ref(id), auditFields(before), auditFields(after));
        notifyAssignee(user, after, before);
        return after;
    }

    /** Marks the task done (whatever its version: one click in a list); a done task stays as it is. */
    @Transactional
    public TaskView complete(CurrentUser user, UUID id) {
        return setStatus(user, id, TaskStatus.DONE);
    }

    /** Opens a done or cancelled task again. */
    @Transactional
    public TaskView reopen(CurrentUser user, UUID id) {
        return setStatus(user, id, TaskStatus.OPEN);
    }

    @Transactional
    public void delete(CurrentUser user, UUID id) {
        TaskView before = get(user, id);
        requireWriter(user);
        tasks.delete(id);
        audit.deleted(ref(id), auditFields(before));
    }

    /**
     * Points every task of {@code from} at {@code to} instead (a lead converted into a contact), in the caller's
     * transaction, with an audit entry per task. Returns how many moved.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int moveRecord(RecordRef from, RecordRef to) {
        List<UUID> moved = tasks.moveRecord(from, to);
        moved.forEach(id -> audit.updated(ref(id), Map.of("recordType", from.type(), "recordId", from.id()),
                Map.of("recordType", to.type(), "recordId", to.id())));
        return moved.size();
    }

    /** The name and link of a record the caller may see; empty for an unknown type or an invisible record. */
    public Optional<RecordDirectory.RecordLabel> describe(CurrentUser user, RecordRef record) {
        if (!records.isType(record.type()) || !records.canSee(user, record)) {
            return Optional.empty();
        }
        return Optional.ofNullable(records.labels(List.of(record)).get(record));
    }

    private TaskView setStatus(CurrentUser user, UUID id, TaskStatus status) {
        TaskView before = get(user, id);
        requireWriter(user);
        if (before.status() == status) {
            return before;
        }
        tasks.setStatus(id, status, completedAt(status, before));
        TaskView after = reread(user, id);
        audit.updated(ref(id), auditFields(before), auditFields(after));
        return after;
    }

    /** Reads back a task the caller has just written, even when the change took it out of their sight. */
    private TaskView reread(CurrentUser user, UUID id) {
        return tasks.find(id, SqlFilter.UNRESTRICTED, recordVisible(user)).map(this::labelled).orElseThrow();
    }

    /** The tasks the user may see: by the assignee/department rule, or through their related record. */
    SqlFilter visible(CurrentUser user) {
        SqlFilter own = visibility.filter(user, "t", TYPE);
        if (own.equals(SqlFilter.UNRESTRICTED)) {
            return own;
        }
        SqlFilter related = recordVisible(user);
        Map<String, Object> params = new HashMap<>(own.params());
        params.putAll(related.params());
        return new SqlFilter("(" + own.sql() + " or (t.record_type is not null and " + related.sql() + "))", params);
    }

    private SqlFilter recordVisible(CurrentUser user) {
        return records.visible(user, "t.record_type", "t.record_id");
    }

    private TaskView labelled(TaskRepository.Row row) {
        return labelled(List.of(row)).getFirst();
    }

    private List<TaskView> labelled(List<TaskRepository.Row> rows) {
        var labels = records.labels(rows.stream().filter(TaskRepository.Row::recordVisible)
                .map(r -> r.task().record()).toList());
        return rows.stream().map(r -> {
            var label = r.recordVisible() ? labels.get(r.task().record()) : null;
            return label == null ? r.task() : r.task().withRecordLabel(label.name(), label.href());
        }).toList();
    }

    private void notifyAssignee(CurrentUser actor, TaskView task, TaskView before) {
        boolean newAssignee = before == null || !before.assigneeId().equals(task.assigneeId());
        if (newAssignee && !task.assigneeId().equals(actor.id())) {
            notifications.notify(task.assigneeId(), "TASK_ASSIGNED", actor.name() + " assigned you: " + task.title(),
                    task.dueAt() == null ? null : "Due " + formats.dateTime(task.dueAt()), "/tasks/" + task.id(),
                    null);
        }
    }

    private Instant completedAt(TaskStatus status, TaskView before) {
        if (status != TaskStatus.DONE) {
            return null;
        }
        return before != null && before.completedAt() != null ? before.completedAt() : clock.instant();
    }

    private void requireVisibleRecord(CurrentUser user, String type, UUID id) {
        if (type == null) {
            return;
        }
        if (!records.isType(type)) {
            throw new InvalidFieldException("recordType", "Unknown record type; use one of " + records.types());
        }
        if (!records.canSee(user, new RecordRef(type, id))) {
            throw new InvalidFieldException("recordId", "No such " + type);
        }
    }

    private UserView requireAssignee(UUID assigneeId) {
        return users.find(assigneeId).filter(u -> u.active() && u.role() != Role.PARTNER)
                .orElseThrow(() -> new InvalidFieldException("assigneeId", "Assign the task to an active internal user"));
    }

    private static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow changing tasks");
        }
    }

    private static TaskFields clean(TaskFields f, UUID defaultAssignee, TaskStatus defaultStatus) {
        String title = f.title() == null ? "" : f.title().strip();
        if (title.isEmpty() || title.length() > 300) {
            throw new InvalidFieldException("title", "Enter a title of 1 to 300 characters");
        }
        String description = f.description() == null || f.description().isBlank() ? null : f.description().strip();
        if (description != null && description.length() > 10_000) {
            throw new InvalidFieldException("description", "Use at most 10,000 characters");
        }
        String recordType = f.recordType() == null || f.recordType().isBlank() ? null : f.recordType().strip();
        if (recordType != null && f.recordId() == null) {
            throw new InvalidFieldException("recordId", "Name the record of this type");
        }
        if (recordType == null && f.recordId() != null) {
            throw new InvalidFieldException("recordType", "Name the type of the record");
        }
        return new TaskFields(title, description, f.dueAt(), f.priority() == null ? TaskPriority.NORMAL : f.priority(),
                f.status() == null ? defaultStatus : f.status(),
                f.assigneeId() == null ? defaultAssignee : f.assigneeId(), recordType, f.recordId(),
                f.interactionId(), f.remindAt(), f.remindByEmail());
    }

    static RecordRef ref(UUID id) {
        return new RecordRef(TYPE, id);
    }

    private static Map<String, Object> auditFields(TaskView t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", t.title());
        fields.put("description", t.description());
        fields.put("dueAt", t.dueAt());
        fields.put("priority", t.priority());
        fields.put("status", t.status());
        fields.put("assigneeId", t.assigneeId());
        fields.put("record", t.recordType() == null ? null : t.recordType() + ":" + t.recordId());
        fields.put("interactionId", t.interactionId());
        fields.put("remindAt", t.remindAt());
        fields.put("remindByEmail", t.remindByEmail());
        return fields;
    }
}
