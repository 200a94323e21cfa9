package org.rapport.sales;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/** The filters of the board and list pages, as query parameters. */
record DealFilterForm(UUID pipeline, UUID owner, UUID department, DealStatus status,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeFrom,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeTo) {

    DealFilter filter(UUID pipelineId) {
        return new DealFilter(pipelineId, null, status, owner, department, null, closeFrom, closeTo);
    }
}
