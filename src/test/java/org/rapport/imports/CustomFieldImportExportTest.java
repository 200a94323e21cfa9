package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.customers.CustomFieldService;
import org.rapport.customers.CustomFieldType;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.JsonNode;

/** Custom fields of contacts travel through imports (checked like the API) and exports (a column each). */
@IntegrationTest
class CustomFieldImportExportTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ImportTestSupport imports;
    @Autowired CustomFieldService customFields;
    @Autowired MockMvcTester mvc;

    CurrentUser admin;
    CurrentUser rep;
    String token;
    String tag;
    String tier;
    String score;
    String since;
    String tierLabel;
    private final List<UUID> defined = new ArrayList<>();

    @BeforeEach
    void signIn() {
        admin = testUsers.create(Role.ADMIN, null);
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Custom imports"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        tag = "c" + suffix;
        tier = "tier" + suffix;
        score = "score" + suffix;
        since = "since" + suffix;
        tierLabel = "Tier " + suffix;
    }

    @AfterEach
    void retireTheFields() {
        defined.forEach(id -> customFields.setActive(admin, id, false));
    }

    @Test
    void importsCustomValuesByLabelOrKeyAndReportsBadOnesForTheirRow() {
        defineFields();
        String csv = """
                First Name,Last Name,Email,Tags,%s,custom.%s,Customer since %s
                Ada,Lovelace,ada@%s.example,%s,gold,12.50,2024-02-29
                Bob,Bronze,bob@%4$s.example,%5$s,Bronze,3,
                Cy,Noscore,cy@%4$s.example,%5$s,Silver,,
                Dee,Lots,dee@%4$s.example,%5$s,Silver,lots,
                Eve,Late,eve@%4$s.example,%5$s,,1,yesterday
                """.formatted(tierLabel, score, since.substring(5), tag, tag);
        JsonNode job = imports.importAndWait(token, "custom.csv", csv);

        assertThat(job.get("mapping").get(tierLabel).asString()).isEqualTo("custom." + tier);
        assertThat(job.get("mapping").get("custom." + score).asString()).isEqualTo("custom." + score);
        assertThat(job.get("counts").get("created").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(errors(job)).containsExactly(
                "3|" + tierLabel + "|Choose one of: Gold, Silver",
                "4|custom." + score + "|Score is required",
                "5|custom." + score + "|must be a number",
                "6|Customer since " + since.substring(5) + "|Enter a date as YYYY-MM-DD");
        JsonNode ada = contactWithEmail("ada@" + tag + ".example").get("customFields");
        assertThat(ada.get(tier).asString()).isEqualTo("Gold");
        assertThat(ada.get(score).decimalValue()).isEqualByComparingTo("12.5");
        assertThat(ada.get(since).asString()).isEqualTo("2024-02-29");
    }

    @Test
    void requiredCustomFieldsAreNotAskedOfContactsAnImportUpdates() {
        assertThat(api.post(token, "/api/v1/contacts", """
                {"firstName": "Old", "lastName": "Timer", "tags": ["%s"], "emails": [{"address": "old@%s.example"}]}
                """.formatted(tag, tag))).hasStatus(HttpStatus.CREATED);
        defineFields();
        String csv = """
                Email,Name,Title,%s
                old@%s.example,Old Timer,Archivist,Silver
                new@%2$s.example,New Comer,Newcomer,Gold
                """.formatted(tierLabel, tag);
        JsonNode job = imports.importAndWait(token, "update.csv", csv, "policy", "update");

        assertThat(job.get("counts").get("updated").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(job.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(job.get("errors").get(0).get("reason").asString()).isEqualTo("Score is required");
        JsonNode old = contactWithEmail("old@" + tag + ".example");
        assertThat(old.get("title").asString()).isEqualTo("Archivist");
        assertThat(old.get("customFields").get(tier).asString()).isEqualTo("Silver");
    }

    @Test
    void aMappingToAnUnknownCustomFieldIsRefused() {
        MvcTestResult refused = imports.upload(token, "x.csv", "Name,Shoe\nAda,42\n",
                "mapping", "{\"Name\": \"fullName\", \"Shoe\": \"custom.shoe" + tag + "\"}");
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.text(refused)).contains("mapping", "Unknown field 'custom.shoe" + tag + "'");
    }

    @Test
    void exportsHaveAColumnPerCustomFieldThatImportsBack() throws Exception {
        defineFields();
        assertThat(api.post(token, "/api/v1/contacts", """
                {"firstName": "Ada", "lastName": "Export", "tags": ["%s"], "emails": [{"address": "ada@%s.example"}],
                 "customFields": {"%s": "Silver", "%s": 7.25, "%s": "2023-01-31"}}
                """.formatted(tag, tag, tier, score, since))).hasStatus(HttpStatus.CREATED);

        List<List<String>> csv = csvRows(api.get(token, "/api/v1/contacts/export?format=csv&tag=" + tag));
        assertThat(csv.getFirst()).contains(tierLabel, "Score", "Customer since " + since.substring(5));
        assertThat(cell(csv, tierLabel)).isEqualTo("Silver");
        assertThat(cell(csv, "Score")).isEqualTo("7.25");
        assertThat(cell(csv, "Customer since " + since.substring(5))).isEqualTo("2023-01-31");

        MvcTestResult xlsx = api.get(token, "/api/v1/contacts/export?format=xlsx&tag=" + tag);
        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c == null ? "" : c.getText()));
                sheet.add(cells);
            }
        }
        assertThat(cell(sheet, tierLabel)).isEqualTo("Silver");
        assertThat(cell(sheet, "Score")).isEqualTo("7.25");

        MvcTestResult page = mvc.get().uri("/exports/contacts?format=csv&tag=" + tag).with(TestUsers.signedIn(rep)).exchange();
        assertThat(cell(csvRows(page), tierLabel)).isEqualTo("Silver");

        JsonNode again = imports.importAndWait(token, "again.csv",
                api.get(token, "/api/v1/contacts/export?format=csv&tag=" + tag).getResponse().getContentAsByteArray(),
                "policy", "update");
        assertThat(again.get("counts").get("failed").asInt()).as(again.toString()).isZero();
        assertThat(again.get("mapping").get(tierLabel).asString()).isEqualTo("custom." + tier);
        JsonNode ada = contactWithEmail("ada@" + tag + ".example").get("customFields");
        assertThat(ada.get(tier).asString()).isEqualTo("Silver");
        assertThat(ada.get(score).decimalValue()).isEqualByComparingTo("7.25");
    }

    private void defineFields() {
        defined.add(customFields.define(admin, "contact", tier, tierLabel, CustomFieldType.SELECT, false,
                List.of("Gold", "Silver")));
        defined.add(customFields.define(admin, "contact", score, "Score", CustomFieldType.NUMBER, true, List.of()));
        defined.add(customFields.define(admin, "contact", since, "Customer since " + since.substring(5),
                CustomFieldType.DATE, false, List.of()));
    }

    private JsonNode contactWithEmail(String email) {
        JsonNode page = api.read(api.get(token, "/api/v1/contacts?q=" + email));
        assertThat(page.get("items").size()).isEqualTo(1);
        return page.get("items").get(0);
    }

    private static List<List<String>> csvRows(MvcTestResult result) throws java.io.IOException {
        assertThat(result).hasStatusOk();
        String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        return rows;
    }

    /** The cell of the first data row under the column with this name. */
    private static String cell(List<List<String>> rows, String column) {
        assertThat(rows).hasSizeGreaterThan(1);
        int index = rows.getFirst().indexOf(column);
        assertThat(index).as("column " + column + " in " + rows.getFirst()).isNotNegative();
        return rows.get(1).get(index);
    }

    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("row").asInt() + "|" + e.get("column").asString() + "|"
                + e.get("reason").asString()));
        return errors;
    }
}
