package org.rapport.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.customers.DuplicatePolicy;

/** An import as its pages and the API show it: file, mapping, status and counts. */
record ImportView(UUID id, String entity, String fileName, FileFormat format, ImportStatus status,
                  DuplicatePolicy policy, List<String> columns, Map<String, String> mapping, Counts counts, Undo undo,
                  String message, UUID createdBy, String createdByName, Instant createdAt, Instant startedAt,
                  Instant finishedAt) {

    /** Data rows in the file, rows done so far, and what became of them. */
    record Counts(int total, int processed, int created, int updated, int skipped, int failed) {
    }

    /** What undoing did: created contacts deleted, updated ones restored, and those kept because they changed since. */
    record Undo(int deleted, int restored, int kept) {
    }

    public int percent() {
        if (status == ImportStatus.UNDOING || status == ImportStatus.UNDONE) {
            int written = counts.created() + counts.updated();
            int undone = undo.deleted() + undo.restored() + undo.kept();
            return written == 0 ? 100 : (int) Math.min(100, 100L * undone / written);
        }
        return counts.total() == 0 ? 100 : (int) Math.min(100, 100L * counts.processed() / counts.total());
    }
}
