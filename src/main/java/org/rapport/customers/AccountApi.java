package org.rapport.customers;

import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.CursorPage;
import org.rapport.shared.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/accounts}: create, read, list (cursor pages), PATCH with If-Match, delete. */
@RestController
@RequestMapping("/api/v1/accounts")
@Validated
@Tag(name = "Accounts")
class AccountApi {

    private static final Set<String> PATCHABLE = Set.of("name", "domain", "industry", "ownerId");

    /** A new account; the owner defaults to the caller. */
    record AccountRequest(@NotBlank @Size(max = 200) String name, @Size(max = 253) String domain,
                          @Size(max = 100) String industry, UUID ownerId) {
    }

    private final AccountService accounts;

    AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "List the accounts the caller may see, by name; pass nextCursor back as cursor for the next page")
    CursorPage<AccountView> list(@AuthenticationPrincipal CurrentUser user,
                                 @RequestParam(required = false) @Size(max = 200) String q,
                                 @RequestParam(required = false) @Size(max = 500) String cursor,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return accounts.list(user, q, cursor, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account; 404 when it does not exist or the caller may not see it. ETag = version")
    ResponseEntity<AccountView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), accounts.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Create an account")
    ResponseEntity<AccountView> create(@AuthenticationPrincipal CurrentUser user,
                                       @Valid @RequestBody AccountRequest request) {
        AccountView created = accounts.create(user, new AccountFields(request.name(), request.domain(),
                request.industry(), request.ownerId()));
        return withEtag(ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (JSON merge patch); If-Match with the ETag is required")
    ResponseEntity<AccountView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidFieldException("body", "Send a JSON object with the fields to change");
        }
        AccountView current = accounts.get(user, id);
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!PATCHABLE.contains(field.getKey())) {
                throw new InvalidFieldException(field.getKey(), "unknown or read-only field");
            }
            fields.put(field.getKey(), field.getValue());
        }
        AccountFields merged = new AccountFields(
                text(fields, "name", current.name(), false),
                text(fields, "domain", current.domain(), true),
                text(fields, "industry", current.industry(), true),
                uuid(fields, "ownerId", current.ownerId()));
        return withEtag(ResponseEntity.ok(), accounts.update(user, id, version(ifMatch), merged));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        accounts.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<AccountView> withEtag(ResponseEntity.BodyBuilder builder, AccountView account) {
        return builder.eTag("\"" + account.version() + "\"").body(account);
    }

    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "Send the ETag of the account as returned by GET");
        }
    }

    private static String text(Map<String, JsonNode> fields, String name, String current, boolean nullable) {
        if (!fields.containsKey(name)) {
            return current;
        }
        JsonNode value = fields.get(name);
        if (value.isNull() && nullable) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidFieldException(name, nullable ? "must be a string or null" : "must be a string");
        }
        return value.asString();
    }

    private static UUID uuid(Map<String, JsonNode> fields, String name, UUID current) {
        if (!fields.containsKey(name)) {
            return current;
        }
        JsonNode value = fields.get(name);
        try {
            return UUID.fromString(value.isString() ? value.asString() : "");
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(name, "must be a user id (UUID)");
        }
    }
}
