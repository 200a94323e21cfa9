package org.rapport.sales;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.rapport.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/pipelines}: the pipelines with their ordered stages; admins create them. */
@RestController
@RequestMapping("/api/v1/pipelines")
@Tag(name = "Pipelines")
class PipelineApi {

    /** A new pipeline and its stages, in order. */
    record PipelineRequest(@Size(max = 100) String name, @Size(max = 50) List<PipelineService.StageSpec> stages) {
    }

    private final PipelineService pipelines;

    PipelineApi(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping
    @Operation(summary = "Every pipeline with its stages (probability 0-100, kind OPEN, WON or LOST), in order")
    List<PipelineView> list() {
        return pipelines.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One pipeline with its stages")
    PipelineView get(@PathVariable UUID id) {
        return pipelines.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a pipeline (administrators only)")
    ResponseEntity<PipelineView> create(@AuthenticationPrincipal CurrentUser user,
                                        @Valid @RequestBody PipelineRequest request) {
        PipelineView created = pipelines.create(user, request.name(),
                request.stages() == null ? List.of() : request.stages());
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + created.id())).body(created);
    }
}
