package org.rapport.sales;

import java.util.List;
import java.util.UUID;

/** A pipeline with its stages in order. */
public record PipelineView(UUID id, String name, int position, boolean isDefault, int version,
                           List<PipelineStage> stages) {

    /** The first stage of the given kind, if any. */
    public java.util.Optional<PipelineStage> firstOf(StageKind kind) {
        return stages.stream().filter(s -> s.kind() == kind).findFirst();
    }
}
