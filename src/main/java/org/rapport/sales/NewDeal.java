package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deal to create: a null pipeline means the default pipeline, a null stage its first stage, a null currency the
 * organization's, a null owner the caller.
 */
public record NewDeal(String name, UUID pipelineId, UUID stageId, BigDecimal amount, String currency,
                      LocalDate expectedCloseDate, UUID ownerId, UUID accountId, List<UUID> contactIds) {
}
