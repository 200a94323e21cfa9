package org.rapport.imports;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rapport.customers.AccountService;
import org.rapport.customers.ContactService;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldService;
import org.rapport.customers.ListExportService;
import org.rapport.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;

/**
 * Downloads of the accounts or contacts a user may see as CSV or XLSX, written straight to the response a page at
 * a time; which list is exported follows from the path ({@code .../accounts...} or {@code .../contacts...}).
 */
@Component
class ListExporter {

    private final ListExportService exports;
    private final CustomFieldService customFields;

    ListExporter(ListExportService exports, CustomFieldService customFields) {
        this.exports = exports;
        this.customFields = customFields;
    }

    /** Checks the format and the filter (answering 400 before anything is sent), then streams the file. */
    void download(CurrentUser user, String format, ListExportService.Filter filter, Map<String, String> parameters,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        FileFormat file = FileFormat.parse(format);
        boolean accounts = UrlPathHelper.defaultInstance.getPathWithinApplication(request).contains("/accounts");
        String type = accounts ? AccountService.TYPE : ContactService.TYPE;
        ListExportService.Selection selection = exports.select(type, filter, parameters);
        List<CustomFieldDefinition> custom = customFields.activeDefinitions(type);
        response.setContentType(file == FileFormat.CSV ? "text/csv;charset=UTF-8" : file.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(type + "s-" + LocalDate.now() + "." + file.extension()).build().toString());
        TableWriter table = TableWriter.open(file, accounts ? "Accounts" : "Contacts",
                accounts ? AccountCells.header(custom) : ContactCells.header(custom), response.getOutputStream());
        exports.forEach(user, selection, row -> table.rows().accept(switch (row) {
            case ListExportService.ContactRow contact -> ContactCells.of(contact, custom);
            case ListExportService.AccountRow account -> AccountCells.of(account, custom);
        }));
        table.finish();
    }
}
