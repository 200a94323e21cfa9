package org.rapport.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.customers.DuplicatePolicy;
import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Imports of contacts or leads from CSV or XLSX: upload (the file is read once to count its rows and name its columns),
 * mapping with a preview of the first rows, the background job, its error report, and undo. An import is seen
 * only by the user who started it and by admins.
 */
@Service
class ImportService {

    static final int PREVIEW_ROWS = 10;
    private static final int PREVIEW_BYTES = 1 << 20;

    /** The first rows of a file as the mapping would import them. */
    record Preview(List<String> columns, List<PreviewRow> rows) {
    }

    /** One previewed row: the values of its mapped columns, what would happen to it, and why. */
    record PreviewRow(int number, List<String> values, String outcome, List<String> problems) {
    }

    private record Upload(String fileName, FileFormat format, List<String> columns, int rows) {
    }

    private final ImportRepository imports;
    private final ImportWriter writer;
    private final ImportTargets targets;
    private final Scheduler scheduler;
    private final TransactionTemplate transaction;
    private final long maxBytes;

    ImportService(ImportRepository imports, ImportWriter writer, ImportTargets targets, Scheduler scheduler,
                  TransactionTemplate transaction,
                  @Value("${rapport.imports.max-file-bytes:52428800}") long maxBytes) {
        this.imports = imports;
        this.writer = writer;
        this.targets = targets;
        this.scheduler = scheduler;
        this.transaction = transaction;
        this.maxBytes = maxBytes;
    }

    /** Stores the file as a draft import of the entity, with the mapping guessed from its header. */
    ImportView upload(CurrentUser user, ImportEntity entity, String fileName, byte[] content) {
        requireWriter(user);
        Upload upload = read(fileName, content);
        UUID id = transaction.execute(s -> imports.insert(entity, upload.fileName(), upload.format(),
                upload.columns(), targets.guess(entity, upload.columns()).byColumn(), DuplicatePolicy.SKIP,
                ImportStatus.DRAFT, upload.rows(), user.id(), content));
        return get(user, id);
    }

    /** Stores the file and starts importing it at once; without a mapping, the guessed one is used. */
    ImportView submit(CurrentUser user, ImportEntity entity, String fileName, byte[] content,
                      Map<String, String> mapping, DuplicatePolicy policy) {
        requireWriter(user);
        Upload upload = read(fileName, content);
        ImportMapping columns = mapping == null ? targets.guess(entity, upload.columns())
                : targets.parse(entity, mapping, upload.columns());
        columns.requireUsable(policy);
        UUID id = transaction.execute(s -> {
            UUID created = imports.insert(entity, upload.fileName(), upload.format(), upload.columns(),
                    columns.byColumn(), policy, ImportStatus.QUEUED, upload.rows(), user.id(), content);
            ImportJobs.schedule(scheduler, ImportJobs.IMPORT, created);
            return created;
        });
        return get(user, id);
    }

    ImportView get(CurrentUser user, UUID id) {
        return imports.find(id).filter(i -> i.createdBy().equals(user.id()) || user.isAdmin())
                .orElseThrow(() -> new NotFoundException("Import"));
    }

    /** The latest imports: the user's own, or everyone's for an admin. */
    List<ImportView> latest(CurrentUser user, int limit) {
        return imports.latest(user.isAdmin() ? null : user.id(), limit);
    }

    /** A draft's stored mapping; guessed again when it names a custom field that was retired since. */
    ImportMapping mapping(ImportView view) {
        ImportEntity entity = ImportEntity.of(view.entity());
        try {
            return targets.parse(entity, view.mapping(), view.columns());
        } catch (InvalidFieldException e) {
            return targets.guess(entity, view.columns());
        }
    }

