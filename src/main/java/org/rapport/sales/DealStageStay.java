package org.rapport.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One stay of a deal in a stage: when it entered, when it left (null while still there) and who moved it. */
public record DealStageStay(UUID stageId, String stageName, Instant enteredAt, Instant leftAt, UUID changedBy,
                            String changedByName, Duration duration) {
}
