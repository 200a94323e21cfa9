package org.rapport.sales;

import java.time.LocalDate;
import java.util.UUID;

/** Filters of the deal list, board and API; null means any. */
record DealFilter(UUID pipelineId, UUID stageId, DealStatus status, UUID ownerId, UUID departmentId, UUID accountId,
                  LocalDate closeFrom, LocalDate closeTo) {

    static DealFilter none() {
        return new DealFilter(null, null, null, null, null, null, null, null);
    }
}
