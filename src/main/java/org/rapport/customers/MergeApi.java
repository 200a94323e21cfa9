package org.rapport.customers;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/contacts/merge} and {@code /api/v1/accounts/merge}: merge duplicates into a survivor. */
@RestController
@Tag(name = "Duplicates and merge")
class MergeApi {

    private static final String DESCRIPTION = "Body: {\"survivorId\", \"mergedIds\": [...], \"fields\": {\"<field>\": "
            + "\"<id of the record whose value wins>\"}}. Unchosen fields keep the survivor's value, filled from the "
            + "merged records when the survivor has none. Related records move to the survivor; the merged records "
            + "are deleted and their history stays reachable from the survivor's MERGE audit entry. 404 when any "
            + "record is not visible; with If-Match, 409 when the survivor changed.";

    private final ContactMerger contacts;
    private final AccountMerger accounts;

    MergeApi(ContactMerger contacts, AccountMerger accounts) {
        this.contacts = contacts;
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/contacts/merge")
    @Operation(summary = "Merge contacts into a survivor; returns the survivor",
            description = DESCRIPTION + " Fields: firstName, lastName, title, lifecycleStage, source, preferredChannel, "
                    + "language, address, consent, ownerId. Emails, phones, accounts, tags, interests and relationship "
                    + "types are combined; unless consent is chosen, a do-not-call or do-not-email on any record stays.")
    ResponseEntity<ContactView> mergeContacts(@AuthenticationPrincipal CurrentUser user,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestBody MergeRequest request) {
        ContactView survivor = contacts.merge(user, request, version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + survivor.version() + "\"").body(survivor);
    }

    @PostMapping("/api/v1/accounts/merge")
    @Operation(summary = "Merge accounts into a survivor; returns the survivor",
            description = DESCRIPTION + " Fields: name, domain, industry, lifecycleStage, employees, annualRevenue, "
                    + "phone, billingAddress, shippingAddress, parentAccountId, ownerId. Contacts and child accounts "
                    + "move to the survivor; tags and relationship types are combined.")
    ResponseEntity<AccountView> mergeAccounts(@AuthenticationPrincipal CurrentUser user,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestBody MergeRequest request) {
        AccountView survivor = accounts.merge(user, request, version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + survivor.version() + "\"").body(survivor);
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "Send the survivor's ETag as returned by GET");
        }
    }
}
