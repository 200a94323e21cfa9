package org.rapport.imports;

import java.util.ArrayList;
import java.util.List;

import org.rapport.customers.ContactView;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.ListExportService;
import org.rapport.customers.PostalAddress;

/**
 * The columns of a contact export and a contact's cells; the column names are those the import recognizes
 * (custom fields by their label), so an export can be edited and imported back.
 */
final class ContactCells {

    static final List<String> COLUMNS = List.of("First Name", "Last Name", "Title", "Email", "Other Emails", "Phone",
            "Other Phones", "Account Name", "Lifecycle Stage", "Source", "Tags", "Street", "City", "Region",
            "Postal Code", "Country", "Marketing Opt-In", "Do Not Call", "Do Not Email", "Owner Email", "Owner");

    private ContactCells() {
    }

    static List<String> header(List<CustomFieldDefinition> custom) {
        return ExportCells.header(COLUMNS, custom, ExportCells.RECORD_COLUMNS, label -> HeaderGuesser.guess(label).isPresent());
    }

    static List<String> of(ListExportService.ContactRow row, List<CustomFieldDefinition> custom) {
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
        ExportCells.address(a, cells);
        cells.add(ExportCells.yesNo(c.consent().marketingOptIn()));
        cells.add(ExportCells.yesNo(c.consent().doNotCall()));
        cells.add(ExportCells.yesNo(c.consent().doNotEmail()));
        cells.add(row.ownerEmail());
        cells.add(c.ownerName());
        ExportCells.record(c.customFields(), custom, c.createdAt(), c.updatedAt(), c.id(), cells);
        return cells;
    }
}
