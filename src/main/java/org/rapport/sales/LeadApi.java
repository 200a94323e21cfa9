package org.rapport.sales;

import java.net.URI;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/leads}: create, read, list (cursor pages), PATCH with If-Match, and convert. */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadApi {

    /** A lead as written; without an owner the assignment rules place it (or the unassigned queue). */
    record LeadRequest(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
                       @Size(max = 254) String email, @Size(max = 40) String phone, @Size(max = 200) String company,
                       @Size(max = 200) String title, @Size(max = 2) String country, LeadSource source,
                       UUID campaignId, LeadStatus status, @Size(max = 500) String disqualifiedReason, UUID ownerId,
                       UUID departmentId) {

        static LeadRequest of(LeadView l) {
            return new LeadRequest(l.firstName(), l.lastName(), l.email(), l.phone(), l.company(), l.title(),
                    l.country(), l.source(), l.campaignId(), l.status(), l.disqualifiedReason(), l.ownerId(),
                    l.departmentId());
        }

        LeadFields fields(LeadSource defaultSource) {
            return new LeadFields(firstName, lastName, email, phone, company, title, country,
                    source == null ? defaultSource : source, campaignId, status, disqualifiedReason, ownerId,
                    departmentId);
        }
    }

    /**
     * The conversion's choices.
     *
     * @param contactId an existing contact to merge the lead into (null: create one)
     * @param accountId an existing account to link (null: create one from the company, unless noAccount)
     * @param deal      a deal to create with the conversion (needs the deals module), or null
     */
    record ConvertRequest(UUID contactId, UUID accountId, Boolean noAccount, @Valid LeadDealHook.LeadDealRequest deal) {
    }

    /** The list's query parameters; {@code queued=true} keeps the unassigned queue only. */
    record LeadQuery(LeadStatus status, LeadSource source, UUID ownerId, UUID departmentId, Boolean queued,
                     @Size(max = 200) String q, @Size(max = 200) String cursor,
                     @Min(1) @Max(LeadService.MAX_PAGE) Integer limit) {

        LeadFilter filter() {
            return new LeadFilter(status, source, ownerId, departmentId, Boolean.TRUE.equals(queued),
                    q == null || q.isBlank() ? null : q.strip());
        }
    }

    private final LeadService leads;
    private final LeadConversion conversion;
    private final JsonMergePatch mergePatch;

    LeadApi(LeadService leads, LeadConversion conversion, JsonMergePatch mergePatch) {
        this.leads = leads;
        this.conversion = conversion;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List the leads the caller may see, newest first",
            description = "Visible: the caller's own and, per the visibility setting, their department's or all; "
                    + "the unassigned queue to managers (whole) and to the members of the lead's department.")
    CursorPage<LeadView> list(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject LeadQuery query) {
        return leads.list(user, query.filter(), query.cursor(), query.limit() == null ? 50 : query.limit());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lead; 404 when it does not exist or the caller may not see it. ETag = version")
    ResponseEntity<LeadView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), leads.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Create a lead (source defaults to API)",
            description = "409 when an open lead or a contact has the same email or phone, unless allowDuplicate=true.")
    ResponseEntity<LeadView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody LeadRequest request,
                                    @RequestParam(defaultValue = "false") boolean allowDuplicate) {
        LeadView created = leads.create(user, request.fields(LeadSource.API), allowDuplicate);
        return withEtag(ResponseEntity.created(URI.create("/api/v1/leads/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (JSON merge patch); If-Match with the ETag is required",
            description = "{\"status\": \"DISQUALIFIED\", \"disqualifiedReason\": \"No budget\"} disqualifies.")
    ResponseEntity<LeadView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody JsonNode patch) {
        LeadRequest merged = mergePatch.apply(LeadRequest.of(leads.get(user, id)), patch, LeadRequest.class);
        return withEtag(ResponseEntity.ok(),
                leads.update(user, id, IfMatch.version(ifMatch, "the lead"), merged.fields(LeadSource.OTHER)));
    }

    @PostMapping("/{id}/convert")
    @Operation(summary = "Convert the lead into a contact (new or existing), an account and optionally a deal",
            description = "Its interactions and tasks move to the contact; the lead keeps the ids of what it became. "
                    + "409 when it was converted already.")
    ResponseEntity<LeadView> convert(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                     @Valid @RequestBody(required = false) ConvertRequest request) {
        ConvertRequest r = request == null ? new ConvertRequest(null, null, false, null) : request;
        return withEtag(ResponseEntity.ok(), conversion.convert(user, id, new LeadConversion.Request(r.contactId(),
                r.accountId(), Boolean.TRUE.equals(r.noAccount()), r.deal())));
    }

    private static ResponseEntity<LeadView> withEtag(ResponseEntity.BodyBuilder builder, LeadView lead) {
        return builder.eTag(IfMatch.etag(lead.version())).body(lead);
    }
}
