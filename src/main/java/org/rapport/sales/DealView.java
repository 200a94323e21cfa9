package org.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A deal as its readers see it, with the names of its pipeline, stage and owner. */
public record DealView(UUID id, String name, UUID pipelineId, String pipelineName, UUID stageId, String stageName,
                       BigDecimal amount, String currency, LocalDate expectedCloseDate, int probability,
                       UUID ownerId, String ownerName, UUID departmentId, UUID accountId, DealStatus status,
                       String lossReason, Instant closedAt, Instant createdAt, Instant updatedAt, int version,
                       List<DealContact> contacts) {

    /** The amount weighted by the probability. */
    public BigDecimal weightedAmount() {
        return amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2);
    }

    DealView withContacts(List<DealContact> list) {
        return new DealView(id, name, pipelineId, pipelineName, stageId, stageName, amount, currency,
                expectedCloseDate, probability, ownerId, ownerName, departmentId, accountId, status, lossReason,
                closedAt, createdAt, updatedAt, version, List.copyOf(list));
    }
}
