package org.rapport.interactions;

import java.net.URI;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.CursorPage;
import org.rapport.shared.ForbiddenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/telephony}: a phone system logs calls; the calls that matched no contact, for triage. */
@RestController
@RequestMapping("/api/v1/telephony")
@Tag(name = "Telephony")
class TelephonyApi {

    private final CallLogger calls;
    private final UnmatchedCalls unmatched;
    private final String phoneRegion;

    TelephonyApi(CallLogger calls, UnmatchedCalls unmatched, @Value("${rapport.phone-region:US}") String phoneRegion) {
        this.calls = calls;
        this.unmatched = unmatched;
        this.phoneRegion = phoneRegion;
    }

    @PostMapping("/calls")
    @Operation(summary = "Log a call from the phone system (administrator's token with scope write)",
            description = "Numbers are normalized to E.164 (numbers without a country code are read in the "
                    + "organization's region). The customer's number (inbound: from, outbound: to) is matched to "
                    + "contacts, the other to a user's direct number: that user is credited with the call. A call "
                    + "that matches no contact is logged without one and listed under /api/v1/telephony/unmatched. "
                    + "Idempotent on externalId: the first delivery answers 201, later ones 200 with the same call.")
    ResponseEntity<InteractionView> log(@AuthenticationPrincipal CurrentUser user, @RequestBody CallRequest request) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("The phone system logs calls with an administrator's API token");
        }
        InteractionService.Delivery delivery = calls.log(request.toCall(phoneRegion));
        URI location = URI.create("/api/v1/interactions/" + delivery.interaction().id());
        return (delivery.created() ? ResponseEntity.created(location)
                : ResponseEntity.ok().header(HttpHeaders.LOCATION, location.toString())).body(delivery.interaction());
    }

    @GetMapping("/unmatched")
    @Operation(summary = "Calls that matched no contact and wait for triage, newest first",
            description = "Only calls the caller may see. Pass nextCursor back as cursor for the next page.")
    CursorPage<UnmatchedCall> unmatched(@AuthenticationPrincipal CurrentUser user,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(defaultValue = "50") int limit) {
        return unmatched.list(user, cursor, limit);
    }

    /** The contact to attach an unmatched call to. */
    record Attachment(UUID contactId) {
    }

    @PostMapping("/unmatched/{id}/attach")
    @Operation(summary = "Attach an unmatched call to a contact; both must be visible to the caller")
    InteractionView attach(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                           @RequestBody Attachment attachment) {
        return unmatched.attach(user, id, attachment.contactId());
    }

    @PostMapping("/unmatched/{id}/dismiss")
    @Operation(summary = "Dismiss an unmatched call: it stays logged but leaves the triage list")
    ResponseEntity<Void> dismiss(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        unmatched.dismiss(user, id);
        return ResponseEntity.noContent().build();
    }
}
