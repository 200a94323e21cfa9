package org.rapport.interactions;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Interactions stay with their contacts through merges, lose their personal content on erasure, and keep files safely. */
@IntegrationTest
class InteractionRecordsTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired MockMvcTester mvc;

    CurrentUser rep;
    String token;

    @BeforeEach
    void signIn() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Records"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void mergingContactsMovesTheMergedContactsInteractionsToTheSurvivor() {
        String survivor = contact("Bill", "Lumbergh");
        String merged = contact("William", "Lumbergh");
        note(merged, "Wants the TPS reports by Friday");
        assertThat(api.post(token, "/api/v1/contacts/merge",
                "{\"survivorId\": \"%s\", \"mergedIds\": [\"%s\"]}".formatted(survivor, merged))).hasStatusOk();

        JsonNode timeline = api.read(api.get(token, "/api/v1/interactions?recordType=contact&recordId=" + survivor));
        assertThat(timeline.get("items")).hasSize(1);
        assertThat(timeline.get("items").get(0).get("contactIds").get(0).asString()).isEqualTo(survivor);
    }

    @Test
    void erasingAContactRemovesThePersonalContentOfItsInteractions() {
        String contact = contact("Samir", "Nagheenanajar");
        String id = note(contact, "Samir's home number is 555-0100");
        assertThat(api.post(token, "/api/v1/contacts/" + contact + "/erase", "")).hasStatus(HttpStatus.NO_CONTENT);

        JsonNode note = api.read(api.get(token, "/api/v1/interactions/" + id));
        assertThat(note.get("body").isNull()).isTrue();
        assertThat(note.get("subject").asString()).isEqualTo("(erased)");
        assertThat(note.get("type").asString()).isEqualTo("NOTE");
    }

    @Test
    void keepsAnAttachedPdfAndServesItAsADownloadOnlyToThoseWhoSeeTheInteraction() {
        String id = note(contact("Michael", "Bolton"), "Signed offer attached");
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        MvcTestResult uploaded = upload(token, id, new MockMultipartFile("file", "offer.pdf", "application/pdf", pdf));
        assertThat(uploaded).hasStatus(HttpStatus.CREATED);
        String attachment = api.read(uploaded).get("id").asString();

        MvcTestResult download = api.get(token, "/api/v1/interactions/" + id + "/attachments/" + attachment);
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);

        CurrentUser other = testUsers.create(Role.SALES_REP, testUsers.department("Other"));
        String otherToken = api.token(other.email(), TestUsers.PASSWORD);
        assertThat(api.get(otherToken, "/api/v1/interactions/" + id + "/attachments/" + attachment))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(upload(otherToken, id, new MockMultipartFile("file", "x.pdf", "application/pdf", pdf)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesFilesABrowserCouldRunAndFilesThatAreNotWhatTheirNameSays() {
        String id = note(contact("Joanna", "Grove"), "Flair policy");
        MvcTestResult html = upload(token, id, new MockMultipartFile("file", "page.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertThat(html).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.text(html)).contains("\"field\":\"file\"");
        MvcTestResult fakePdf = upload(token, id, new MockMultipartFile("file", "invoice.pdf", "application/pdf",
                "MZ this is an executable".getBytes(StandardCharsets.US_ASCII)));
        assertThat(fakePdf).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.read(api.get(token, "/api/v1/interactions/" + id)).get("attachments")).isEmpty();
    }

    private MvcTestResult upload(String bearer, String interactionId, MockMultipartFile file) {
        return mvc.post().uri("/api/v1/interactions/" + interactionId + "/attachments").multipart().file(file)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange();
    }

    private String contact(String first, String last) {
        return api.read(api.post(token, "/api/v1/contacts",
                "{\"firstName\": \"%s\", \"lastName\": \"%s\"}".formatted(first, last))).get("id").asString();
    }

    private String note(String contact, String body) {
        return api.read(api.post(token, "/api/v1/interactions",
                "{\"type\": \"NOTE\", \"body\": \"%s\", \"contactIds\": [\"%s\"]}".formatted(body, contact)))
                .get("id").asString();
    }
}
