package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.JsonNode;

/** Exports contain exactly the contacts the caller may see and that match the filter, and import back. */
@IntegrationTest
class ContactExportTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ImportTestSupport imports;
    @Autowired JdbcClient jdbc;

    CurrentUser eastRep;
    CurrentUser westRep;
    String eastToken;
    String westToken;
    String tag;
    ImportTestSupport.Phone erinPhone;

    @BeforeEach
    void twoRepsInTwoDepartments() {
        eastRep = testUsers.create(Role.SALES_REP, testUsers.department("East"));
        westRep = testUsers.create(Role.SALES_REP, testUsers.department("West"));
        eastToken = api.token(eastRep.email(), TestUsers.PASSWORD);
        westToken = api.token(westRep.email(), TestUsers.PASSWORD);
        tag = "x" + UUID.randomUUID().toString().substring(0, 8);
        erinPhone = ImportTestSupport.phone();
        contact(eastToken, "Erin", "East", "CUSTOMER");
        contact(eastToken, "Eve", "East", "LEAD");
        contact(westToken, "Walt", "West", "CUSTOMER");
    }

    @AfterEach
    void restoreScope() {
        jdbc.sql("update org_settings set visibility_scope = 'DEPARTMENT'").update();
    }

    @Test
    void aSalesRepExportsOnlyTheContactsTheyMaySee() {
        assertThat(names(csv(eastToken, "tag=" + tag))).containsExactlyInAnyOrder("Erin East", "Eve East");
        assertThat(names(csv(westToken, "tag=" + tag))).containsExactly("Walt West");
        String admin = api.token("admin@test.rapport", "admin-test-password");
        assertThat(names(csv(admin, "tag=" + tag))).containsExactlyInAnyOrder("Erin East", "Eve East", "Walt West");

        jdbc.sql("update org_settings set visibility_scope = 'ALL'").update();
        assertThat(names(csv(westToken, "tag=" + tag))).hasSize(3);
    }

    @Test
    void exportsHonourTheFilters() {
        assertThat(names(csv(eastToken, "tag=" + tag + "&lifecycleStage=LEAD"))).containsExactly("Eve East");
        assertThat(names(csv(eastToken, "tag=" + tag + "&q=erin"))).containsExactly("Erin East");
        assertThat(names(csv(eastToken, "tag=" + tag + "&ownerId=" + westRep.id()))).isEmpty();
        assertThat(api.get(eastToken, "/api/v1/contacts/export?format=pdf")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(eastToken, "/api/v1/contacts/export?lifecycleStage=BOSS")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void exportsXlsxThatImportsBackWithoutDuplicates() throws Exception {
        MvcTestResult xlsx = api.get(eastToken, "/api/v1/contacts/export?format=xlsx&tag=" + tag);
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader("Content-Disposition")).contains("attachment", ".xlsx");
        byte[] file = xlsx.getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c == null ? "" : c.getText()));
                rows.add(cells);
            }
        }
        assertThat(rows.getFirst()).containsSequence("First Name", "Last Name", "Title", "Email");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("Erin", erinPhone.e164());

        JsonNode again = imports.importAndWait(eastToken, "contacts.xlsx", file, "policy", "update");
        assertThat(again.get("counts").get("created").asInt()).isZero();
        assertThat(again.get("counts").get("updated").asInt()).isEqualTo(2);
        assertThat(again.get("counts").get("failed").asInt()).as(again.toString()).isZero();
        assertThat(names(csv(eastToken, "tag=" + tag))).hasSize(2);
    }

    @Test
    void importsAnXlsxWorkbookWithNumbersAndFlags() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("People");
        String[] header = {"First Name", "Last Name", "E-mail", "Phone", "Do Not Call", "Country", "Tags"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "Xena");
        sheet.value(1, 1, "Sheet");
        sheet.value(1, 2, "xena@" + tag + ".example");
        ImportTestSupport.Phone phone = ImportTestSupport.phone();
        sheet.value(1, 3, Long.parseLong(phone.e164().substring(2)));
        sheet.value(1, 4, true);
        sheet.value(1, 5, "Germany");
        sheet.value(1, 6, tag);
        workbook.finish();

        JsonNode job = imports.importAndWait(eastToken, "people.xlsx", out.toByteArray());
        assertThat(job.get("counts").get("created").asInt()).as(job.toString()).isEqualTo(1);
        JsonNode xena = api.read(api.get(eastToken, "/api/v1/contacts?q=xena@" + tag)).get("items").get(0);
        assertThat(xena.get("phones").get(0).get("number").asString()).isEqualTo(phone.e164());
        assertThat(xena.get("consent").get("doNotCall").asBoolean()).isTrue();
        assertThat(xena.get("address").get("country").asString()).isEqualTo("DE");
    }

    private void contact(String token, String first, String last, String stage) {
        String phone = first.equals("Erin") ? erinPhone.typed() : ImportTestSupport.phone().typed();
        assertThat(api.post(token, "/api/v1/contacts", """
                {"firstName": "%s", "lastName": "%s", "lifecycleStage": "%s", "tags": ["%s"],
                 "emails": [{"address": "%s@%s.example"}], "phones": [{"number": "%s"}]}
                """.formatted(first, last, stage, tag, first.toLowerCase(), tag, phone)))
                .hasStatus(HttpStatus.CREATED);
    }

    private String csv(String token, String query) {
        MvcTestResult result = api.get(token, "/api/v1/contacts/export?format=csv&" + query);
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static List<String> names(String csv) {
        List<String> names = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv.replace("\uFEFF", ""))) {
            reader.stream().skip(1).forEach(r -> names.add(r.getField(0) + " " + r.getField(1)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
