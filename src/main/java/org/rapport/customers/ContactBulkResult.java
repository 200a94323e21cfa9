package org.rapport.customers;

import java.util.List;
import java.util.UUID;

/** What a bulk write did with each of its rows, in the order of the rows. */
public record ContactBulkResult(List<RowOutcome> rows) {

    /** The fate of one row. */
    public enum Outcome { CREATED, UPDATED, SKIPPED, FAILED }

    /**
     * @param contactId the contact created, updated or (for a skipped row) matched; null for a failed row
     * @param field     for a failed row, the {@link ContactBulkRow} component at fault ({@code name} when neither
     *                  a first nor a last name is known)
     * @param reason    why the row failed or was skipped
     */
    public record RowOutcome(int rowNumber, Outcome outcome, UUID contactId, String field, String reason) {
    }

    public int count(Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
