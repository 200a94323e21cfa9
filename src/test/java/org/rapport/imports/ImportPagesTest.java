package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The import wizard in the browser: upload, guessed mapping with preview, progress, error report; export. */
@IntegrationTest
class ImportPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;

    CurrentUser rep;
    String domain;

    @BeforeEach
    void signIn() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Wizard"));
        domain = "w" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void uploadsMapsPreviewsRunsAndReportsErrors() throws Exception {
        assertThat(mvc.get().uri("/imports").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().contains("Import contacts", "Export contacts");
        String csv = """
                Contact First Name,Contact Last Name,Email - Work,Phone - Mobile,Organization - Name
                Ada,Lovelace,ada@%1$s,%2$s,
                Bad,Email,nope,,
                """.formatted(domain, ImportTestSupport.phone().typed());
        MvcTestResult uploaded = mvc.post().uri("/imports").multipart()
                .file(new MockMultipartFile("file", "pipedrive.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(TestUsers.signedIn(rep)).exchange();
        assertThat(uploaded).hasStatus3xxRedirection();
        String page = uploaded.getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));

        MvcTestResult mapping = mvc.get().uri(page).with(TestUsers.signedIn(rep)).exchange();
        assertThat(mapping).hasStatusOk();
        String html = mapping.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<option value=\"firstName\" selected=\"selected\"", "<option value=\"mobilePhone\" selected=\"selected\"",
                "<option value=\"accountName\" selected=\"selected\"");
        assertThat(html).contains("created", "failed", "&#39;nope&#39; is not a valid email address");

        MvcTestResult preview = mvc.post().uri("/imports/" + id + "/preview").with(csrf()).with(TestUsers.signedIn(rep))
                .header("HX-Request", "true")
                .param("column0", "firstName").param("column1", "lastName").param("column2", "email")
                .param("policy", "update").exchange();
        assertThat(preview).hasStatusOk().bodyText().contains("id=\"preview\"", "created").doesNotContain("<html");

        MvcTestResult start = mvc.post().uri("/imports/" + id + "/start").with(csrf()).with(TestUsers.signedIn(rep))
                .param("column0", "firstName").param("column1", "lastName").param("column2", "email")
                .param("policy", "skip").exchange();
        assertThat(start).hasStatus3xxRedirection();

        String status = waitForStatusFragment(id, "completed");
        assertThat(status).contains("Download error report", "Undo import");
        MvcTestResult report = mvc.get().uri("/imports/" + id + "/errors.csv").with(TestUsers.signedIn(rep)).exchange();
        assertThat(report).hasStatusOk();
        assertThat(report.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Row,Column,Reason", "3,Email - Work,'nope' is not a valid email address");

        assertThat(mvc.get().uri("/imports/" + id).with(TestUsers.signedIn(testUsers.create(Role.SALES_REP, rep.departmentId()))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aWrongFileIsRefusedOnThePage() {
        MvcTestResult uploaded = mvc.post().uri("/imports").multipart()
                .file(new MockMultipartFile("file", "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}))
                .with(csrf()).with(TestUsers.signedIn(rep)).exchange();
        assertThat(uploaded).hasStatusOk().bodyText().contains("Upload a .csv or .xlsx file");
    }

    @Test
    void exportsFromThePage() throws Exception {
        MvcTestResult export = mvc.get().uri("/exports/contacts?format=csv&q=nobody-" + domain)
                .with(TestUsers.signedIn(rep)).exchange();
        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment", ".csv");
        assertThat(export.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("First Name,Last Name");
    }

    private String waitForStatusFragment(UUID id, String status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String html = "";
        while (Instant.now().isBefore(deadline)) {
            MvcTestResult result = mvc.get().uri("/imports/" + id + "/status").header("HX-Request", "true")
                    .with(TestUsers.signedIn(rep)).exchange();
            assertThat(result).hasStatusOk();
            html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (html.contains(">" + status + "<")) {
                assertThat(html).doesNotContain("hx-trigger");
                return html;
            }
            assertThat(html).contains("hx-trigger=\"every 1s\"");
            Thread.sleep(100);
        }
        throw new AssertionError("Import did not reach " + status + ": " + html);
    }
}
