package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.imports.ContactField.*;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.customers.ContactBulkRow;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.PhoneType;
import org.rapport.sales.LeadSource;
import org.rapport.shared.InvalidFieldException;

/** Reading files and cells: header guesses for common CRM exports, encodings and separators, values. */
class ImportParsingTest {

    @Test
    void guessesTheColumnsOfSalesforceHubSpotPipedriveAndZohoExports() {
        assertThat(HeaderGuesser.guess(List.of("First Name", "Last Name", "Title", "Email", "Mobile Phone",
                "Account Name", "Lead Source", "Mailing Street", "Mailing City", "Mailing State/Province",
                "Mailing Zip/Postal Code", "Mailing Country", "Email Opt Out", "Do Not Call", "Contact ID"), List.of()))
                .containsExactly(FIRST_NAME, LAST_NAME, TITLE, EMAIL, MOBILE_PHONE, ACCOUNT_NAME, SOURCE, STREET, CITY,
                        REGION, POSTAL_CODE, COUNTRY, DO_NOT_EMAIL, DO_NOT_CALL, null);
        assertThat(HeaderGuesser.guess(List.of("Record ID", "First Name", "Last Name", "Email", "Phone Number",
                "Mobile Phone Number", "Company Name", "Job Title", "Lifecycle Stage", "Street Address", "City",
                "State/Region", "Postal Code", "Country/Region", "Original Source"), List.of()))
                .containsExactly(null, FIRST_NAME, LAST_NAME, EMAIL, PHONE, MOBILE_PHONE, ACCOUNT_NAME, TITLE,
                        LIFECYCLE_STAGE, STREET, CITY, REGION, POSTAL_CODE, COUNTRY, SOURCE);
        assertThat(HeaderGuesser.guess(List.of("Person - Name", "Person - Email - Work", "Person - Email - Home",
                "Person - Phone - Work", "Person - Phone - Mobile", "Organization - Name", "Person - Label"), List.of()))
                .containsExactly(FULL_NAME, EMAIL, PERSONAL_EMAIL, PHONE, MOBILE_PHONE, ACCOUNT_NAME, TAGS);
        assertThat(HeaderGuesser.guess(List.of("First Name", "Last Name", "Email", "Secondary Email", "Phone", "Mobile",
                "Home Phone", "Fax", "Account Name", "Mailing Zip", "Tag", "Contact Owner"), List.of()))
                .containsExactly(FIRST_NAME, LAST_NAME, EMAIL, OTHER_EMAIL, PHONE, MOBILE_PHONE, HOME_PHONE, FAX,
                        ACCOUNT_NAME, POSTAL_CODE, TAGS, null);
        assertThat(HeaderGuesser.guess(ContactCells.COLUMNS, List.of())).containsExactly(FIRST_NAME, LAST_NAME, TITLE, EMAIL,
                OTHER_EMAIL, PHONE, OTHER_PHONE, ACCOUNT_NAME, LIFECYCLE_STAGE, SOURCE, TAGS, STREET, CITY, REGION,
                POSTAL_CODE, COUNTRY, MARKETING_OPT_IN, DO_NOT_CALL, DO_NOT_EMAIL, OWNER_EMAIL, null);
    }

    @Test
    void guessesTheColumnsOfLeadExportsAndWebFormTools() {
        assertThat(HeaderGuesser.guessLeads(List.of("Lead ID", "First Name", "Last Name", "Title", "Company", "Email",
                "Phone", "Mobile", "Lead Source", "Country", "Lead Owner Email", "Rating")))
                .containsExactly(null, LeadField.FIRST_NAME, LeadField.LAST_NAME, LeadField.TITLE, LeadField.COMPANY,
                        LeadField.EMAIL, LeadField.PHONE, null, LeadField.SOURCE, LeadField.COUNTRY,
                        LeadField.OWNER_EMAIL, null);
        assertThat(HeaderGuesser.guessLeads(List.of("Full name", "Business name", "Work email", "Mobile phone number",
                "Job Title", "Country/Region", "How did you hear about us?", "Lifecycle Stage", "Tags")))
                .containsExactly(LeadField.FULL_NAME, LeadField.COMPANY, LeadField.EMAIL, LeadField.PHONE,
                        LeadField.TITLE, LeadField.COUNTRY, LeadField.SOURCE, null, null);
    }

