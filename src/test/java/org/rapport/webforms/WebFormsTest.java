package org.rapport.webforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Web forms: the admin pages and snippet, and public submissions that create or update contacts. */
@IntegrationTest
class WebFormsTest {

    static final List<String> FIELDS = List.of("first_name:First name:FIRST_NAME", "last_name:Last name:LAST_NAME",
            "email:Email:EMAIL:required", "phone:Phone:PHONE", "company:Company:COMPANY",
            "message:How can we help?:MESSAGE", "opt_in:Keep me posted:MARKETING_OPT_IN");

    @Autowired MockMvcTester mvc;
    @Autowired ApiClient api;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    CurrentUser admin;
    CurrentUser rep;
    String repToken;
    String email;
    String key;

    @BeforeEach
    void aFormOwnedByARep() {
        admin = testUsers.create(Role.ADMIN, null);
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Inbound"));
        repToken = api.token(rep.email(), TestUsers.PASSWORD);
        email = "visitor-" + UUID.randomUUID() + "@example.com";
        key = createForm(null);
    }

    @Test
    void aSubmissionCreatesTheContactAndLogsTheFormOnItsTimeline() {
        MvcTestResult sent = submitHtml(Map.of("first_name", "Ada", "last_name", "Lovelace", "email", email,
                "phone", "(312) 555-0188", "company", "Analytical Engines", "message", "Please call me back.",
                "opt_in", "yes"));
        assertThat(sent).hasStatusOk().bodyText().contains("Thank you", "We received your message");

        String contact = contactOf(email);
        JsonNode c = api.read(api.get(repToken, "/api/v1/contacts/" + contact));
        assertThat(c.get("firstName").asString()).isEqualTo("Ada");
        assertThat(c.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(c.get("phones").get(0).get("number").asString()).isEqualTo("+13125550188");
        assertThat(c.get("consent").get("marketingOptIn").asBoolean()).isTrue();
        JsonNode items = timeline(contact);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("type").asString()).isEqualTo("WEB_FORM");
        assertThat(items.get(0).get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(items.get(0).get("body").asString()).startsWith("Please call me back.")
                .contains("Company: Analytical Engines", "Keep me posted: yes");
    }

    @Test
    void aSecondSubmissionWithTheSameEmailCompletesTheSameContactWithoutOverwritingIt() {
        submitHtml(Map.of("last_name", "Lovelace", "email", email, "message", "First"));
        MvcTestResult json = mvc.post().uri("/forms/" + key).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).content("""
                        {"first_name": "Ada", "last_name": "Byron", "email": "%s", "phone": "+1 312 555 0199",
                         "message": "Second", "opt_in": true}
                        """.formatted(email.toUpperCase())).exchange();
        assertThat(json).hasStatusOk();
        assertThat(api.read(json).get("status").asString()).isEqualTo("received");

        assertThat(jdbc.sql("select count(*) from contact_emails where address = :e").param("e", email)
                .query(Integer.class).single()).isEqualTo(1);
        String contact = contactOf(email);
        JsonNode c = api.read(api.get(repToken, "/api/v1/contacts/" + contact));
        assertThat(c.get("firstName").asString()).isEqualTo("Ada");
        assertThat(c.get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(c.get("phones").get(0).get("number").asString()).isEqualTo("+13125550199");
        assertThat(timeline(contact)).hasSize(2);
    }

    @Test
    void aFilledHoneypotAnswersLikeASuccessButWritesNothing() {
        int before = webFormInteractions();
        assertThat(submitHtml(Map.of("last_name", "Bot", "email", email, "website", "http://spam.example")))
                .hasStatusOk().bodyText().contains("Thank you");
        assertThat(jdbc.sql("select count(*) from contact_emails where address = :e").param("e", email)
                .query(Integer.class).single()).isZero();
        assertThat(webFormInteractions()).isEqualTo(before);
    }

    @Test
    void aBurstAboveTheLimitIsRefusedWith429() {
        for (int i = 0; i < 10; i++) {
            assertThat(submitJson("{\"email\": \"" + email + "\", \"website\": \"x\"}")).hasStatusOk();
        }
        MvcTestResult refused = submitJson("{\"email\": \"" + email + "\", \"website\": \"x\"}");
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
    }

    @Test
    void refusedSubmissionsCountAgainstTheLimitToo() {
        String tooLong = "x".repeat(WebFormSubmissions.MAX_FIELD_LENGTH + 1);
        for (int i = 0; i < 10; i++) {
            assertThat(submitJson("{\"email\": \"" + email + "\", \"message\": \"" + tooLong + "\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(submitJson("{\"email\": \"" + email + "\"}")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(jdbc.sql("select count(*) from contact_emails where address = :e").param("e", email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void unknownOrInactiveFormsAreNotFound() {
        assertThat(submitJson("{\"email\": \"" + email + "\"}")).hasStatusOk();
        assertThat(mvc.post().uri("/forms/no-such-form-key-at-all").contentType(MediaType.APPLICATION_JSON)
                .content("{}").exchange()).hasStatus(HttpStatus.NOT_FOUND);
        jdbc.sql("update web_forms set active = false where form_key = :k").param("k", key).update();
        assertThat(submitHtml(Map.of("email", email))).hasStatus(HttpStatus.NOT_FOUND).bodyText()
                .contains("does not exist");
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndWritesNothing() {
        MvcTestResult json = submitJson("{\"email\": \"not-an-address\"}");
        assertThat(json).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(api.read(json).get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(submitHtml(Map.of("email", "not-an-address"))).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("&#39;not-an-address&#39; is not a valid email address");
        assertThat(api.read(submitJson("{\"last_name\": \"Nobody\"}")).get("errors").get(0).get("field").asString())
                .isEqualTo("email");
        assertThat(submitJson("{\"email\": \"" + email + "\", \"message\": \"" + "x".repeat(2001) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(submitJson("{\"email\": \"" + email + "\", \"message\": \"" + "x".repeat(70_000) + "\"}"))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(jdbc.sql("select count(*) from contact_emails where address = :e").param("e", email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aFormWithASuccessUrlRedirectsTheBrowser() {
        String redirecting = createForm("https://www.example.com/thanks");
        MvcTestResult sent = mvc.post().uri("/forms/" + redirecting).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).param("email", email).param("last_name", "Redirected").exchange();
        assertThat(sent).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(sent.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("https://www.example.com/thanks");
    }

    @Test
    void theAdminPageShowsTheSnippetEscaped() {
        String id = jdbc.sql("select id from web_forms where form_key = :k").param("k", key).query(String.class).single();
        MvcTestResult page = mvc.get().uri("/admin/web-forms/" + id).with(TestUsers.signedIn(admin)).exchange();
        assertThat(page).hasStatusOk().bodyText().contains(
                "&lt;form method=&quot;post&quot; action=&quot;http://localhost/forms/" + key + "&quot;",
                "name=&quot;website&quot;", "data-copy-target=\"#snippet\"", "id=\"fieldLabel2\" value=\"Email\"")
                .doesNotContain("row-input");
        assertThat(mvc.get().uri("/admin/web-forms").with(TestUsers.signedIn(admin))).hasStatusOk();
    }

    @Test
    void theAdminFormRefusesAFormWithoutAnEmailField() {
        int before = jdbc.sql("select count(*) from web_forms").query(Integer.class).single();
        MvcTestResult result = mvc.post().uri("/admin/web-forms").with(csrf()).with(TestUsers.signedIn(admin))
                .param("name", "No email " + UUID.randomUUID()).param("ownerId", rep.id().toString())
                .param("active", "true").param("version", "0")
                .param("fieldName", "name").param("fieldLabel", "Name").param("fieldTarget", "LAST_NAME").exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Add an email field");
        assertThat(jdbc.sql("select count(*) from web_forms").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsManageWebForms() {
        assertThat(mvc.get().uri("/admin/web-forms").with(TestUsers.signedIn(rep))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/web-forms").with(csrf()).with(TestUsers.signedIn(rep))
                .param("name", "Sneaky")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/web-forms")).hasStatus3xxRedirection();
    }

    /** Creates a form through the admin page and returns its key. */
    private String createForm(String successUrl) {
        var request = mvc.post().uri("/admin/web-forms").with(csrf()).with(TestUsers.signedIn(admin))
                .param("name", "Contact us " + UUID.randomUUID()).param("ownerId", rep.id().toString())
                .param("active", "true").param("version", "0");
        if (successUrl != null) {
            request = request.param("successUrl", successUrl);
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            String[] f = FIELDS.get(i).split(":");
            request = request.param("fieldName", f[0]).param("fieldLabel", f[1]).param("fieldTarget", f[2]);
            if (f.length > 3) {
                request = request.param("fieldRequired", String.valueOf(i));
            }
        }
        request = request.param("fieldName", "").param("fieldLabel", "").param("fieldTarget", "");
        MvcTestResult created = request.exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        return jdbc.sql("select form_key from web_forms where id = :id")
                .param("id", UUID.fromString(location.substring(location.lastIndexOf('/') + 1)))
                .query(String.class).single();
    }

    private MvcTestResult submitHtml(Map<String, String> values) {
        var request = mvc.post().uri("/forms/" + key).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML, MediaType.ALL);
        for (Map.Entry<String, String> e : new LinkedHashMap<>(values).entrySet()) {
            request = request.param(e.getKey(), e.getValue());
        }
        return request.exchange();
    }

    private MvcTestResult submitJson(String json) {
        return mvc.post().uri("/forms/" + key).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private String contactOf(String address) {
        return jdbc.sql("select contact_id from contact_emails where address = :e").param("e", address)
                .query(String.class).single();
    }

    private JsonNode timeline(String contact) {
        return api.read(api.get(repToken, "/api/v1/interactions?type=WEB_FORM&recordType=contact&recordId=" + contact))
                .get("items");
    }

    private int webFormInteractions() {
        return jdbc.sql("select count(*) from interactions where source = 'WEB_FORM'").query(Integer.class).single();
    }
}
