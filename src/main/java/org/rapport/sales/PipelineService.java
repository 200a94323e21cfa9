package org.rapport.sales;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.AuditService;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales pipelines and their ordered stages. Everyone signed in may read them; only admins change them, and a stage
 * that deals are in or went through cannot be deleted.
 */
@Service
public class PipelineService {

    /** The record type of pipelines in the audit trail. */
    public static final String TYPE = "pipeline";

    private final PipelineRepository pipelines;
    private final AuditService audit;

    PipelineService(PipelineRepository pipelines, AuditService audit) {
        this.pipelines = pipelines;
        this.audit = audit;
    }

    public List<PipelineView> list() {
        return pipelines.all();
    }

    public PipelineView get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Pipeline"));
    }

    public Optional<PipelineView> find(UUID id) {
        return list().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The default pipeline (or the first one when none is marked). */
    public PipelineView defaultPipeline() {
        List<PipelineView> all = list();
        return all.stream().filter(PipelineView::isDefault).findFirst()
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> new InvalidFieldException("pipelineId", "Create a pipeline first"));
    }

    /** Creates a pipeline with stages given as name, probability and kind, in order. */
    @Transactional
    public PipelineView create(CurrentUser admin, String name, List<StageSpec> stages) {
        requireAdmin(admin);
        String clean = cleanName(name, "name");
        if (list().stream().anyMatch(p -> p.name().equalsIgnoreCase(clean))) {
            throw new InvalidFieldException("name", "A pipeline of this name exists");
        }
        if (stages.isEmpty()) {
            throw new InvalidFieldException("stages", "Give the pipeline at least one stage");
        }
        UUID id = pipelines.insert(clean, list().size(), list().isEmpty());
        for (int i = 0; i < stages.size(); i++) {
            StageSpec s = stages.get(i).clean("stages[" + i + "]");
            pipelines.insertStage(id, s.name(), i, s.probability(), s.kind());
        }
        audit.created(new RecordRef(TYPE, id), Map.of("name", clean, "stages", stages.size()));
        return get(id);
    }

    @Transactional
    public PipelineView rename(CurrentUser admin, UUID id, String name, int version, boolean makeDefault) {
        requireAdmin(admin);
        PipelineView before = get(id);
        String clean = cleanName(name, "name");
        if (list().stream().anyMatch(p -> !p.id().equals(id) && p.name().equalsIgnoreCase(clean))) {
            throw new InvalidFieldException("name", "A pipeline of this name exists");
        }
        if (!pipelines.update(id, version, clean, before.position())) {
            throw new org.rapport.shared.PreconditionFailedException("The pipeline changed meanwhile; reload it", false);
        }
        if (makeDefault) {
            pipelines.makeDefault(id);
        }
        audit.updated(new RecordRef(TYPE, id), Map.of("name", before.name(), "isDefault", before.isDefault()),
                Map.of("name", clean, "isDefault", makeDefault || before.isDefault()));
        return get(id);
    }

    /** Adds a stage at the end of the pipeline. */
    @Transactional
    public PipelineView addStage(CurrentUser admin, UUID pipelineId, StageSpec spec) {
        requireAdmin(admin);
        PipelineView p = get(pipelineId);
        StageSpec s = spec.clean("stage");
        int position = p.stages().stream().mapToInt(PipelineStage::position).max().orElse(-1) + 1;
        pipelines.insertStage(pipelineId, s.name(), position, s.probability(), s.kind());
        audit.updated(new RecordRef(TYPE, pipelineId), Map.of(), Map.of("stageAdded", s.name()));
        return get(pipelineId);
    }

    /** Changes a stage; its probability is the default for deals entering it from now on. */
    @Transactional
    public PipelineView updateStage(CurrentUser admin, UUID pipelineId, UUID stageId, StageSpec spec, int position) {
        requireAdmin(admin);
        PipelineStage before = stage(get(pipelineId), stageId);
        StageSpec s = spec.clean("stage");
        pipelines.updateStage(stageId, s.name(), position, s.probability(), s.kind());
        audit.updated(new RecordRef(TYPE, pipelineId),
                Map.of("stage", before.name(), "probability", before.probability(), "kind", before.kind(),
                        "position", before.position()),
                Map.of("stage", s.name(), "probability", s.probability(), "kind", s.kind(), "position", position));
        return get(pipelineId);
    }

    @Transactional
    public PipelineView deleteStage(CurrentUser admin, UUID pipelineId, UUID stageId) {
        requireAdmin(admin);
        PipelineView p = get(pipelineId);
        PipelineStage before = stage(p, stageId);
        if (pipelines.stageInUse(stageId)) {
            throw new InvalidFieldException("stageId", "Deals are in or went through this stage; rename it instead");
        }
        if (p.stages().size() == 1) {
            throw new InvalidFieldException("stageId", "A pipeline keeps at least one stage");
        }
        pipelines.deleteStage(stageId);
        audit.updated(new RecordRef(TYPE, pipelineId), Map.of("stageDeleted", before.name()), Map.of());
        return get(pipelineId);
    }

    static PipelineStage stage(PipelineView p, UUID stageId) {
        return p.stages().stream().filter(s -> s.id().equals(stageId)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("stageId", "No such stage in pipeline " + p.name()));
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin() || !user.canWrite()) {
            throw new ForbiddenException("Only administrators change pipelines");
        }
    }

    static String cleanName(String name, String field) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidFieldException(field, "Enter a name of 1 to 100 characters");
        }
        return clean;
    }

    /** A stage as an admin writes it. */
    public record StageSpec(String name, Integer probability, StageKind kind) {

        StageSpec clean(String field) {
            String n = cleanName(name, field + ".name");
            if (probability == null || probability < 0 || probability > 100) {
                throw new InvalidFieldException(field + ".probability", "Use a probability from 0 to 100");
            }
            return new StageSpec(n, probability, kind == null ? StageKind.OPEN : kind);
        }
    }
}
