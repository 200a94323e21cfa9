package org.rapport.tasks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.IfMatch;
import org.rapport.platform.JsonMergePatch;
import org.rapport.shared.CursorPage;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/tasks}: create, read, list with filters (cursor pages), PATCH with If-Match, delete. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class TaskApi {

    /** A task as written; the assignee defaults to the caller, the priority to NORMAL, the status to OPEN. */
    record TaskRequest(@NotBlank @Size(max = 300) String title, @Size(max = 10_000) String description,
                       Instant dueAt, TaskPriority priority, TaskStatus status, UUID assigneeId,
                       @Size(max = 40) String recordType, UUID recordId, UUID interactionId, Instant remindAt,
                       Boolean remindByEmail) {

        static TaskRequest of(TaskView t) {
            return new TaskRequest(t.title(), t.description(), t.dueAt(), t.priority(), t.status(), t.assigneeId(),
                    t.recordType(), t.recordId(), t.interactionId(), t.remindAt(), t.remindByEmail());
        }

        TaskFields fields() {
            return new TaskFields(title, description, dueAt, priority, status, assigneeId, recordType, recordId,
                    interactionId, remindAt, Boolean.TRUE.equals(remindByEmail));
        }
    }

    /**
     * The list's query parameters.
     *
     * @param dueBefore tasks due before this instant (ISO 8601, e.g. {@code 2026-12-01T00:00:00Z})
     * @param dueAfter  tasks due at or after this instant
     * @param cursor    the {@code nextCursor} of the previous page
     */
    record TaskQuery(@Size(max = 40) String recordType, UUID recordId, UUID assigneeId, TaskStatus status,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueAfter,
                     @Size(max = 200) String cursor, @Min(1) @Max(TaskService.MAX_PAGE) Integer limit) {

        TaskFilter filter() {
            return new TaskFilter(recordType == null || recordType.isBlank() ? null : recordType, recordId, assigneeId,
                    status == null ? List.of() : List.of(status), dueBefore, dueAfter);
        }
    }

    private final TaskService tasks;
    private final JsonMergePatch mergePatch;

    TaskApi(TaskService tasks, JsonMergePatch mergePatch) {
        this.tasks = tasks;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List the tasks the caller may see, by due time (tasks without one last)",
            description = "A task is visible to whoever may see its assignee's records or its related record. "
                    + "Pass nextCursor back as cursor for the next page.")
    CursorPage<TaskView> list(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject TaskQuery query) {
        return tasks.list(user, query.filter(), query.cursor(), query.limit() == null ? 50 : query.limit());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task; 404 when it does not exist or the caller may not see it. ETag = version")
    ResponseEntity<TaskView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), tasks.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Create a task", description = "recordType is one of the record directory's types "
            + "(contact, account, ...); the record must be one the caller may see. Assigning it to someone else "
            + "notifies them.")
    ResponseEntity<TaskView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody TaskRequest request) {
        TaskView created = tasks.create(user, request.fields());
        return withEtag(ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (JSON merge patch, RFC 7386); If-Match with the ETag is required",
            description = "{\"status\": \"DONE\"} completes a task.")
    ResponseEntity<TaskView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody JsonNode patch) {
        TaskRequest merged = mergePatch.apply(TaskRequest.of(tasks.get(user, id)), patch, TaskRequest.class);
        return withEtag(ResponseEntity.ok(), tasks.update(user, id, IfMatch.version(ifMatch, "the task"), merged.fields()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a task")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        tasks.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TaskView> withEtag(ResponseEntity.BodyBuilder builder, TaskView task) {
        return builder.eTag("\"" + task.version() + "\"").body(task);
    }
}
