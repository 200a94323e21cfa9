package org.rapport.sales;

import java.util.List;
import java.util.UUID;

/** What a bulk write of leads did with each of its rows, in the order of the rows. */
public record LeadBulkResult(List<RowOutcome> rows) {

    /** The fate of one row. */
    public enum Outcome { CREATED, UPDATED, SKIPPED, FAILED }

    /**
     * @param leadId the lead created, updated or (for a skipped row) matched, if any
     * @param field  for a failed row, the {@link LeadBulkRow} component at fault, if one is
     * @param reason why the row failed or was skipped
     */
    public record RowOutcome(int rowNumber, Outcome outcome, UUID leadId, String field, String reason) {
    }

    public LeadBulkResult {
        rows = List.copyOf(rows);
    }

    public int count(Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
