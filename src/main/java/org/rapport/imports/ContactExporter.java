package org.rapport.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.rapport.customers.ContactExportService;
import org.rapport.customers.ContactService;
import org.rapport.customers.ContactView;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldService;
import org.rapport.customers.PostalAddress;
import org.rapport.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Writes the contacts a user may see as CSV or XLSX straight to a stream, a page of contacts at a time; the
 * column names are those the import recognizes (custom fields by their label), so an export can be edited and
 * imported back.
 */
@Component
class ContactExporter {

    static final List<String> COLUMNS = List.of("First Name", "Last Name", "Title", "Email", "Other Emails", "Phone",
            "Other Phones", "Account Name", "Lifecycle Stage", "Source", "Tags", "Street", "City", "Region",
            "Postal Code", "Country", "Marketing Opt-In", "Do Not Call", "Do Not Email", "Owner Email", "Owner");
    static final List<String> RECORD_COLUMNS = List.of("Created At", "Updated At", "Id");

    private final ContactExportService contacts;
    private final CustomFieldService customFields;

    ContactExporter(ContactExportService contacts, CustomFieldService customFields) {
        this.contacts = contacts;
        this.customFields = customFields;
    }

    void check(ContactExportService.Filter filter) {
        contacts.check(filter);
    }

    void write(CurrentUser user, ContactExportService.Filter filter, FileFormat format, OutputStream out)
            throws IOException {
        List<CustomFieldDefinition> custom = customFields.activeDefinitions(ContactService.TYPE);
        TableWriter table = TableWriter.open(format, "Contacts",
                ExportCells.header(COLUMNS, custom, RECORD_COLUMNS), out);
        contacts.forEach(user, filter, row -> table.rows().accept(cells(row, custom)));
        table.finish();
    }

    private static List<String> cells(ContactExportService.Row row, List<CustomFieldDefinition> custom) {
        ContactView c = row.contact();
        PostalAddress a = c.address() == null ? new PostalAddress(null, null, null, null, null) : c.address();
        String primaryEmail = c.primaryEmail();
        String primaryPhone = c.primaryPhone();
        List<String> cells = new ArrayList<>();
        cells.add(c.firstName());
        cells.add(c.lastName());
        cells.add(c.title());
        cells.add(primaryEmail);
        cells.add(String.join("; ", c.emails().stream().map(ContactView.Email::address)
                .filter(e -> !e.equals(primaryEmail)).toList()));
        cells.add(primaryPhone);
        cells.add(String.join("; ", c.phones().stream().map(ContactView.Phone::number)
                .filter(p -> !p.equals(primaryPhone)).toList()));
        cells.add(String.join("; ", row.accountNames()));
        cells.add(c.lifecycleStage() == null ? null : c.lifecycleStage().name());
        cells.add(c.source());
        cells.add(String.join("; ", c.tags()));
        cells.add(a.street());
        cells.add(a.city());
        cells.add(a.region());
        cells.add(a.postalCode());
        cells.add(a.country());
        cells.add(ExportCells.yesNo(c.consent().marketingOptIn()));
        cells.add(ExportCells.yesNo(c.consent().doNotCall()));
        cells.add(ExportCells.yesNo(c.consent().doNotEmail()));
        cells.add(row.ownerEmail());
        cells.add(c.ownerName());
        custom.forEach(d -> cells.add(ExportCells.custom(c.customFields().get(d.key()))));
        cells.add(ExportCells.time(c.createdAt()));
        cells.add(ExportCells.time(c.updatedAt()));
        cells.add(c.id().toString());
        return cells;
    }
}
