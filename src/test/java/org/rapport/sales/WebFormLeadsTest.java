package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Web forms set to create leads: new people become leads through the sales rules; contacts stay contacts. */
@IntegrationTest
class WebFormLeadsTest {

    static final List<String> FIELDS = List.of("first_name:First name:FIRST_NAME", "last_name:Last name:LAST_NAME",
            "email:Email:EMAIL:required", "phone:Phone:PHONE", "company:Company:COMPANY", "title:Job title:TITLE",
            "message:How can we help?:MESSAGE", "opt_in:Keep me posted:MARKETING_OPT_IN");

    @Autowired MockMvcTester mvc;
    @Autowired ApiClient api;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;
    @Autowired AssignmentRules rules;
    @Autowired ScoringRules scoring;

    CurrentUser admin;
    CurrentUser owner;
    String adminToken;
    String email;
    String key;
    UUID formId;

    @BeforeEach
    void aLeadFormOwnedByARep() {
        admin = testUsers.create(Role.ADMIN, null);
        rules.all().forEach(r -> rules.delete(admin, r.id()));
        owner = testUsers.create(Role.SALES_REP, testUsers.department("Inbound leads"));
        adminToken = api.token(admin.email(), TestUsers.PASSWORD);
        email = "prospect-" + UUID.randomUUID() + "@example.com";
        key = createForm();
    }

    @AfterEach
    void noRulesLeft() {
        rules.all().forEach(r -> rules.delete(admin, r.id()));
    }

    @Test
    void aNewEmailBecomesAWebFormLeadPlacedByTheRulesAndScoredWithTheSubmissionOnItsTimeline()
            throws InterruptedException {
        UUID department = testUsers.department("Web leads");
        CurrentUser assignee = testUsers.create(Role.SALES_REP, department);
        rules.add(admin, AssignmentRule.Kind.SOURCE, "WEB_FORM", department, assignee.id());
        UUID rule = scoring.add(admin, "FORM_SUBMITTED", null, 30);
        try {
            assertThat(submit(Map.of("first_name", "Ada", "last_name", "Lovelace", "email", email.toUpperCase(),
                    "phone", "(312) 555-0188", "company", "Analytical Engines", "message", "Please call me back.",
                    "opt_in", "yes"))).hasStatusOk().bodyText().contains("Thank you");

            JsonNode lead = lead(email);
            assertThat(lead.get("source").asString()).isEqualTo("WEB_FORM");
            assertThat(lead.get("firstName").asString()).isEqualTo("Ada");
            assertThat(lead.get("company").asString()).isEqualTo("Analytical Engines");
            assertThat(lead.get("phone").asString()).isEqualTo("+13125550188");
            assertThat(lead.get("ownerId").asString()).isEqualTo(assignee.id().toString());
            assertThat(lead.get("departmentId").asString()).isEqualTo(department.toString());
            assertThat(lead.get("generatedBy").asString()).isEqualTo(owner.id().toString());
            assertThat(jdbc.sql("select count(*) from contact_emails where address = :e").param("e", email)
                    .query(Integer.class).single()).isZero();

            JsonNode timeline = timeline(lead.get("id").asString());
            assertThat(timeline).hasSize(1);
            assertThat(timeline.get(0).get("type").asString()).isEqualTo("WEB_FORM");
            assertThat(timeline.get(0).get("ownerId").asString()).isEqualTo(owner.id().toString());
            assertThat(timeline.get(0).get("body").asString()).startsWith("Please call me back.")
                    .contains("Keep me posted: yes");
            assertThat(awaitScore(lead.get("id").asString(), 30)).isEqualTo(30);
            assertThat(mvc.get().uri("/leads/" + lead.get("id").asString()).with(TestUsers.signedIn(assignee)))
                    .hasStatusOk().bodyText().contains("Submitted a web form");
        } finally {
            scoring.delete(admin, rule);
        }
    }

