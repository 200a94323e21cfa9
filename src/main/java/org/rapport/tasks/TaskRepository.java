package org.rapport.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.rapport.shared.CursorPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code tasks}. Reads take two filters of the caller: which tasks they may see, and whether they may see a
 * task's related record (a column {@code record_visible}, so that names of invisible records never reach them).
 */
@Repository
class TaskRepository {

    /** The list order: by due time, tasks without one last. */
    private static final String SORT_KEY = "coalesce(t.due_at, 'infinity'::timestamptz)";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A task row and whether its reader may see the related record. */
    record Row(TaskView task, boolean recordVisible) {
    }

    Optional<Row> find(UUID id, SqlFilter visible, SqlFilter recordVisible) {
        Map<String, Object> params = new HashMap<>(visible.params());
        params.putAll(recordVisible.params());
        params.put("id", id);
        return jdbc.sql(select(recordVisible) + " where t.id = :id and " + visible.sql())
                .params(params).query(TaskRepository::row).optional();
    }

    /** One page by due time (tasks without one last), then id, after the cursor. */
    CursorPage<Row> list(SqlFilter visible, SqlFilter recordVisible, TaskFilter filter, TaskCursor after, int limit) {
        StringBuilder sql = new StringBuilder(select(recordVisible)).append(" where ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        params.putAll(recordVisible.params());
        appendFilter(sql, params, filter);
        if (after != null) {
            if (after.dueAt() != null) {
                sql.append(" and (" + SORT_KEY + ", t.id) > (:afterDue, :afterId)");
                params.put("afterDue", after.dueAt().atOffset(ZoneOffset.UTC));
            } else {
                sql.append(" and t.due_at is null and t.id > :afterId");
            }
            params.put("afterId", after.id());
        }
        sql.append(" order by " + SORT_KEY + ", t.id limit :limit");
        params.put("limit", limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(TaskRepository::row).list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<Row> page = List.copyOf(rows.subList(0, limit));
        TaskView last = page.getLast().task();
        return new CursorPage<>(page, new TaskCursor(last.dueAt(), last.id()).encode());
    }

    /** The latest tasks completed since {@code since}, newest first. */
    List<Row> completedSince(SqlFilter visible, SqlFilter recordVisible, UUID assigneeId, Instant since, int limit) {
        Map<String, Object> params = new HashMap<>(visible.params());
        params.putAll(recordVisible.params());
        params.put("since", since.atOffset(ZoneOffset.UTC));
        params.put("limit", limit);
        String sql = select(recordVisible) + " where t.status = 'DONE' and t.completed_at >= :since and " + visible.sql();
        if (assigneeId != null) {
            sql += " and t.owner_id = :assignee";
            params.put("assignee", assigneeId);
        }
        return jdbc.sql(sql + " order by t.completed_at desc, t.id limit :limit")
                .params(params).query(TaskRepository::row).list();
    }

    private static void appendFilter(StringBuilder sql, Map<String, Object> params, TaskFilter filter) {
        if (filter.recordType() != null) {
            sql.append(" and t.record_type = :recordType");
            params.put("recordType", filter.recordType());
        }
        if (filter.recordId() != null) {
            sql.append(" and t.record_id = :recordId");
            params.put("recordId", filter.recordId());
        }
        if (filter.assigneeId() != null) {
            sql.append(" and t.owner_id = :assigneeId");
            params.put("assigneeId", filter.assigneeId());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" and t.status = any(:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.dueBefore() != null) {
            sql.append(" and t.due_at < :dueBefore");
            params.put("dueBefore", filter.dueBefore().atOffset(ZoneOffset.UTC));
        }
        if (filter.dueAfter() != null) {
            sql.append(" and t.due_at >= :dueAfter");
            params.put("dueAfter", filter.dueAfter().atOffset(ZoneOffset.UTC));
        }
    }

    UUID insert(TaskFields f, UUID departmentId, UUID createdBy, Instant completedAt) {
        return jdbc.sql("""
                insert into tasks (title, description, due_at, priority, status, completed_at, owner_id, department_id,
                    record_type, record_id, interaction_id, remind_at, remind_by_email, created_by)
                values (:title, :description, :dueAt, :priority, :status, :completedAt, :owner, :department,
                    :recordType, :recordId, :interactionId, :remindAt, :remindByEmail, :createdBy)
                returning id
                """)
                .params(params(f)).param("department", departmentId).param("completedAt", timestamp(completedAt))
                .param("createdBy", createdBy)
                .query(UUID.class).single();
    }

    /** Replaces the values when the version still matches; a changed reminder time is sent anew. */
    boolean update(UUID id, int version, TaskFields f, UUID departmentId, Instant completedAt) {
        return jdbc.sql("""
                update tasks set title = :title, description = :description, due_at = :dueAt, priority = :priority,
                       status = :status, completed_at = :completedAt, owner_id = :owner, department_id = :department,
                       record_type = :recordType, record_id = :recordId, interaction_id = :interactionId,
                       reminded_at = case when remind_at is not distinct from cast(:remindAt as timestamptz) then reminded_at end,
                       remind_at = :remindAt, remind_by_email = :remindByEmail,
                       updated_at = now(), version = version + 1
                where id = :id and version = :version
                """)
                .params(params(f)).param("department", departmentId).param("completedAt", timestamp(completedAt))
                .param("id", id).param("version", version)
                .update() == 1;
    }

    /** Sets the status whatever the version (one-click complete and reopen); false when nothing changed. */
    boolean setStatus(UUID id, TaskStatus status, Instant completedAt) {
        return jdbc.sql("""
                update tasks set status = :status, completed_at = :completedAt, updated_at = now(), version = version + 1
                where id = :id and status <> :status
                """)
                .param("id", id).param("status", status.name()).param("completedAt", timestamp(completedAt))
                .update() == 1;
    }

    void delete(UUID id) {
        jdbc.sql("delete from tasks where id = :id").param("id", id).update();
    }

    /** A reminder to send: the task, its assignee's address and the reminder time it was due at. */
    record DueReminder(UUID taskId, String title, Instant dueAt, Instant remindAt, boolean byEmail, UUID assigneeId,
                       String assigneeEmail) {
    }

    /**
     * Takes up to {@code limit} reminders due at {@code now} and locks them for the caller's transaction; rows another
     * node holds are skipped.
     */
    List<DueReminder> lockDueReminders(Instant now, int limit) {
        return jdbc.sql("""
                select t.id, t.title, t.due_at, t.remind_at, t.remind_by_email, t.owner_id, u.email
                from tasks t join users u on u.id = t.owner_id
                where t.reminded_at is null and t.status in ('OPEN', 'IN_PROGRESS') and t.remind_at <= :now
                order by t.remind_at
                limit :limit
                for update of t skip locked
                """)
                .param("now", now.atOffset(ZoneOffset.UTC)).param("limit", limit)
                .query((rs, n) -> new DueReminder(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3),
                        instant(rs, 4), rs.getBoolean(5), rs.getObject(6, UUID.class), rs.getString(7)))
                .list();
    }

    void markReminded(List<UUID> ids, Instant at) {
        jdbc.sql("update tasks set reminded_at = :at where id = any(:ids)")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("ids", ids.toArray(UUID[]::new)).update();
    }

    /** The open tasks with a due time assigned to a user, for their calendar feed. */
    List<TaskView> openDueOf(UUID assigneeId, int limit) {
        return jdbc.sql(select(SqlFilter.UNRESTRICTED) + """
                 where t.owner_id = :assignee and t.status in ('OPEN', 'IN_PROGRESS') and t.due_at is not null
                 order by t.due_at, t.id limit :limit
                """)
                .param("assignee", assigneeId).param("limit", limit)
                .query((rs, n) -> row(rs, n).task()).list();
    }

    private static String select(SqlFilter recordVisible) {
        return "select t.*, u.name as assignee_name, (t.record_type is not null and " + recordVisible.sql()
                + ") as record_visible from tasks t join users u on u.id = t.owner_id";
    }

    private static Map<String, Object> params(TaskFields f) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", f.title());
        p.put("description", f.description());
        p.put("dueAt", timestamp(f.dueAt()));
        p.put("priority", f.priority().name());
        p.put("status", f.status().name());
        p.put("owner", f.assigneeId());
        p.put("recordType", f.recordType());
        p.put("recordId", f.recordId());
        p.put("interactionId", f.interactionId());
        p.put("remindAt", timestamp(f.remindAt()));
        p.put("remindByEmail", f.remindByEmail());
        return p;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        TaskView task = new TaskView(rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getString("description"), instant(rs, "due_at"), TaskPriority.valueOf(rs.getString("priority")),
                TaskStatus.valueOf(rs.getString("status")), instant(rs, "completed_at"),
                rs.getObject("owner_id", UUID.class), rs.getString("assignee_name"),
                rs.getObject("department_id", UUID.class), rs.getString("record_type"),
                rs.getObject("record_id", UUID.class), null, null, rs.getObject("interaction_id", UUID.class),
                instant(rs, "remind_at"), instant(rs, "reminded_at"), rs.getBoolean("remind_by_email"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getObject("created_by", UUID.class),
                rs.getInt("version"));
        return new Row(task, rs.getBoolean("record_visible"));
    }

    /** Points the tasks of one record at another; returns the ids moved. */
    List<UUID> moveRecord(org.rapport.shared.RecordRef from, org.rapport.shared.RecordRef to) {
        return jdbc.sql("""
                        update tasks set record_type = :toType, record_id = :to, version = version + 1, updated_at = now()
                        where record_type = :fromType and record_id = :from returning id
                        """)
                .param("toType", to.type()).param("to", to.id()).param("fromType", from.type())
                .param("from", from.id()).query(UUID.class).list();
    }
}
