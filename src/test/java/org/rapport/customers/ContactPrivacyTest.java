package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordSharingService;
import org.rapport.identity.Role;
import org.rapport.platform.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import tools.jackson.databind.JsonNode;

/** Personal-data export, erasure (rows and audit entries left without personal values) and consent history. */
@IntegrationTest
class ContactPrivacyTest {

    private static final List<String> PERSONAL = List.of("zelda", "fitzgerald", "sayre", "jazz.example", "4155552671",
            "2079460958", "montgomery", "flapper", "novelist", "writing", "charleston");

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;
    @Autowired AuditService audit;
    @Autowired RecordSharingService sharing;
    @Autowired ContactService contacts;
    @Autowired ITemplateEngine templates;

    CurrentUser rep;
    String token;
    UUID account;

    @BeforeEach
    void signIn() {
        jdbc.sql("update org_settings set visibility_scope = 'DEPARTMENT'").update();
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Privacy"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        account = id(api.post(token, "/api/v1/accounts", "{\"name\": \"Jazz Age Ltd\"}"));
    }

    @Test
    void erasureLeavesNoPersonalDataInTheRowsOrTheAuditEntries() {
        UUID zelda = zelda();
        UUID duplicate = id(api.post(token, "/api/v1/contacts", """
                {"firstName": "Zelda", "lastName": "Sayre", "emails": [{"address": "zelda.sayre@jazz.example"}],
                 "consent": {"doNotCall": true, "marketingOptInSource": "call with Zelda"}}"""));
        assertThat(api.post(token, "/api/v1/contacts/merge", """
                {"survivorId": "%s", "mergedIds": ["%s"]}""".formatted(zelda, duplicate))).hasStatusOk();
        assertThat(api.patch(token, "/api/v1/contacts/" + zelda, "\"1\"", "{\"title\": \"Flapper\"}")).hasStatusOk();

        assertThat(api.post(token, "/api/v1/contacts/" + zelda + "/erase", "")).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(api.get(token, "/api/v1/contacts/" + zelda)).hasStatus(HttpStatus.NOT_FOUND);
        var row = jdbc.sql("select first_name, last_name, erased_at is not null as erased, search_text from contacts where id = :id")
                .param("id", zelda).query().singleRow();
        assertThat(row.get("first_name") + " " + row.get("last_name")).isEqualTo(" Erased contact");
        assertThat(row.get("erased")).isEqualTo(true);
        assertThat(row.get("search_text")).isEqualTo("");
        assertNoPersonalData(text("select c::text from contacts c where c.id = :id", zelda));
        assertThat(count("select count(*) from contact_emails where contact_id = :id", zelda)).isZero();
        assertThat(count("select count(*) from contact_phones where contact_id = :id", zelda)).isZero();
        assertThat(count("select count(*) from contact_accounts where contact_id = :id and role is null", zelda))
                .as("the account link stays for the figures, without the role").isEqualTo(1);
        assertThat(count("select count(*) from consent_events where contact_id = :id", zelda))
                .as("consent history kept: opt-in, do-not-call, merge, withdrawal").isEqualTo(4);
        assertNoPersonalData(text("select string_agg(e::text, ' ') from consent_events e where e.contact_id = :id", zelda));
        String auditText = jdbc.sql("select string_agg(changes::text, ' ') from audit_events where record_id = any(:ids)")
                .param("ids", new UUID[] {zelda, duplicate}).query(String.class).single();
        assertNoPersonalData(auditText);
        assertThat(auditText).contains(AuditService.ERASED);
        List<AuditService.Entry> history = audit.history(ContactService.ref(zelda), 10);
        assertThat(history.getFirst().action()).isEqualTo(AuditService.Action.ERASE);
        assertThat(history.getFirst().actorId()).isEqualTo(rep.id());
        assertThat(history).extracting(AuditService.Entry::action).contains(AuditService.Action.MERGE,
                AuditService.Action.UPDATE, AuditService.Action.CREATE);
        assertThat(api.post(token, "/api/v1/contacts/" + zelda + "/erase", "")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAnAdminOrTheOwnerMayEraseOrExport() {
        UUID zelda = zelda();
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        String colleagueToken = api.token(colleague.email(), TestUsers.PASSWORD);
        assertThat(api.get(colleagueToken, "/api/v1/contacts/" + zelda)).hasStatusOk();
        assertThat(api.post(colleagueToken, "/api/v1/contacts/" + zelda + "/erase", "")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.get(colleagueToken, "/api/v1/contacts/" + zelda + "/personal-data")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/contacts/" + zelda + "/erase").with(csrf()).with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.FORBIDDEN);
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        assertThat(api.post(api.token(stranger.email(), TestUsers.PASSWORD), "/api/v1/contacts/" + zelda + "/erase", ""))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(count("select count(*) from contacts where id = :id and erased_at is null and version = 0", zelda))
                .isEqualTo(1);

        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        assertThat(mvc.post().uri("/contacts/" + zelda + "/erase").with(csrf()).with(TestUsers.signedIn(admin)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/contacts");
        assertThat(count("select count(*) from contacts where id = :id and erased_at is not null", zelda)).isEqualTo(1);
    }

    @Test
    void exportsEverythingHeldAboutTheContact() {
        UUID zelda = zelda();
        UUID duplicate = id(api.post(token, "/api/v1/contacts", "{\"lastName\": \"Sayre\"}"));
        api.post(token, "/api/v1/contacts/merge", "{\"survivorId\": \"%s\", \"mergedIds\": [\"%s\"]}".formatted(zelda, duplicate));
        CurrentUser partner = testUsers.create(Role.PARTNER, null);
        sharing.share(rep, ContactService.ref(zelda), partner.id());

        MvcTestResult result = api.get(token, "/api/v1/contacts/" + zelda + "/personal-data");

        assertThat(result).hasStatusOk();
        JsonNode data = api.read(result);
        assertThat(data.get("contact").get("emails").get(0).get("address").asString()).isEqualTo("zelda@jazz.example");
        assertThat(data.get("contact").get("address").get("city").asString()).isEqualTo("Montgomery");
        assertThat(data.get("accounts").get(0).get("name").asString()).isEqualTo("Jazz Age Ltd");
        assertThat(data.get("accounts").get(0).get("role").asString()).isEqualTo("Novelist");
        assertThat(data.get("consentHistory").get(0).get("kind").asString()).isEqualTo("MARKETING_OPT_IN");
        assertThat(data.get("sharedWith").get(0).get("userId").asString()).isEqualTo(partner.id().toString());
        assertThat(data.get("auditHistory").valueStream().map(e -> e.get("recordId").asString()))
                .contains(zelda.toString(), duplicate.toString());
        assertThat(data.get("exportedAt").isNull()).isFalse();
    }

    @Test
    void showsTheConsentHistoryToWhoeverSeesTheContact() {
        UUID zelda = zelda();
        api.patch(token, "/api/v1/contacts/" + zelda, "\"0\"", "{\"consent\": {\"marketingOptIn\": false, \"doNotEmail\": true}}");
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());

        JsonNode history = api.read(api.get(api.token(colleague.email(), TestUsers.PASSWORD),
                "/api/v1/contacts/" + zelda + "/consent-history"));

        assertThat(history.valueStream().map(e -> e.get("kind").asString() + ":" + e.get("granted").asBoolean()))
                .containsExactly("MARKETING_OPT_IN:true", "MARKETING_OPT_IN:false", "DO_NOT_EMAIL:true");
        assertThat(history.get(0).get("actorName").asString()).isNotBlank();
        assertThat(mvc.get().uri("/contacts/" + zelda + "/consent-history").with(TestUsers.signedIn(colleague)))
                .hasStatusOk().bodyText().contains("Marketing opt-in").contains("Do not email");
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        assertThat(api.get(api.token(stranger.email(), TestUsers.PASSWORD), "/api/v1/contacts/" + zelda + "/consent-history"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMalformedIdIsABadRequestNamingIt() {
        MvcTestResult result = api.post(token, "/api/v1/contacts/not-an-id/erase", "");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.read(result).get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(api.get(token, "/api/v1/contacts/" + UUID.randomUUID() + "/personal-data")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theContactPageFragmentOffersErasureToTheOwnerAndAdminsOnly() {
        UUID zelda = zelda();
        ContactView contact = contacts.get(rep, zelda);
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        CurrentUser admin = testUsers.create(Role.ADMIN, null);

        assertThat(renderPrivacy(rep, contact)).contains("action=\"/contacts/" + zelda + "/erase\"",
                "data-confirm=\"Erase the personal data of Zelda Fitzgerald?", "hx-get=\"/contacts/" + zelda + "/consent-history\"");
        assertThat(renderPrivacy(admin, contact)).contains("/contacts/" + zelda + "/erase");
        assertThat(renderPrivacy(colleague, contact)).doesNotContain("/erase").contains("/consent-history");
    }

    private String renderPrivacy(CurrentUser me, ContactView contact) {
        MockServletContext servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        return templates.process("customers/contact-privacy-host",
                new WebContext(exchange, Locale.ENGLISH, Map.of("me", me, "contact", contact)));
    }

    private UUID zelda() {
        return id(api.post(token, "/api/v1/contacts", """
                {"firstName": "Zelda", "lastName": "Fitzgerald", "title": "Novelist",
                 "emails": [{"address": "zelda@jazz.example"}], "phones": [{"number": "+14155552671"},
                 {"number": "+442079460958"}], "accountIds": ["%s"], "accountRoles": {"%s": "Novelist"},
                 "address": {"city": "Montgomery", "country": "US"}, "tags": ["flapper"],
                 "preferences": {"language": "en", "interests": ["writing", "charleston"]},
                 "consent": {"marketingOptIn": true, "marketingOptInSource": "form signed by zelda@jazz.example"}}
                """.formatted(account, account)));
    }

    private static void assertNoPersonalData(String text) {
        assertThat(text).isNotNull();
        for (String value : PERSONAL) {
            assertThat(text.toLowerCase()).as("no '%s' left", value).doesNotContain(value);
        }
    }

    private String text(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(String.class).single();
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }

    private UUID id(MvcTestResult created) {
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(api.read(created).get("id").asString());
    }
}
