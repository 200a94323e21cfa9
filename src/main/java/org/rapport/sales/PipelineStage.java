package org.rapport.sales;

import java.util.UUID;

/** A stage of a pipeline, with the probability a deal gets when it enters it. */
public record PipelineStage(UUID id, UUID pipelineId, String name, int position, int probability, StageKind kind) {
}
