package org.rapport.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.rapport.customers.DuplicatePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code imports}, their files and their error rows. */
@Repository
class ImportRepository {

    private static final String SELECT = """
            select i.*, u.name as created_by_name from imports i join users u on u.id = i.created_by
            """;

    /** An import's status and progress, read under a lock by the job before each chunk. */
    record Progress(ImportStatus status, int processedRows) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID insert(ImportEntity entity, String fileName, FileFormat format, List<String> columns,
                Map<String, String> mapping, DuplicatePolicy policy, ImportStatus status, int totalRows, UUID createdBy,
                byte[] content) {
        UUID id = jdbc.sql("""
                insert into imports (entity, file_name, format, columns, mapping, policy, status, total_rows,
                    created_by)
                values (:entity, :fileName, :format, :columns, cast(:mapping as jsonb), :policy, :status, :total,
                    :createdBy)
                returning id
                """)
                .param("entity", entity.key())
                .param("fileName", fileName).param("format", format.name())
                .param("columns", columns.toArray(String[]::new)).param("mapping", json.writeValueAsString(mapping))
                .param("policy", policy.name()).param("status", status.name()).param("total", totalRows)
                .param("createdBy", createdBy)
                .query(UUID.class).single();
        jdbc.sql("insert into import_files (import_id, content) values (:id, :content)")
                .param("id", id).param("content", content).update();
        return id;
    }

