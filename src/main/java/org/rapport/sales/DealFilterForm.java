package org.rapport.sales;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/** The filters of the board and list pages, as query parameters; {@code account} comes from an account's page. */
record DealFilterForm(UUID pipeline, UUID owner, UUID department, DealStatus status,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeFrom,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeTo, UUID account) {

    DealFilter filter(UUID pipelineId) {
        return new DealFilter(pipelineId, null, status, owner, department, account, closeFrom, closeTo);
    }
}
