package org.rapport.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.rapport.customers.ContactBulkResult;
import org.rapport.customers.ContactBulkRow;
import org.rapport.customers.ContactBulkService;
import org.rapport.customers.DuplicatePolicy;
import org.rapport.identity.CurrentUser;
import org.rapport.sales.LeadBulkResult;
import org.rapport.sales.LeadBulkRow;
import org.rapport.sales.LeadBulkService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Converts data rows by the mapping (apart from the write, so that a job can convert the next chunk while it writes one)
 * and writes them, in the caller's transaction, as the contacts or leads the import brings in, with one bulk call per
 * chunk; reports what became of each row; and reverts an import a step at a time.
 */
@Component
class ImportWriter {

    /** The most rows one chunk may hold. */
    static final int MAX_ROWS = Math.min(ContactBulkService.MAX_ROWS, LeadBulkService.MAX_ROWS);

    /** The fate of one row. */
    enum Outcome { CREATED, UPDATED, SKIPPED, FAILED }

    /** What became of one data row; {@code problems} say why it failed (each cell at fault) or was skipped. */
    record RowResult(int row, Outcome outcome, List<ImportError> problems) {
    }

    /** What one undo step did: records created deleted, updated ones restored, those kept as they are now. */
    record Reverted(int deleted, int restored, int kept) {

        int total() {
            return deleted + restored + kept;
        }
    }

    private final ContactBulkService contacts;
    private final LeadBulkService leads;
    private final String phoneRegion;

    ImportWriter(ContactBulkService contacts, LeadBulkService leads,
                 @Value("${rapport.phone-region:US}") String phoneRegion) {
        this.contacts = contacts;
        this.leads = leads;
        this.phoneRegion = phoneRegion;
    }

    /**
     * The data rows of a chunk converted by the mapping, the unreadable ones already failed: all the work of a chunk
     * that needs no database, so it can be done (on another thread) while the previous chunk is being written.
     */
    static final class Prepared {
        private final ImportEntity entity;
        private final int size;
        private final List<RowResult> unreadable;
        private final List<ContactBulkRow> contacts;
        private final RowConverter contactConverter;
        private final List<LeadBulkRow> leads;
        private final LeadRowConverter leadConverter;

        private Prepared(ImportEntity entity, int size, List<RowResult> unreadable, List<ContactBulkRow> contacts,
                         RowConverter contactConverter, List<LeadBulkRow> leads, LeadRowConverter leadConverter) {
            this.entity = entity;
            this.size = size;
            this.unreadable = unreadable;
            this.contacts = contacts;
            this.contactConverter = contactConverter;
            this.leads = leads;
            this.leadConverter = leadConverter;
        }

        /** How many data rows the chunk has. */
        int size() {
            return size;
        }
    }

    /**
     * Writes the rows (at most {@link #MAX_ROWS}) and returns a result per row, in row order.
     *
     * @param consentSource recorded as the source of marketing opt-ins that contact rows give
     */
    List<RowResult> write(ImportEntity entity, CurrentUser writer, UUID batchId, DuplicatePolicy policy,
                          String consentSource, ImportMapping mapping, List<SheetRow> rows) {
        return write(prepare(entity, mapping, rows), writer, batchId, policy, consentSource);
    }

    /** Converts the rows (at most {@link #MAX_ROWS}) by the mapping; touches no database and no shared state. */
    Prepared prepare(ImportEntity entity, ImportMapping mapping, List<SheetRow> rows) {
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("At most " + MAX_ROWS + " rows per chunk");
        }
        List<RowResult> unreadable = new ArrayList<>();
        if (entity == ImportEntity.LEADS) {
            LeadRowConverter converter = new LeadRowConverter(mapping, phoneRegion);
            List<LeadBulkRow> good = new ArrayList<>(rows.size());
            for (SheetRow row : rows) {
                LeadRowConverter.Converted converted = converter.convert(row);
                if (converted.row() == null) {
                    unreadable.add(unreadable(row, converted.errors()));
                } else {
                    good.add(converted.row());
                }
            }
            return new Prepared(entity, rows.size(), unreadable, null, null, good, converter);
        }
        RowConverter converter = new RowConverter(mapping, phoneRegion);
        List<ContactBulkRow> good = new ArrayList<>(rows.size());
        for (SheetRow row : rows) {
            RowConverter.Converted converted = converter.convert(row);
            if (converted.row() == null) {
                unreadable.add(unreadable(row, converted.errors()));
            } else {
                good.add(converted.row());
            }
        }
        return new Prepared(entity, rows.size(), unreadable, good, converter, null, null);
    }

    /**
     * Writes a prepared chunk in the caller's transaction and returns a result per row, in row order.
     *
     * @param consentSource recorded as the source of marketing opt-ins that contact rows give
     */
    List<RowResult> write(Prepared chunk, CurrentUser writer, UUID batchId, DuplicatePolicy policy,
                          String consentSource) {
        List<RowResult> results = new ArrayList<>(chunk.size);
        results.addAll(chunk.unreadable);
        if (chunk.entity == ImportEntity.LEADS) {
            for (LeadBulkResult.RowOutcome o : leads.write(writer, batchId, policy, chunk.leads).rows()) {
                results.add(result(o.rowNumber(), Outcome.valueOf(o.outcome().name()),
                        chunk.leadConverter.columnOf(o.field()), o.reason()));
            }
        } else {
            for (ContactBulkResult.RowOutcome o : contacts.write(writer, batchId, policy, consentSource,
                    chunk.contacts).rows()) {
                results.add(result(o.rowNumber(), Outcome.valueOf(o.outcome().name()),
                        chunk.contactConverter.columnOf(o.field()), o.reason()));
            }
        }
        results.sort(Comparator.comparingInt(RowResult::row));
        return results;
    }

    /** Reverts up to {@code limit} records of an import; all zeros when nothing is left to revert. */
    Reverted revert(ImportEntity entity, CurrentUser user, UUID batchId, int limit) {
        if (entity == ImportEntity.LEADS) {
            LeadBulkService.Reverted r = leads.revert(user, batchId, limit);
            return new Reverted(r.deleted(), r.restored(), r.kept());
        }
        ContactBulkService.Reverted r = contacts.revert(user, batchId, limit);
        return new Reverted(r.deleted(), r.restored(), r.kept());
    }

    private static RowResult unreadable(SheetRow row, List<RowConverter.CellError> errors) {
        return new RowResult(row.number(), Outcome.FAILED,
                errors.stream().map(e -> new ImportError(row.number(), e.column(), e.reason())).toList());
    }

    private static RowResult result(int row, Outcome outcome, String column, String reason) {
        return new RowResult(row, outcome, reason == null ? List.of() : List.of(new ImportError(row, column, reason)));
    }
}
