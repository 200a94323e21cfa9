package org.rapport.customers;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.JsonMergePatch;
import org.rapport.shared.CursorPage;
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

/** {@code /api/v1/contacts}: create, read, list with filters (cursor pages), PATCH with If-Match, delete. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactApi {

    private final ContactService contacts;
    private final JsonMergePatch mergePatch;
    private final CustomFieldService customFields;

    ContactApi(ContactService contacts, JsonMergePatch mergePatch, CustomFieldService customFields) {
        this.customFields = customFields;
        this.contacts = contacts;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List the contacts the caller may see, by last and first name",
            description = "q matches names, emails and phones (accent-insensitive substring). "
                    + "Pass nextCursor back as cursor for the next page.")
    CursorPage<ContactView> list(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject ListQuery query,
                             @Parameter(description = "custom field filters: cf.<key>=value")
                             @RequestParam Map<String, String> parameters) {
        return contacts.list(user, query.filter(customFields.filters(ContactService.TYPE, parameters)), query.sort(),
                query.cursor(), query.pageSize());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact; 404 when it does not exist or the caller may not see it. ETag = version")
    ResponseEntity<ContactView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), contacts.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Create a contact",
            description = "Emails are lower-cased; phones are stored in E.164, read in the server's default region "
                    + "when they have no country code. The first email/phone is primary unless one is marked.")
    ResponseEntity<ContactView> create(@AuthenticationPrincipal CurrentUser user,
                                       @Valid @RequestBody ContactRequest request) {
        ContactView created = contacts.create(user, request);
        return withEtag(ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id())), created);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (JSON merge patch, RFC 7386); If-Match with the ETag is required")
    ResponseEntity<ContactView> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestBody JsonNode patch) {
        ContactRequest merged = mergePatch.apply(ContactRequest.from(contacts.get(user, id)), patch, ContactRequest.class);
        return withEtag(ResponseEntity.ok(), contacts.update(user, id, AccountApi.version(ifMatch), merged));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a contact")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        contacts.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ContactView> withEtag(ResponseEntity.BodyBuilder builder, ContactView contact) {
        return builder.eTag("\"" + contact.version() + "\"").body(contact);
    }
}
