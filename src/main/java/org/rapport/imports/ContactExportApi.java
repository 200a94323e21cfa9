package org.rapport.imports;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.customers.ContactExportService;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/contacts/export}: the contacts the caller may see, filtered, as a CSV or XLSX download. */
@RestController
@Tag(name = "Contacts")
class ContactExportApi {

    private final ContactExporter exporter;

    ContactExportApi(ContactExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/api/v1/contacts/export")
    @Operation(summary = "Export the contacts the caller may see as CSV or XLSX, streamed",
            description = "Filters as in the list: q (names, emails, phones), ownerId, tag, lifecycleStage. "
                    + "The columns are those the import recognizes.")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String q, @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) String tag,
                @RequestParam(required = false) LifecycleStage lifecycleStage,
                HttpServletResponse response) throws IOException {
        send(exporter, user, FileFormat.parse(format), new ContactExportService.Filter(blank(q), ownerId, blank(tag),
                lifecycleStage), response);
    }

    static void send(ContactExporter exporter, CurrentUser user, FileFormat format, ContactExportService.Filter filter,
                     HttpServletResponse response) throws IOException {
        exporter.check(filter);
        response.setContentType(format == FileFormat.CSV ? "text/csv;charset=UTF-8" : format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("contacts-" + LocalDate.now() + "." + format.extension()).build().toString());
        exporter.write(user, filter, format, response.getOutputStream());
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
