package org.rapport.customers;

import java.net.URI;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.JsonMergePatch;
import org.rapport.shared.CursorPage;
import org.rapport.shared.InvalidFieldException;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/accounts}: create, read, list (cursor pages), PATCH with If-Match, delete. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountApi {

    /** An account as written; the owner defaults to the caller, the revenue currency to the org's. */
    record AccountRequest(@NotBlank @Size(max = 200) String name, @Size(max = 253) String domain,
                          @Size(max = 100) String industry, UUID ownerId, Set<RelationshipType> relationshipTypes,
                          LifecycleStage lifecycleStage, @PositiveOrZero Integer employees,
                          @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal annualRevenue,
                          @Pattern(regexp = "[A-Za-z]{3}", message = "use an ISO 4217 code such as USD") String revenueCurrency,
                          @Size(max = 40) String phone, @Valid PostalAddress billingAddress,
                          @Valid PostalAddress shippingAddress, UUID parentAccountId,
                          @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags,
                          java.util.Map<String, Object> customFields) {

        static AccountRequest of(AccountFields f) {
            return new AccountRequest(f.name(), f.domain(), f.industry(), f.ownerId(), f.relationshipTypes(),
                    f.lifecycleStage(), f.employees(), f.annualRevenue(), f.revenueCurrency(), f.phone(),
                    f.billingAddress(), f.shippingAddress(), f.parentAccountId(), f.tags(), f.customFields());
        }

        AccountFields fields() {
            return new AccountFields(name, domain, industry, ownerId, relationshipTypes, lifecycleStage, employees,
                    annualRevenue, revenueCurrency, phone, billingAddress, shippingAddress, parentAccountId, tags,
                    customFields);
        }
    }

    private final AccountService accounts;
    private final JsonMergePatch mergePatch;
    private final CustomFieldService customFields;

    AccountApi(AccountService accounts, JsonMergePatch mergePatch, CustomFieldService customFields) {
        this.customFields = customFields;
        this.accounts = accounts;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List the accounts the caller may see, by name",
            description = "q matches name and domain anywhere (accent-insensitive). "
                    + "Pass nextCursor back as cursor for the next page.")
    CursorPage<AccountView> list(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject ListQuery query,
                             @Parameter(description = "custom field filters: cf.<key>=value")
                             @RequestParam Map<String, String> parameters) {
        if (query.sort() != null && query.sort() != ContactSort.NAME) {
            throw new InvalidFieldException("sort", "Accounts are listed by name");
        }
        return accounts.list(user, query.filter(customFields.filters(AccountService.TYPE, parameters)), query.cursor(), query.pageSize());
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
        AccountView created = accounts.create(user, request.fields());
        return withEtag(ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (JSON merge patch, RFC 7386); If-Match with the ETag is required")
    ResponseEntity<AccountView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestBody JsonNode patch) {
        AccountRequest current = AccountRequest.of(AccountFields.of(accounts.get(user, id)));
        AccountRequest merged = mergePatch.apply(current, patch, AccountRequest.class);
        return withEtag(ResponseEntity.ok(), accounts.update(user, id, version(ifMatch), merged.fields()));
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
        return org.rapport.platform.IfMatch.version(ifMatch, "the record");
    }
}