    Preview preview(CurrentUser user, UUID id, ImportMapping mapping, DuplicatePolicy policy) {
        requireWriter(user);
        ImportView view = draft(user, id);
        byte[] content = firstRows(view).orElseThrow(() -> new NotFoundException("Import file"));
        List<SheetRow> rows;
        try (SheetReader reader = SheetReader.open(view.format(), content)) {
            rows = reader.next(PREVIEW_ROWS);
        }
        List<ImportWriter.RowResult> results = transaction.execute(s -> {
            s.setRollbackOnly();
            return writer.write(ImportEntity.of(view.entity()), user, UUID.randomUUID(), policy, "preview", mapping,
                    rows);
        });
        List<Integer> shown = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < mapping.columns().size(); c++) {
            if (mapping.field(c) != null) {
                shown.add(c);
                columns.add(mapping.columns().get(c) + " → " + mapping.field(c).label());
            }
        }
        Map<Integer, SheetRow> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.number(), r));
        List<PreviewRow> previewRows = new ArrayList<>();
        for (ImportWriter.RowResult result : results) {
            SheetRow row = byNumber.get(result.row());
            previewRows.add(new PreviewRow(result.row(), shown.stream().map(row::cell).toList(),
                    result.outcome().name(), result.problems().stream()
                            .map(e -> e.column() == null ? e.reason() : e.column() + ": " + e.reason()).toList()));
        }
        return new Preview(columns, previewRows);
    }

    /** For each column of a draft, its first few values, to help map it. */
    List<String> samples(CurrentUser user, UUID id) {
        ImportView view = get(user, id);
        byte[] content = firstRows(view).orElse(null);
        if (content == null) {
            return List.of();
        }
        List<SheetRow> rows;
        try (SheetReader reader = SheetReader.open(view.format(), content)) {
            rows = reader.next(3);
        }
        List<String> samples = new ArrayList<>();
        for (int c = 0; c < view.columns().size(); c++) {
            int column = c;
            String joined = String.join(", ", rows.stream().map(r -> r.cell(column)).filter(v -> !v.isEmpty()).toList());
            samples.add(joined.length() > 60 ? joined.substring(0, 59) + "…" : joined);
        }
        return samples;
    }

    /** Keeps the draft's mapping and policy without starting it. */
    void save(CurrentUser user, UUID id, ImportMapping mapping, DuplicatePolicy policy) {
        requireWriter(user);
        draft(user, id);
        transaction.executeWithoutResult(s -> imports.saveDraft(id, mapping.byColumn(), policy));
    }

    ImportView start(CurrentUser user, UUID id, ImportMapping mapping, DuplicatePolicy policy) {
        requireWriter(user);
        draft(user, id);
        mapping.requireUsable(policy);
        transaction.executeWithoutResult(s -> {
            imports.saveDraft(id, mapping.byColumn(), policy);
            if (!imports.transition(id, ImportStatus.DRAFT, ImportStatus.QUEUED)) {
                throw new ConflictException("This import has already been started");
            }
            ImportJobs.schedule(scheduler, ImportJobs.IMPORT, id);
        });
        return get(user, id);
    }

    /** Starts undoing a finished import: the records it created are deleted, those it updated restored. */
    ImportView undo(CurrentUser user, UUID id) {
        requireWriter(user);
        transaction.executeWithoutResult(s -> {
            get(user, id);
            ImportRepository.Progress progress = imports.lock(id);
            if (!progress.status().undoable()) {
                throw new ConflictException("Only a finished import can be undone; this one is "
                        + progress.status().name().toLowerCase());
            }
            imports.startUndo(id, user.id());
            ImportJobs.schedule(scheduler, ImportJobs.UNDO, id);
        });
        return get(user, id);
    }

    List<ImportError> errors(CurrentUser user, UUID id, int limit) {
        get(user, id);
        return imports.errors(id, limit);
    }

    /** The rows that were not imported as CSV: row number, column, reason. */
    void writeErrorReport(CurrentUser user, UUID id, OutputStream out) throws IOException {
        get(user, id);
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        CsvWriter csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8);
        csv.writeRecord("Row", "Column", "Reason");
        imports.forEachError(id, e -> csv.writeRecord(String.valueOf(e.row()), SafeCells.csv(e.column()),
                SafeCells.csv(e.reason())));
        csv.flush();
    }

    /**
     * The file, or for a CSV its first megabyte cut after its last complete line (UTF-8 and single-byte encodings;
     * a UTF-16 file is read whole).
     */
    private java.util.Optional<byte[]> firstRows(ImportView view) {
        if (view.format() != FileFormat.CSV) {
            return imports.content(view.id());
        }
        return imports.contentStart(view.id(), PREVIEW_BYTES).flatMap(start -> {
            boolean utf16 = start.length >= 2 && ((start[0] & 0xFF) == 0xFF || (start[0] & 0xFF) == 0xFE);
            if (start.length < PREVIEW_BYTES) {
                return java.util.Optional.of(start);
            }
            if (utf16) {
                return imports.content(view.id());
            }
            int end = start.length;
            while (end > 0 && start[end - 1] != '\n') {
                end--;
            }
            return java.util.Optional.of(end == 0 ? start : java.util.Arrays.copyOf(start, end));
        });
    }

    private ImportView draft(CurrentUser user, UUID id) {
        ImportView view = get(user, id);
        if (view.status() != ImportStatus.DRAFT) {
            throw new ConflictException("This import has already been started");
        }
        return view;
    }

    private Upload read(String fileName, byte[] content) {
        if (content.length > maxBytes) {
            throw new InvalidFieldException("file", "The file is larger than " + maxBytes / (1024 * 1024) + " MB");
        }
        FileFormat format = FileFormat.detect(fileName, content);
        try (SheetReader reader = SheetReader.open(format, content)) {
            List<String> columns = SheetReader.columnNames(reader.header());
            if (columns.isEmpty()) {
                throw new InvalidFieldException("file", "The first row must name the columns");
            }
            int rows = 0;
            while (reader.next() != null) {
                if (++rows > SheetReader.MAX_ROWS) {
                    throw new InvalidFieldException("file", "The file has more than " + SheetReader.MAX_ROWS
                            + " rows; split it into several files");
                }
            }
            if (rows == 0) {
                throw new InvalidFieldException("file", "The file has no rows under its header row");
            }
            return new Upload(cleanName(fileName, format), format, columns, rows);
        }
    }

    private static String cleanName(String fileName, FileFormat format) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            name = "upload." + format.extension();
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow importing");
        }
    }
}
