package org.rapport.sales;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** {@code /api/v1/deals}: create, read, list with filters (cursor pages), PATCH with If-Match, delete, stage history. */
@RestController
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals")
class DealApi {

    /**
     * A deal as written. A null pipeline is the default one (or the stage's), a null stage the pipeline's first, a
     * null probability the stage's default, a null currency the organization's, a null owner the caller.
     */
    record DealRequest(@Size(max = 200) String name, UUID pipelineId, UUID stageId, BigDecimal amount,
                       @Size(max = 3) String currency, LocalDate expectedCloseDate, Integer probability,
                       UUID ownerId, UUID accountId, @Size(max = 500) String lossReason,
                       List<@Valid ContactRequest> contacts) {

        static DealRequest of(DealView d) {
            return new DealRequest(d.name(), d.pipelineId(), d.stageId(), d.amount(), d.currency(),
                    d.expectedCloseDate(), d.probability(), d.ownerId(), d.accountId(), d.lossReason(),
                    d.contacts().stream().map(c -> new ContactRequest(c.contactId(), c.role())).toList());
        }

        DealFields fields() {
            return new DealFields(name, pipelineId, stageId, amount, currency, expectedCloseDate, probability, ownerId,
                    accountId, lossReason, contacts == null ? List.of() : contacts.stream()
                            .map(c -> c == null ? null : new DealFields.ContactRole(c.contactId(), c.role())).toList());
        }
    }

    /** A contact of the deal and their role in it. */
    record ContactRequest(UUID contactId, @Size(max = 100) String role) {
    }

    /**
     * The list's query parameters.
     *
     * @param closeFrom deals expected to close on or after this date (YYYY-MM-DD)
     * @param closeTo   deals expected to close on or before this date
     * @param cursor    the {@code nextCursor} of the previous page
     */
    record DealQuery(UUID pipelineId, UUID stageId, DealStatus status, UUID ownerId, UUID departmentId,
                     UUID accountId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeFrom,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeTo,
                     @Size(max = 300) String cursor, @Min(1) @Max(DealService.MAX_PAGE) Integer limit) {

        DealFilter filter() {
            return new DealFilter(pipelineId, stageId, status, ownerId, departmentId, accountId, closeFrom, closeTo);
        }
    }

    private final DealService deals;
    private final JsonMergePatch mergePatch;

    DealApi(DealService deals, JsonMergePatch mergePatch) {
        this.deals = deals;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List the deals the caller may see, by name",
            description = "Pass nextCursor back as cursor for the next page.")
    CursorPage<DealView> list(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject DealQuery query) {
        return deals.list(user, query.filter(), query.cursor(), query.limit() == null ? 50 : query.limit());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deal; 404 when it does not exist or the caller may not see it. ETag = version")
    ResponseEntity<DealView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), deals.get(user, id));
    }

    @GetMapping("/{id}/stage-history")
    @Operation(summary = "The stages the deal went through, oldest first, with the time spent in each")
    List<DealStageStay> history(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return deals.stageHistory(user, id);
    }

    @PostMapping
    @Operation(summary = "Create a deal", description = "The status follows the stage: a WON or LOST stage closes "
            + "the deal. The amount is zero or more; the account and contacts must be ones the caller may see.")
    ResponseEntity<DealView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody DealRequest request) {
        DealView created = deals.create(user, request.fields());
        return withEtag(ResponseEntity.created(URI.create("/api/v1/deals/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (JSON merge patch, RFC 7386); If-Match with the ETag is required",
            description = "{\"stageId\": \"...\"} moves the deal (recorded in its stage history); without an "
                    + "explicit probability it takes the new stage's default.")
    ResponseEntity<DealView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody JsonNode patch) {
        DealRequest merged = mergePatch.apply(DealRequest.of(deals.get(user, id)), patch, DealRequest.class);
        return withEtag(ResponseEntity.ok(), deals.update(user, id, IfMatch.version(ifMatch, "the deal"),
                merged.fields()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a deal")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        deals.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<DealView> withEtag(ResponseEntity.BodyBuilder builder, DealView deal) {
        return builder.eTag(IfMatch.etag(deal.version())).body(deal);
    }
}
