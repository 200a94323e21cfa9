package org.rapport.interactions;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.IfMatch;
import org.rapport.platform.JsonMergePatch;
import org.rapport.shared.CursorPage;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.RecordRef;
import org.springframework.core.io.Resource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/interactions}: log, read, list a record's timeline or by filters, PATCH with If-Match, delete. */
@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Interactions")
class InteractionApi {

    private final InteractionService interactions;
    private final JsonMergePatch mergePatch;
    private final InteractionAttachments attachments;

    InteractionApi(InteractionService interactions, JsonMergePatch mergePatch, InteractionAttachments attachments) {
        this.interactions = interactions;
        this.attachments = attachments;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "Interactions the caller may see, newest first",
            description = "With recordType and recordId: that record's timeline (404 when the record is not "
                    + "visible). userId matches the rep or a participating user. from (inclusive) and to (exclusive) "
                    + "bound occurredAt. Pass nextCursor back as cursor for the next page.")
    CursorPage<InteractionView> list(@AuthenticationPrincipal CurrentUser user,
                                     @RequestParam(required = false) String recordType,
                                     @RequestParam(required = false) UUID recordId,
                                     @RequestParam(required = false) InteractionType type,
                                     @RequestParam(required = false) UUID userId,
                                     @Parameter(description = "ISO-8601 instant, e.g. 2026-01-31T00:00:00Z")
                                     @RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "50") int limit) {
        if ((recordType == null) != (recordId == null)) {
            throw new InvalidFieldException(recordType == null ? "recordType" : "recordId",
                    "Give recordType and recordId together");
        }
        RecordRef record = recordType == null ? null : new RecordRef(recordType, recordId);
        return interactions.list(user, record, type, userId, from, to, cursor, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One interaction; 404 when it does not exist or the caller may not see it. ETag = version")
    ResponseEntity<InteractionView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), interactions.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Log an interaction (also chat transcripts: type CHAT)",
            description = "contactIds put it on those contacts' timelines and their accounts'; related adds other "
                    + "records ({type, id}). With an externalId that was sent before, answers 200 with the "
                    + "interaction already logged instead of 201.")
    ResponseEntity<InteractionView> create(@AuthenticationPrincipal CurrentUser user,
                                           @RequestBody InteractionRequest request) {
        InteractionService.Delivery delivery = interactions.log(user, request.toNew(InteractionSource.API));
        InteractionView view = delivery.interaction();
        return withEtag(delivery.created()
                ? ResponseEntity.created(URI.create("/api/v1/interactions/" + view.id()))
                : ResponseEntity.ok().header(HttpHeaders.LOCATION, "/api/v1/interactions/" + view.id()), view);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change what was logged (JSON merge patch, RFC 7386); If-Match with the ETag is required",
            description = "contactIds, userIds, related and externalId cannot be changed.")
    ResponseEntity<InteractionView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody JsonNode patch) {
        InteractionRequest current = InteractionRequest.from(interactions.get(user, id));
        InteractionRequest merged = mergePatch.apply(current, patch, InteractionRequest.class);
        for (String fixed : new String[] {"contactIds", "userIds", "related", "externalId"}) {
            if (patch.has(fixed) && !Objects.equals(fieldOf(current, fixed), fieldOf(merged, fixed))) {
                throw new InvalidFieldException(fixed, "Cannot be changed; log a new interaction instead");
            }
        }
        return withEtag(ResponseEntity.ok(),
                interactions.update(user, id, IfMatch.version(ifMatch, "the interaction"), merged.toNew(InteractionSource.API)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an interaction (its rep, a manager or an administrator)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        interactions.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/attachments", consumes = "multipart/form-data")
    @Operation(summary = "Attach a file (multipart field 'file'); type checked against its content, size-limited")
    ResponseEntity<InteractionView.Attachment> attach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                                      @RequestParam("file") MultipartFile file) throws IOException {
        try (var in = file.getInputStream()) {
            InteractionView.Attachment stored = attachments.upload(user, id, file.getOriginalFilename(), in);
            return ResponseEntity.created(URI.create("/api/v1/interactions/" + id + "/attachments/" + stored.id()))
                    .body(stored);
        }
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment of an interaction the caller may see")
    ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                      @PathVariable UUID attachmentId) {
        return AttachmentResponses.of(attachments.open(user, id, attachmentId));
    }

    private static Object fieldOf(InteractionRequest r, String name) {
        return switch (name) {
            case "contactIds" -> r.contactIds();
            case "userIds" -> r.userIds();
            case "related" -> r.related();
            default -> r.externalId();
        };
    }

    private static ResponseEntity<InteractionView> withEtag(ResponseEntity.BodyBuilder builder, InteractionView view) {
        return builder.eTag(IfMatch.etag(view.version())).body(view);
    }
}
