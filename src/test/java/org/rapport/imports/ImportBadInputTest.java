package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Bad uploads answer 400 problem+json naming the part at fault, and store nothing. */
@IntegrationTest
class ImportBadInputTest {

    private static final String CSV = "First Name,Last Name,Email\nAda,Lovelace,ada@example.com\n";

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ImportTestSupport imports;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;

    @BeforeEach
    void signIn() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Bad input"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void rejectsAFileThatIsNeitherCsvNorXlsx() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertRejected(imports.upload(token, "photo.png", png), "file", "Upload a .csv or .xlsx file");
        assertRejected(imports.upload(token, "contacts.csv", png), "file", "not a CSV text file");
        assertRejected(imports.upload(token, "contacts.xlsx", CSV), "file", "not an Excel workbook");
        assertRejected(imports.upload(token, "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}),
                "file", ".xls");
        assertRejected(imports.upload(token, "broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}), "file",
                "not an Excel workbook");
    }

    @Test
    void rejectsEmptyFilesAndFilesWithoutDataRows() {
        assertRejected(imports.upload(token, "empty.csv", new byte[0]), "file", "empty");
        assertRejected(imports.upload(token, "blank.csv", "\n\n  \n"), "file", "");
        assertRejected(imports.upload(token, "header.csv", "First Name,Last Name\n"), "file", "no rows under its header");
    }

    @Test
    void rejectsAMappingToAnUnknownFieldOrColumn() {
        assertRejected(imports.upload(token, "c.csv", CSV, "mapping", "{\"Email\": \"mail\"}"), "mapping",
                "Unknown field 'mail'");
        assertRejected(imports.upload(token, "c.csv", CSV, "mapping", "{\"E-mail\": \"email\"}"), "mapping",
                "no column 'E-mail'");
        assertRejected(imports.upload(token, "c.csv", CSV, "mapping", "[\"email\"]"), "mapping", "JSON object");
        assertRejected(imports.upload(token, "c.csv", CSV, "mapping", "{\"First Name\": \"title\", \"Last Name\": \"title\"}"),
                "mapping", "only one column");
        assertRejected(imports.upload(token, "c.csv", CSV, "mapping", "{\"Email\": \"email\"}"), "mapping",
                "First name, Last name or Full name");
    }

    @Test
    void rejectsUnknownPolicyOrEntityAndAMissingFile() {
        assertRejected(imports.upload(token, "c.csv", CSV, "policy", "merge"), "policy", "skip, update or create");
        assertRejected(imports.upload(token, "c.csv", CSV, "entity", "accounts"), "entity", "contacts or leads");
        assertRejected(imports.uploadWithoutFile(token), "file", "multipart part 'file'");
        assertThat(api.post(token, "/api/v1/imports", "{}")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aReadOnlyUserMayNotImport() {
        CurrentUser reader = testUsers.create(Role.READ_ONLY, null);
        String readToken = api.token(reader.email(), TestUsers.PASSWORD, "read");
        assertThat(imports.upload(readToken, "c.csv", CSV)).hasStatus(HttpStatus.FORBIDDEN);
        String fullToken = api.token(reader.email(), TestUsers.PASSWORD);
        assertThat(imports.upload(fullToken, "c.csv", CSV)).hasStatus(HttpStatus.FORBIDDEN);
    }

    private void assertRejected(MvcTestResult result, String field, String message) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(api.read(result).get("errors").get(0).get("field").asString()).as(body).isEqualTo(field);
        assertThat(api.read(result).get("errors").get(0).get("message").asString()).as(body).containsIgnoringCase(message);
        assertThat(countImports()).isZero();
    }

    private int countImports() {
        return jdbc.sql("select count(*) from imports where created_by = :me").param("me", rep.id())
                .query(Integer.class).single();
    }
}