    @Test
    void readsLeadSourcesAsOtherCrmsSpellThem() {
        assertThat(CellValues.leadSource("Web form")).contains(LeadSource.WEB_FORM);
        assertThat(CellValues.leadSource("WEBSITE")).contains(LeadSource.WEB_FORM);
        assertThat(CellValues.leadSource("Phone Inquiry")).contains(LeadSource.PHONE);
        assertThat(CellValues.leadSource("Partner Referral")).contains(LeadSource.REFERRAL);
        assertThat(CellValues.leadSource("Trade Show")).contains(LeadSource.CAMPAIGN);
        assertThat(CellValues.leadSource("import")).contains(LeadSource.IMPORT);
        assertThat(CellValues.leadSource("Carrier pigeon")).isEmpty();
    }

    @Test
    void aFieldThatTakesOneColumnIsGuessedOnlyForTheFirst() {
        assertThat(HeaderGuesser.guess(List.of("City", "Mailing City", "Email", "Email (2)"), List.of()))
                .containsExactly(CITY, null, EMAIL, EMAIL);
        assertThat(SheetReader.columnNames(Arrays.asList("Email", "", "email", null, "")))
                .containsExactly("Email", "Column 2", "email (2)");
    }

    @Test
    void guessesCustomFieldsByLabelOrKeyWhenNoContactFieldTakesTheHeader() {
        CustomFieldDefinition tier = definition("tier", "Customer tier", true);
        CustomFieldDefinition score = definition("leadScore", "Score", true);
        CustomFieldDefinition region = definition("salesRegion", "Region", true);
        CustomFieldDefinition retired = definition("old", "Old field", false);
        assertThat(HeaderGuesser.guess(List.of("customer TIER", "custom.leadScore", "Region", "Old field", "salesregion"),
                List.of(tier, score, region, retired)))
                .containsExactly(new CustomTarget(tier), new CustomTarget(score), REGION, null, new CustomTarget(region));
        assertThat(ExportCells.header(List.of("Name"), List.of(tier, region), List.of("Id"), label -> HeaderGuesser.guess(label).isPresent()))
                .containsExactly("Name", "Customer tier", "custom.salesRegion", "Id");
    }

    private static CustomFieldDefinition definition(String key, String label, boolean active) {
        return new CustomFieldDefinition(UUID.randomUUID(), "contact", key, label, CustomFieldType.TEXT, false,
                List.of(), 0, active);
    }