    Optional<ImportView> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(this::view).optional();
    }

    /** The latest imports, of one user or (null) of everyone. */
    List<ImportView> latest(UUID createdBy, int limit) {
        return jdbc.sql(SELECT + " where (cast(:user as uuid) is null or i.created_by = :user) order by i.created_at desc limit :limit")
                .param("user", createdBy).param("limit", limit).query(this::view).list();
    }

    Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from import_files where import_id = :id").param("id", id)
                .query(byte[].class).optional();
    }

    /** The first bytes of the file, enough for the first rows of a CSV without reading all of a big one. */
    Optional<byte[]> contentStart(UUID id, int bytes) {
        return jdbc.sql("select substring(content from 1 for :bytes) from import_files where import_id = :id")
                .param("id", id).param("bytes", bytes).query(byte[].class).optional();
    }

    Progress lock(UUID id) {
        return jdbc.sql("select status, processed_rows from imports where id = :id for update").param("id", id)
                .query((rs, n) -> new Progress(ImportStatus.valueOf(rs.getString(1)), rs.getInt(2))).single();
    }

    void saveDraft(UUID id, Map<String, String> mapping, DuplicatePolicy policy) {
        jdbc.sql("""
                update imports set mapping = cast(:mapping as jsonb), policy = :policy, updated_at = now()
                where id = :id and status = 'DRAFT'
                """)
                .param("mapping", json.writeValueAsString(mapping)).param("policy", policy.name()).param("id", id)
                .update();
    }

    /** Moves the import from one status to another; false when it was not in the expected one. */
    boolean transition(UUID id, ImportStatus from, ImportStatus to) {
        return jdbc.sql("""
                update imports set status = :to, updated_at = now(),
                    started_at = case when :to = 'RUNNING' then coalesce(started_at, now()) else started_at end,
                    finished_at = case when :to in ('COMPLETED', 'FAILED', 'UNDONE') then now() else finished_at end
                where id = :id and status = :from
                """)
                .param("id", id).param("from", from.name()).param("to", to.name()).update() == 1;
    }

    void fail(UUID id, String message) {
        jdbc.sql("""
                update imports set status = 'FAILED', message = :message, finished_at = now(), updated_at = now()
                where id = :id and status in ('QUEUED', 'RUNNING')
                """).param("id", id).param("message", message).update();
        jdbc.sql("""
                update imports set status = 'COMPLETED', message = :message, finished_at = now(), updated_at = now()
                where id = :id and status = 'UNDOING'
                """).param("id", id).param("message", "Undo stopped: " + message).update();
    }

    void startUndo(UUID id, UUID by) {
        jdbc.sql("""
                update imports set status = 'UNDOING', undone_by = :by, message = null, updated_at = now()
                where id = :id
                """).param("id", id).param("by", by).update();
    }

    UUID undoneBy(UUID id) {
        return jdbc.sql("select undone_by from imports where id = :id").param("id", id).query(UUID.class).single();
    }

    void advance(UUID id, int rows, int created, int updated, int skipped, int failed) {
        jdbc.sql("""
                update imports set processed_rows = processed_rows + :rows, created_count = created_count + :created,
                    updated_count = updated_count + :updated, skipped_count = skipped_count + :skipped,
                    failed_count = failed_count + :failed, updated_at = now()
                where id = :id
                """)
                .param("rows", rows).param("created", created).param("updated", updated).param("skipped", skipped)
                .param("failed", failed).param("id", id).update();
    }

    void advanceUndo(UUID id, int deleted, int restored, int kept) {
        jdbc.sql("""
                update imports set undo_deleted = undo_deleted + :deleted, undo_restored = undo_restored + :restored,
                    undo_kept = undo_kept + :kept, updated_at = now()
                where id = :id
                """)
                .param("deleted", deleted).param("restored", restored).param("kept", kept).param("id", id).update();
    }

    int deleteDraftsBefore(Instant before) {
        return jdbc.sql("delete from imports where status = 'DRAFT' and created_at < :before")
                .param("before", before.atOffset(java.time.ZoneOffset.UTC)).update();
    }

    void deleteFile(UUID id) {
        jdbc.sql("delete from import_files where import_id = :id").param("id", id).update();
    }

    void addErrors(UUID id, List<ImportError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into import_errors (import_id, row_number, column_name, reason)
                select :id, e.row_number, e.column_name, e.reason
                from unnest(cast(:rows as int[]), cast(:columns as text[]), cast(:reasons as text[]))
                  as e(row_number, column_name, reason)
                """)
                .param("id", id)
                .param("rows", errors.stream().map(ImportError::row).toArray(Integer[]::new))
                .param("columns", errors.stream().map(ImportError::column).toArray(String[]::new))
                .param("reasons", errors.stream().map(ImportError::reason).toArray(String[]::new))
                .update();
    }

    List<ImportError> errors(UUID id, int limit) {
        return jdbc.sql("""
                select row_number, column_name, reason from import_errors where import_id = :id
                order by row_number, id limit :limit
                """)
                .param("id", id).param("limit", limit)
                .query((rs, n) -> new ImportError(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Every error of an import in row order, read a page at a time. */
    void forEachError(UUID id, Consumer<ImportError> sink) {
        long[] after = {0};
        int[] lastRow = {0};
        int page = 5_000;
        List<ImportError> errors;
        do {
            errors = jdbc.sql("""
                    select id, row_number, column_name, reason from import_errors
                    where import_id = :id and (row_number, id) > (:row, :after)
                    order by row_number, id limit :limit
                    """)
                    .param("id", id).param("row", lastRow[0]).param("after", after[0]).param("limit", page)
                    .query((rs, n) -> {
                        after[0] = rs.getLong(1);
                        lastRow[0] = rs.getInt(2);
                        return new ImportError(rs.getInt(2), rs.getString(3), rs.getString(4));
                    }).list();
            errors.forEach(sink);
        } while (errors.size() == page);
    }

    private ImportView view(ResultSet rs, int n) throws SQLException {
        return new ImportView(rs.getObject("id", UUID.class), rs.getString("entity"), rs.getString("file_name"),
                FileFormat.valueOf(rs.getString("format")), ImportStatus.valueOf(rs.getString("status")),
                DuplicatePolicy.valueOf(rs.getString("policy")),
                Arrays.asList((String[]) rs.getArray("columns").getArray()),
                json.readValue(rs.getString("mapping"), new TypeReference<java.util.LinkedHashMap<String, String>>() { }),
                new ImportView.Counts(rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("created_count"),
                        rs.getInt("updated_count"), rs.getInt("skipped_count"), rs.getInt("failed_count")),
                new ImportView.Undo(rs.getInt("undo_deleted"), rs.getInt("undo_restored"), rs.getInt("undo_kept")),
                rs.getString("message"), rs.getObject("created_by", UUID.class), rs.getString("created_by_name"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
