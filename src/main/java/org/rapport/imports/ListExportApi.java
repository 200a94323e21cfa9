package org.rapport.imports;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.rapport.customers.ListExportService;
import org.rapport.identity.CurrentUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * {@code /api/v1/contacts/export} and {@code /api/v1/accounts/export}: the records the caller may see, filtered as
 * in their lists, as a CSV or XLSX download written while it is read.
 */
@RestController
class ListExportApi {

    private final ListExporter exporter;

    ListExportApi(ListExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping({"/api/v1/contacts/export", "/api/v1/accounts/export"})
    @Operation(tags = {"Contacts", "Accounts"}, summary = "Export the contacts or accounts the caller may see as CSV or XLSX, streamed",
            description = "Filters as in the lists: q (contacts: names, emails, phones; accounts: name, domain), ownerId, "
                    + "relationshipType, lifecycleStage, tag, cf.<key>=value. A column per custom field; contact columns "
                    + "are those the import recognizes. CSV cells that would run as formulas are escaped.")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "csv") String format,
                @Valid @ParameterObject ListExportService.Filter filter,
                @Parameter(description = "custom field filters: cf.<key>=value") @RequestParam Map<String, String> parameters,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        exporter.download(user, format, filter, parameters, request, response);
    }

    /** The same downloads for the list pages and the import page, with page errors. */
    @Controller
    static class Pages {

        private final ListExporter exporter;

        Pages(ListExporter exporter) {
            this.exporter = exporter;
        }

        @GetMapping({"/exports/contacts", "/exports/accounts"})
        void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "csv") String format,
                    @Valid ListExportService.Filter filter, @RequestParam Map<String, String> parameters,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
            exporter.download(user, format, filter, parameters, request, response);
        }
    }
}
