package org.rapport.imports;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.customers.ContactExportService;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The export download of the import page: the contacts the user may see, filtered, as CSV or XLSX. */
@Controller
class ContactExportController {

    private final ContactExporter exporter;

    ContactExportController(ContactExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/exports/contacts")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String q, @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) String tag,
                @RequestParam(required = false) LifecycleStage lifecycleStage,
                HttpServletResponse response) throws IOException {
        ContactExportApi.send(exporter, user, FileFormat.parse(format), new ContactExportService.Filter(
                ContactExportApi.blank(q), ownerId, ContactExportApi.blank(tag), lifecycleStage), response);
    }
}