    @Test
    void readsExcelDatesAsIsoDates() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Dates");
        sheet.value(0, 0, "Since");
        sheet.value(0, 1, "Met");
        sheet.value(0, 2, "Phone");
        sheet.value(1, 0, java.time.LocalDate.of(2024, 2, 29));
        sheet.style(1, 0).format("dd.mm.yyyy").set();
        sheet.value(1, 1, java.time.LocalDateTime.of(2024, 3, 1, 10, 30));
        sheet.style(1, 1).format("yyyy-mm-dd hh:mm").set();
        sheet.value(1, 2, 4155550123L);
        workbook.finish();
        try (SheetReader reader = SheetReader.open(FileFormat.XLSX, out.toByteArray())) {
            assertThat(reader.next().cells()).containsExactly("2024-02-29", "2024-03-01T10:30", "4155550123");
        }
        assertThat(XlsxSheetReader.isDate(null, "[Red]#,##0.00")).isFalse();
        assertThat(XlsxSheetReader.isDate(null, "\"Day\" 0")).isFalse();
        assertThat(XlsxSheetReader.isDate(14, "General")).isTrue();
    }

    @Test
    void readsExcelStyleCsvInItsEncodingAndSeparator() {
        assertThat(rows("Vorname;Nachname;Ort\nJürgen;Müller;Köln\n", Charset.forName("windows-1252")))
                .containsExactly(List.of("Vorname", "Nachname", "Ort"), List.of("Jürgen", "Müller", "Köln"));
        byte[] bom = ("\uFEFFName,City\n\"Doe, Jane\",\"New\nYork\"\n").getBytes(StandardCharsets.UTF_8);
        assertThat(rows(bom)).containsExactly(List.of("Name", "City"), List.of("Doe, Jane", "New\nYork"));
        byte[] utf16 = "\uFEFFName\tCity\nZoë\tÅrhus\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(rows(utf16)).containsExactly(List.of("Name", "City"), List.of("Zoë", "Århus"));
        try (SheetReader reader = SheetReader.open(FileFormat.CSV, "a,b\n\n1,2\n,\n3\n".getBytes(StandardCharsets.UTF_8))) {
            SheetRow first = reader.next();
            assertThat(first.number()).isEqualTo(3);
            SheetRow second = reader.next();
            assertThat(second.number()).isEqualTo(5);
            assertThat(second.cell(1)).isEmpty();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void convertsCellsToContactValues() {
        List<String> columns = List.of("Name", "Email", "Mobile", "Stage", "Opt in", "Country", "Tags", "Owner");
        ImportMapping mapping = new ImportMapping(columns, List.of(FULL_NAME, EMAIL, MOBILE_PHONE, LIFECYCLE_STAGE,
                MARKETING_OPT_IN, COUNTRY, TAGS, OWNER_EMAIL));
        RowConverter converter = new RowConverter(mapping, "US");
        RowConverter.Converted ok = converter.convert(new SheetRow(2, List.of("Lovelace, Ada", "A@X.example; b@x.example",
                "415 555 2671", "Marketing Qualified Lead", "Yes", "United Kingdom", "vip, 2026|beta", "Boss@X.example")));
        assertThat(ok.errors()).isEmpty();
        ContactBulkRow row = ok.row();
        assertThat(row.firstName()).isEqualTo("Ada");
        assertThat(row.lastName()).isEqualTo("Lovelace");
        assertThat(row.emails()).extracting(ContactBulkRow.Email::address).containsExactly("a@x.example", "b@x.example");
        assertThat(row.phones()).containsExactly(new ContactBulkRow.Phone("+14155552671", PhoneType.MOBILE));
        assertThat(row.lifecycleStage()).isEqualTo(LifecycleStage.MARKETING_QUALIFIED);
        assertThat(row.marketingOptIn()).isTrue();
        assertThat(row.address().country()).isEqualTo("GB");
        assertThat(row.tags()).containsExactly("vip", "2026", "beta");
        assertThat(row.ownerEmail()).isEqualTo("boss@x.example");

        RowConverter.Converted bad = converter.convert(new SheetRow(3, List.of("Bo", "bo@", "12", "boss", "maybe",
                "Atlantis", "", "")));
        assertThat(bad.row()).isNull();
        assertThat(bad.errors()).extracting(RowConverter.CellError::column)
                .containsExactly("Email", "Mobile", "Stage", "Opt in", "Country");
        assertThat(RowConverter.splitName("Grace Brewster Hopper")).containsExactly("Grace Brewster", "Hopper");
        assertThat(RowConverter.splitName("Cher")).containsExactly("", "Cher");
    }

    @Test
    void keepsExportedCellsFromRunningAsFormulas() {
        assertThat(SafeCells.csv("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(SafeCells.csv("@SUM(A1)")).startsWith("'");
        assertThat(SafeCells.csv("-2+3+cmd|' /C calc'!A0")).startsWith("'");
        assertThat(SafeCells.csv("+14155552671")).isEqualTo("+14155552671");
        assertThat(SafeCells.csv("Ada")).isEqualTo("Ada");
    }

    @Test
    void refusesFilesThatAreNotSpreadsheets() {
        assertThatThrownBy(() -> FileFormat.detect("a.csv", new byte[0])).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("empty");
        assertThat(FileFormat.detect("export", "a,b\n1,2".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect("export", new byte[] {'P', 'K', 3, 4})).isEqualTo(FileFormat.XLSX);
        assertThatThrownBy(() -> FileFormat.detect("report.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining(".csv or .xlsx");
    }

    private static List<List<String>> rows(String text, Charset charset) {
        return rows(text.getBytes(charset));
    }

    private static List<List<String>> rows(byte[] content) {
        try (SheetReader reader = SheetReader.open(FileFormat.CSV, content)) {
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(reader.header());
            SheetRow row;
            while ((row = reader.next()) != null) {
                rows.add(row.cells());
            }
            return rows;
        }
    }
}
