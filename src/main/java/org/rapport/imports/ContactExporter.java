package org.rapport.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.rapport.customers.ContactExportService;
import org.rapport.customers.ContactView;
import org.rapport.customers.PostalAddress;
import org.rapport.identity.CurrentUser;
import org.springframework.stereotype.Component;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Writes the contacts a user may see as CSV or XLSX straight to a stream, a page of contacts at a time; the
 * column names are those the import recognizes, so an export can be edited and imported back.
 */
@Component
class ContactExporter {

    static final List<String> COLUMNS = List.of("First Name", "Last Name", "Title", "Email", "Other Emails", "Phone",
            "Other Phones", "Account Name", "Lifecycle Stage", "Source", "Tags", "Street", "City", "Region",
            "Postal Code", "Country", "Marketing Opt-In", "Do Not Call", "Do Not Email", "Owner Email", "Owner",
            "Created At", "Updated At", "Id");
    private static final int FLUSH_EVERY = 1_000;

    private final ContactExportService contacts;

    ContactExporter(ContactExportService contacts) {
        this.contacts = contacts;
    }

    void check(ContactExportService.Filter filter) {
        contacts.check(filter);
    }

    void write(CurrentUser user, ContactExportService.Filter filter, FileFormat format, OutputStream out)
            throws IOException {
        if (format == FileFormat.CSV) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            CsvWriter csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8);
            csv.writeRecord(COLUMNS);
            contacts.forEach(user, filter, row -> csv.writeRecord(cells(row).stream().map(SafeCells::csv).toList()));
            csv.flush();
            return;
        }
        Workbook workbook = new Workbook(out, "Rapport", "1.0");
        Worksheet sheet = workbook.newWorksheet("Contacts");
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.value(0, c, COLUMNS.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int[] next = {1};
        contacts.forEach(user, filter, unchecked(row -> {
            List<String> cells = cells(row);
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isEmpty()) {
                    sheet.inlineString(next[0], c, cells.get(c));
                }
            }
            if (next[0]++ % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }));
        workbook.finish();
    }

    private static List<String> cells(ContactExportService.Row row) {
        ContactView c = row.contact();
        PostalAddress a = c.address() == null ? new PostalAddress(null, null, null, null, null) : c.address();
        String primaryEmail = c.primaryEmail();
        String primaryPhone = c.primaryPhone();
        List<String> cells = new ArrayList<>(COLUMNS.size());
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
        cells.add(yesNo(c.consent().marketingOptIn()));
        cells.add(yesNo(c.consent().doNotCall()));
        cells.add(yesNo(c.consent().doNotEmail()));
        cells.add(row.ownerEmail());
        cells.add(c.ownerName());
        cells.add(c.createdAt() == null ? null : c.createdAt().toString());
        cells.add(c.updatedAt() == null ? null : c.updatedAt().toString());
        cells.add(c.id().toString());
        return cells.stream().map(v -> v == null ? "" : v).toList();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

    private static <T> Consumer<T> unchecked(IoConsumer<T> consumer) {
        return value -> {
            try {
                consumer.accept(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
