package org.rapport.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.customers.DuplicatePolicy;
import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/imports}: import a CSV or XLSX file of contacts or leads in the background, follow it, undo it. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportApi {

    private static final int MAX_ERRORS = 1_000;

    /** An import with its first errors; {@code errorsTruncated} says there are more (GET .../errors has all). */
    record ImportResponse(UUID id, String entity, String fileName, FileFormat format, ImportStatus status,
                          DuplicatePolicy policy, Map<String, String> mapping, ImportView.Counts counts,
                          ImportView.Undo undo, String message, UUID createdBy, Instant createdAt, Instant startedAt,
                          Instant finishedAt, List<ImportError> errors, boolean errorsTruncated) {
    }

    private final ImportService imports;
    private final JsonMapper json;

    ImportApi(ImportService imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import contacts or leads from a CSV or XLSX file; answers 202 and runs in the background",
            description = "Parts: file (.csv or .xlsx, first row names the columns), entity=contacts|leads, mapping "
                    + "(JSON object of column name to field; contacts: firstName, lastName, fullName, title, email, "
                    + "personalEmail, otherEmail, phone, mobilePhone, homePhone, otherPhone, fax, accountName, "
                    + "lifecycleStage, source, tags, street, city, region, postalCode, country, marketingOptIn, "
                    + "doNotCall, doNotEmail, ownerEmail, or custom.<key> for a custom field of contacts; leads: "
                    + "firstName, lastName, fullName, title, email, phone, company, country, source, ownerEmail; left "
                    + "out: guessed from the header), policy=skip|update|create for rows whose email (contacts: else "
                    + "phone) matches an existing contact, or an open lead or a contact for leads. Leads without an "
                    + "owner go by the assignment rules; their source is IMPORT unless a source column says otherwise. "
                    + "Follow it with GET /api/v1/imports/{id}.")
    ResponseEntity<ImportResponse> create(@AuthenticationPrincipal CurrentUser user,
                                          @RequestParam(required = false) MultipartFile file,
                                          @RequestParam(defaultValue = "contacts") String entity,
                                          @RequestParam(required = false) String mapping,
                                          @RequestParam(defaultValue = "skip") String policy) throws IOException {
        ImportEntity kind = ImportEntity.of(entity);
        if (file == null) {
            throw new InvalidFieldException("file", "Attach the file as the multipart part 'file'");
        }
        ImportView created = imports.submit(user, kind, file.getOriginalFilename(), file.getBytes(), mapping(mapping),
                policy(policy));
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + created.id()))
                .body(response(created, List.of(), false));
    }

    @GetMapping
    @Operation(summary = "The latest imports: the caller's own, everyone's for an admin")
    List<ImportResponse> list(@AuthenticationPrincipal CurrentUser user) {
        return imports.latest(user, 50).stream().map(i -> response(i, List.of(), false)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's status, counts and first 1000 errors (row, column, reason); "
            + "404 unless the caller started it or is an admin")
    ImportResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        ImportView view = imports.get(user, id);
        List<ImportError> errors = imports.errors(user, id, MAX_ERRORS + 1);
        return response(view, errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors,
                errors.size() > MAX_ERRORS);
    }

    @GetMapping(value = "/{id}/errors", produces = "text/csv")
    @Operation(summary = "All rows that were not imported, as CSV: Row, Column, Reason")
    void errors(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletResponse response)
            throws IOException {
        imports.get(user, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("import-" + id + "-errors.csv").build().toString());
        imports.writeErrorReport(user, id, response.getOutputStream());
    }

    @PostMapping("/{id}/undo")
    @Operation(summary = "Undo a finished import in the background: deletes the contacts or leads it created and "
            + "restores those it updated, except those changed since")
    ResponseEntity<ImportResponse> undo(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(response(imports.undo(user, id), List.of(), false));
    }

    private Map<String, String> mapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        try {
            Map<String, String> parsed = json.readValue(mapping, new TypeReference<LinkedHashMap<String, String>>() { });
            if (parsed == null) {
                throw new InvalidFieldException("mapping", "Give the mapping as a JSON object of column name to field");
            }
            return parsed;
        } catch (JacksonException e) {
            throw new InvalidFieldException("mapping", "Give the mapping as a JSON object of column name to field");
        }
    }

    static DuplicatePolicy policy(String policy) {
        try {
            return DuplicatePolicy.valueOf(policy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("policy", "Use skip, update or create");
        }
    }

    private static ImportResponse response(ImportView i, List<ImportError> errors, boolean truncated) {
        return new ImportResponse(i.id(), i.entity(), i.fileName(), i.format(), i.status(), i.policy(), i.mapping(),
                i.counts(), i.undo(), i.message(), i.createdBy(), i.createdAt(), i.startedAt(), i.finishedAt(), errors,
                truncated);
    }
}