    @Test
    void aSecondSubmissionGoesOnTheSameOpenLeadAndOnlyFillsInWhatItLacks() {
        submit(Map.of("last_name", "Hopper", "email", email, "message", "First"));
        MvcTestResult json = mvc.post().uri("/forms/" + key).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).content("""
                        {"first_name": "Grace", "last_name": "Murray", "email": "%s", "title": "Rear Admiral",
                         "message": "Second"}
                        """.formatted(email)).exchange();
        assertThat(json).hasStatusOk();

        assertThat(jdbc.sql("select count(*) from leads where email = :e").param("e", email).query(Integer.class)
                .single()).isEqualTo(1);
        JsonNode lead = lead(email);
        assertThat(lead.get("lastName").asString()).isEqualTo("Hopper");
        assertThat(lead.get("firstName").asString()).isEqualTo("Grace");
        assertThat(lead.get("title").asString()).isEqualTo("Rear Admiral");
        assertThat(lead.get("version").asInt()).isEqualTo(1);
        assertThat(timeline(lead.get("id").asString())).hasSize(2);
    }

    @Test
    void aSubmitterWhoIsAContactIsCompletedAsAContactAndBecomesNoLead() {
        String contact = api.read(api.post(adminToken, "/api/v1/contacts",
                "{\"lastName\": \"Known\", \"emails\": [{\"address\": \"%s\"}]}".formatted(email))).get("id").asString();
        assertThat(submit(Map.of("first_name", "Kim", "last_name", "Other", "email", email, "message", "Hi again")))
                .hasStatusOk();

        assertThat(jdbc.sql("select count(*) from leads where email = :e").param("e", email).query(Integer.class)
                .single()).isZero();
        JsonNode c = api.read(api.get(adminToken, "/api/v1/contacts/" + contact));
        assertThat(c.get("firstName").asString()).isEqualTo("Kim");
        assertThat(c.get("lastName").asString()).isEqualTo("Known");
        JsonNode items = api.read(api.get(adminToken,
                "/api/v1/interactions?type=WEB_FORM&recordType=contact&recordId=" + contact)).get("items");
        assertThat(items).hasSize(1);
    }

    @Test
    void aNewEmailWithThePhoneOfAnOpenLeadGoesOnThatLeadAndWithAContactsPhoneOnAContact() {
        String phone = "+1312555" + String.format("%04d", (int) (Math.random() * 10_000));
        jdbc.sql("delete from leads where phone = :p").param("p", phone).update();
        String lead = api.read(api.post(adminToken, "/api/v1/leads",
                "{\"lastName\": \"Caller\", \"phone\": \"%s\"}".formatted(phone))).get("id").asString();
        assertThat(submit(Map.of("last_name", "Caller", "email", email, "phone", phone))).hasStatusOk();
        assertThat(api.read(api.get(adminToken, "/api/v1/leads/" + lead)).get("email").asString()).isEqualTo(email);
        assertThat(timeline(lead)).hasSize(1);

        String customerPhone = "+1773555" + String.format("%04d", (int) (Math.random() * 10_000));
        jdbc.sql("delete from leads where phone = :p").param("p", customerPhone).update();
        api.post(adminToken, "/api/v1/contacts", "{\"lastName\": \"Customer\", \"phones\": [{\"number\": \"%s\"}]}"
                .formatted(customerPhone));
        String other = "other-" + UUID.randomUUID() + "@example.com";
        assertThat(submit(Map.of("last_name", "Customer", "email", other, "phone", customerPhone))).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from leads where email = :e").param("e", other).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from contact_emails where address = :e").param("e", other)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void withoutAMatchingRuleTheLeadWaitsInTheQueueOfTheOwnersDepartmentWhereItsRepsSeeIt() {
        CurrentUser colleague = testUsers.create(Role.SALES_REP, owner.departmentId());
        submit(Map.of("first_name", "Queued", "email", email));
        JsonNode lead = lead(email);
        assertThat(lead.get("ownerId").isNull()).isTrue();
        assertThat(lead.get("lastName").asString()).isEqualTo("Queued");
        assertThat(lead.get("departmentId").asString()).isEqualTo(owner.departmentId().toString());
        String colleagueToken = api.token(colleague.email(), TestUsers.PASSWORD);
        assertThat(api.get(colleagueToken, "/api/v1/leads/" + lead.get("id").asString())).hasStatusOk();
        assertThat(api.read(api.get(colleagueToken, "/api/v1/interactions?recordType=lead&recordId="
                + lead.get("id").asString())).get("items")).hasSize(1);
    }

    @Test
    void aFilledHoneypotOrABadValueWritesNothing() {
        int before = webFormInteractions();
        assertThat(submit(Map.of("last_name", "Bot", "email", email, "website", "http://spam.example")))
                .hasStatusOk().bodyText().contains("Thank you");
        MvcTestResult bad = mvc.post().uri("/forms/" + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"last_name\": \"Typo\", \"email\": \"%s\", \"phone\": \"call me\"}".formatted(email))
                .exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.read(bad).get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(jdbc.sql("select count(*) from leads where email = :e").param("e", email).query(Integer.class)
                .single()).isZero();
        assertThat(webFormInteractions()).isEqualTo(before);
    }

    @Test
    void theAdminPagesShowWhatTheFormCreates() {
        assertThat(mvc.get().uri("/admin/web-forms/" + formId).with(TestUsers.signedIn(admin))).hasStatusOk()
                .bodyText().contains("Submissions create", "<option value=\"LEADS\" selected=\"selected\">Leads</option>");
        assertThat(mvc.get().uri("/admin/web-forms").with(TestUsers.signedIn(admin))).hasStatusOk().bodyText()
                .contains("<td>leads</td>");
    }

    /** Creates a lead form through the admin page and returns its key. */
    private String createForm() {
        var request = mvc.post().uri("/admin/web-forms").with(csrf()).with(TestUsers.signedIn(admin))
                .param("name", "Get a demo " + UUID.randomUUID()).param("ownerId", owner.id().toString())
                .param("creates", "LEADS").param("active", "true").param("version", "0");
        for (int i = 0; i < FIELDS.size(); i++) {
            String[] f = FIELDS.get(i).split(":");
            request = request.param("fieldName", f[0]).param("fieldLabel", f[1]).param("fieldTarget", f[2]);
            if (f.length > 3) {
                request = request.param("fieldRequired", String.valueOf(i));
            }
        }
        MvcTestResult created = request.exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        formId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        return jdbc.sql("select form_key from web_forms where id = :id").param("id", formId).query(String.class)
                .single();
    }

    private MvcTestResult submit(Map<String, String> values) {
        var request = mvc.post().uri("/forms/" + key).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML, MediaType.ALL);
        for (Map.Entry<String, String> e : values.entrySet()) {
            request = request.param(e.getKey(), e.getValue());
        }
        return request.exchange();
    }

    private JsonNode lead(String address) {
        String id = jdbc.sql("select id from leads where email = :e").param("e", address).query(String.class).single();
        return api.read(api.get(adminToken, "/api/v1/leads/" + id));
    }

    private JsonNode timeline(String lead) {
        return api.read(api.get(adminToken, "/api/v1/interactions?type=WEB_FORM&recordType=lead&recordId=" + lead))
                .get("items");
    }

    private int awaitScore(String lead, int expected) throws InterruptedException {
        int score = -1;
        for (int tries = 0; tries < 100 && score != expected; tries++) {
            score = api.read(api.get(adminToken, "/api/v1/leads/" + lead)).get("score").asInt();
            Thread.sleep(score == expected ? 0 : 100);
        }
        return score;
    }

    private int webFormInteractions() {
        return jdbc.sql("select count(*) from interactions where source = 'WEB_FORM'").query(Integer.class).single();
    }
}
