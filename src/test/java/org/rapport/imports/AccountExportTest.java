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

/** Account exports hold exactly the accounts the caller may see that match the filter, formula-safe. */
@IntegrationTest
class AccountExportTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired CustomFieldService customFields;
    @Autowired MockMvcTester mvc;

    CurrentUser eastRep;
    String eastToken;
    String westToken;
    String tag;
    CurrentUser admin;
    UUID field;

    @BeforeEach
    void twoRepsInTwoDepartments() {
        eastRep = testUsers.create(Role.SALES_REP, testUsers.department("East"));
        CurrentUser westRep = testUsers.create(Role.SALES_REP, testUsers.department("West"));
        eastToken = api.token(eastRep.email(), TestUsers.PASSWORD);
        westToken = api.token(westRep.email(), TestUsers.PASSWORD);
        admin = testUsers.create(Role.ADMIN, null);
        tag = "x" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void retireTheField() {
        if (field != null) {
            customFields.setActive(admin, field, false);
        }
    }

    @Test
    void aSalesRepExportsOnlyTheAccountsTheyMaySee() throws Exception {
        account(eastToken, "East One", "CUSTOMER");
        account(eastToken, "East Two", "LEAD");
        account(westToken, "West One", "CUSTOMER");

        assertThat(names(csv(eastToken, "tag=" + tag))).containsExactly("East One", "East Two");
        assertThat(names(csv(westToken, "tag=" + tag))).containsExactly("West One");
        assertThat(names(csv(eastToken, "tag=" + tag + "&q=west"))).isEmpty();
        String adminToken = api.token("admin@test.rapport", "admin-test-password");
        assertThat(names(csv(adminToken, "tag=" + tag))).containsExactly("East One", "East Two", "West One");
    }

    @Test
    void exportsHonourTheFiltersAndRefuseBadOnes() throws Exception {
        account(eastToken, "Filtered Customer", "CUSTOMER");
        account(eastToken, "Filtered Lead", "LEAD");
        assertThat(names(csv(eastToken, "tag=" + tag + "&lifecycleStage=LEAD"))).containsExactly("Filtered Lead");
        assertThat(names(csv(eastToken, "tag=" + tag + "&q=customer"))).containsExactly("Filtered Customer");
        assertThat(names(csv(eastToken, "tag=" + tag + "&ownerId=" + UUID.randomUUID()))).isEmpty();
        assertThat(api.get(eastToken, "/api/v1/accounts/export?format=pdf")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(eastToken, "/api/v1/accounts/export?lifecycleStage=BOSS")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(eastToken, "/api/v1/accounts/export?cf.nothing" + tag + "=1")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText().contains("cf.nothing" + tag);
        assertThat(api.get(eastToken, "/api/v1/accounts/export?tag=" + "t".repeat(51))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void escapesFormulasAndHasCustomFieldColumnsInCsvAndXlsx() throws Exception {
        String key = "region" + tag;
        field = customFields.define(admin, "account", key, "Sales region " + tag, CustomFieldType.SELECT, false,
                List.of("North", "South"));
        assertThat(api.post(eastToken, "/api/v1/accounts", """
                {"name": "=HYPERLINK(\\"http://evil.example\\")", "industry": "@SUM(A1)", "tags": ["%s"],
                 "domain": "formula.example", "customFields": {"%s": "North"}}
                """.formatted(tag, key))).hasStatus(HttpStatus.CREATED);

        List<List<String>> rows = rows(csv(eastToken, "tag=" + tag + "&cf." + key + "=North"));
        assertThat(rows).hasSize(2);
        List<String> header = rows.getFirst();
        assertThat(header).containsSequence("Name", "Domain", "Industry").contains("Sales region " + tag, "Id");
        assertThat(rows.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(rows.get(1).get(2)).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(1).get(header.indexOf("Sales region " + tag))).isEqualTo("North");
        assertThat(rows(csv(eastToken, "tag=" + tag + "&cf." + key + "=South"))).hasSize(1);

        MvcTestResult xlsx = api.get(eastToken, "/api/v1/accounts/export?format=xlsx&tag=" + tag);
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader("Content-Disposition")).contains("attachment", "accounts-", ".xlsx");
        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c == null ? "" : c.getText()));
                sheet.add(cells);
                row.forEach(c -> assertThat(c == null || c.getType() != org.dhatim.fastexcel.reader.CellType.FORMULA).isTrue());
            }
        }
        assertThat(sheet.get(1).get(0)).isEqualTo("=HYPERLINK(\"http://evil.example\")");
        assertThat(sheet.get(1).get(header.indexOf("Sales region " + tag))).isEqualTo("North");
    }

    @Test
    void theListPageDownloadsItsFilter() {
        account(eastToken, "Paged Customer", "CUSTOMER");
        account(eastToken, "Paged Lead", "LEAD");
        MvcTestResult page = mvc.get().uri("/exports/accounts?format=csv&lifecycleStage=LEAD&tag=" + tag)
                .with(TestUsers.signedIn(eastRep)).exchange();
        assertThat(page).hasStatusOk();
        assertThat(names(new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)))
                .containsExactly("Paged Lead");
    }

    private void account(String token, String name, String stage) {
        assertThat(api.post(token, "/api/v1/accounts", """
                {"name": "%s", "lifecycleStage": "%s", "tags": ["%s"]}
                """.formatted(name, stage, tag))).hasStatus(HttpStatus.CREATED);
    }

    private String csv(String token, String query) {
        MvcTestResult result = api.get(token, "/api/v1/accounts/export?format=csv&" + query);
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static List<List<String>> rows(String csv) throws java.io.IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv.replace("\uFEFF", ""))) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        return rows;
    }

    private static List<String> names(String csv) {
        try {
            return rows(csv).stream().skip(1).map(r -> r.getFirst()).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
