package org.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Importing leads: sources, assignment rules, scores, duplicates by the policy, bad rows per row, undo, wizard. */
@IntegrationTest
class LeadImportTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ImportTestSupport imports;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;

    CurrentUser rep;
    String token;
    String adminToken;
    String domain;

    @BeforeEach
    void signIn() {
        jdbc.sql("delete from lead_assignment_rules").update();
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Lead imports"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        adminToken = api.token("admin@test.rapport", "admin-test-password");
        domain = "l" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @AfterEach
    void noRulesLeft() {
        jdbc.sql("delete from lead_assignment_rules").update();
        jdbc.sql("delete from lead_scoring_rules where value = :d or (field = 'SOURCE' and value = 'IMPORT')")
                .param("d", domain).update();
    }

    @Test
    void importsLeadsPlacedByTheRulesAndScoredAndReportsBadRowsWithRowColumnAndReason() {
        UUID team = testUsers.department("Lead round robin");
        CurrentUser a = testUsers.create(Role.SALES_REP, team);
        CurrentUser b = testUsers.create(Role.SALES_REP, team);
        jdbc.sql("insert into lead_assignment_rules (position, kind, department_id) values (1, 'ROUND_ROBIN', :d)")
                .param("d", team).update();
        jdbc.sql("insert into lead_scoring_rules (kind, field, value, points) values ('FIELD', 'SOURCE', 'IMPORT', 10)")
                .update();
        jdbc.sql("insert into lead_scoring_rules (kind, field, value, points) values ('FIELD', 'EMAIL_DOMAIN', :d, 7)")
                .param("d", domain).update();
        ImportTestSupport.Phone phone = ImportTestSupport.phone();
        String csv = """
                First Name,Last Name,Company,Email,Phone,Lead Source,Country,Lead Owner Email
                Ada,Lovelace,Engines,ADA@%1$s,%2$s,,United Kingdom,
                Alan,Turing,,alan@%1$s,,Trade Show,,
                Grace,Hopper,Navy,grace@%1$s,,Carrier pigeon,,
                ,,Nameless Inc,nameless@%1$s,,,,
                Bad,Email,,not-an-email,,,,
                Owned,Lead,,owned@%1$s,,Referral,DE,%3$s
                Ghost,Owner,,ghost@%1$s,,,,nobody@nowhere.example
                """.formatted(domain, phone.typed(), rep.email());
        JsonNode job = imports.importAndWait(token, "leads.csv", csv, "entity", "leads");

        assertThat(job.get("entity").asString()).isEqualTo("leads");
        assertThat(job.get("counts").get("created").asInt()).isEqualTo(3);
        assertThat(job.get("counts").get("failed").asInt()).isEqualTo(4);
        assertThat(errors(job)).containsExactly(
                "4|Lead Source|Unknown source 'Carrier pigeon'; use one of [WEB_FORM, EMAIL, PHONE, IMPORT, API, REFERRAL, CAMPAIGN, OTHER]",
                "5|Last Name|Enter the last name",
                "6|Email|'not-an-email' is not a valid email address",
                "8|Lead Owner Email|No active internal user has the email 'nobody@nowhere.example'");

        JsonNode ada = lead("ada@" + domain);
        assertThat(ada.get("source").asString()).isEqualTo("IMPORT");
        assertThat(ada.get("company").asString()).isEqualTo("Engines");
        assertThat(ada.get("phone").asString()).isEqualTo(phone.e164());
        assertThat(ada.get("country").asString()).isEqualTo("GB");
        assertThat(ada.get("departmentId").asString()).isEqualTo(team.toString());
        assertThat(ada.get("score").asInt()).isEqualTo(17);
        JsonNode alan = lead("alan@" + domain);
        assertThat(alan.get("source").asString()).isEqualTo("CAMPAIGN");
        assertThat(alan.get("score").asInt()).isEqualTo(7);
        assertThat(List.of(ada.get("ownerId").asString(), alan.get("ownerId").asString()))
                .containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
        JsonNode owned = lead("owned@" + domain);
        assertThat(owned.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(owned.get("source").asString()).isEqualTo("REFERRAL");

        assertThat(jdbc.sql("select count(*) from audit_events where record_type = 'lead' and action = 'CREATE' and actor_id = :actor")
                .param("actor", rep.id()).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from notifications where user_id in (:a, :b) and kind = 'LEAD_ASSIGNED'")
                .param("a", a.id()).param("b", b.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void duplicatesOfOpenLeadsContactsAndEarlierRowsFollowThePolicy() {
        String known = "known@" + domain;
        String lead = api.read(api.post(token, "/api/v1/leads", """
                {"lastName": "Known", "email": "%s", "title": "Engineer", "ownerId": "%s"}
                """.formatted(known, rep.id()))).get("id").asString();
        String contact = api.read(api.post(token, "/api/v1/contacts",
                "{\"lastName\": \"Customer\", \"emails\": [{\"address\": \"customer@%s\"}]}".formatted(domain)))
                .get("id").asString();
        String csv = """
                Name,Email,Title
                Kim Known,%1$s,Manager
                Cy Customer,customer@%2$s,Buyer
                Nia New,new@%2$s,Analyst
                Nia New,new@%2$s,Director
                """.formatted(known, domain);

        JsonNode skip = imports.importAndWait(token, "dups.csv", csv, "entity", "leads", "policy", "skip");
        assertThat(skip.get("counts").get("created").asInt()).isEqualTo(1);
        assertThat(skip.get("counts").get("skipped").asInt()).isEqualTo(3);
        assertThat(api.read(api.get(token, "/api/v1/leads/" + lead)).get("title").asString()).isEqualTo("Engineer");

        JsonNode update = imports.importAndWait(token, "dups.csv", csv, "entity", "leads", "policy", "update");
        assertThat(update.get("counts").get("created").asInt()).isZero();
        assertThat(update.get("counts").get("updated").asInt()).isEqualTo(3);
        assertThat(update.get("counts").get("skipped").asInt()).isEqualTo(1);
        JsonNode updated = api.read(api.get(token, "/api/v1/leads/" + lead));
        assertThat(updated.get("title").asString()).isEqualTo("Manager");
        assertThat(updated.get("firstName").asString()).isEqualTo("Kim");
        assertThat(updated.get("source").asString()).isEqualTo("API");
        assertThat(lead("new@" + domain).get("title").asString()).isEqualTo("Director");
        assertThat(api.read(api.get(token, "/api/v1/contacts/" + contact)).get("title").isNull()).isTrue();
        assertThat(leadsWithEmail(known)).isEqualTo(1);
        assertThat(leadsWithEmail("customer@" + domain)).isZero();

        JsonNode create = imports.importAndWait(token, "dups.csv", csv, "entity", "leads", "policy", "create");
        assertThat(create.get("counts").get("created").asInt()).isEqualTo(4);
        assertThat(leadsWithEmail(known)).isEqualTo(2);
    }

    @Test
    void anOpenLeadTheImporterMayNotSeeIsNeverUpdated() {
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String hidden = "hidden@" + domain;
        String id = api.read(api.post(api.token(stranger.email(), TestUsers.PASSWORD), "/api/v1/leads",
                "{\"lastName\": \"Hidden\", \"email\": \"%s\", \"ownerId\": \"%s\"}".formatted(hidden, stranger.id())))
                .get("id").asString();
        JsonNode job = imports.importAndWait(token, "hidden.csv", "Last Name,Email,Title\nHidden,%s,Spy\n"
                .formatted(hidden), "entity", "leads", "policy", "update");
        assertThat(errors(job)).containsExactly("2|Email|An open lead with this email exists that you may not see");
        assertThat(api.read(api.get(adminToken, "/api/v1/leads/" + id)).get("title").isNull()).isTrue();
    }

    @Test
    void undoDeletesTheCreatedLeadsAndRestoresTheUpdatedOnes() {
        String known = "undo@" + domain;
        String lead = api.read(api.post(token, "/api/v1/leads", """
                {"lastName": "Before", "email": "%s", "title": "Engineer", "ownerId": "%s"}
                """.formatted(known, rep.id()))).get("id").asString();
        JsonNode job = imports.importAndWait(token, "undo.csv", """
                Last Name,Email,Title
                After,%s,Manager
                Fresh,fresh@%s,Analyst
                """.formatted(known, domain), "entity", "leads", "policy", "update");
        assertThat(job.get("counts").get("updated").asInt()).isEqualTo(1);
        assertThat(api.read(api.get(token, "/api/v1/leads/" + lead)).get("lastName").asString()).isEqualTo("After");

        String id = job.get("id").asString();
        assertThat(api.post(token, "/api/v1/imports/" + id + "/undo", "")).hasStatus(HttpStatus.ACCEPTED);
        JsonNode undone = imports.waitFor(token, id, "UNDONE");
        assertThat(undone.get("undo").get("deleted").asInt()).isEqualTo(1);
        assertThat(undone.get("undo").get("restored").asInt()).isEqualTo(1);
        JsonNode restored = api.read(api.get(token, "/api/v1/leads/" + lead));
        assertThat(restored.get("lastName").asString()).isEqualTo("Before");
        assertThat(restored.get("title").asString()).isEqualTo("Engineer");
        assertThat(leadsWithEmail("fresh@" + domain)).isZero();
    }

    @Test
    void roundRobinSpreadsAnImportOfManyChunksEvenlyWithoutLeadsInTheQueue() {
        UUID team = testUsers.department("Lead spread");
        List<CurrentUser> reps = List.of(testUsers.create(Role.SALES_REP, team),
                testUsers.create(Role.SALES_REP, team), testUsers.create(Role.SALES_REP, team));
        jdbc.sql("insert into lead_assignment_rules (position, kind, department_id) values (1, 'ROUND_ROBIN', :d)")
                .param("d", team).update();
        StringBuilder csv = new StringBuilder("Last Name,Email\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("Lead ").append(i).append(",lead").append(i).append('@').append(domain).append('\n');
        }
        JsonNode job = imports.importAndWait(token, "many.csv", csv.toString(), "entity", "leads");
        assertThat(job.get("counts").get("created").asInt()).isEqualTo(3_000);
        Map<UUID, Integer> perRep = new HashMap<>();
        jdbc.sql("select owner_id, count(*)::int from leads where email like :like group by owner_id")
                .param("like", "%@" + domain)
                .query((rs, n) -> perRep.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        assertThat(perRep).containsOnlyKeys(reps.stream().map(CurrentUser::id).toList());
        assertThat(perRep.values()).containsOnly(1_000);
    }

    @Test
    void theWizardImportsLeadsWithLeadFieldsGuessedFromTheHeader() throws Exception {
        String csv = """
                Full Name,Company Name,Email,Mobile,Lead Source
                Ada Lovelace,Engines,ada@%1$s,,Website
                Bad Source,Co,bad@%1$s,,Fax machine
                """.formatted(domain);
        MvcTestResult uploaded = mvc.post().uri("/imports").multipart()
                .file(new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("entity", "leads").with(csrf()).with(TestUsers.signedIn(rep)).exchange();
        assertThat(uploaded).hasStatus3xxRedirection();
        String page = uploaded.getResponse().getRedirectedUrl();
        String id = page.substring(page.lastIndexOf('/') + 1);
        String html = mvc.get().uri(page).with(TestUsers.signedIn(rep)).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Lead field", "open lead or a contact", "Create another lead anyway",
                "<option value=\"fullName\" selected=\"selected\"", "<option value=\"company\" selected=\"selected\"",
                "<option value=\"phone\" selected=\"selected\"", "<option value=\"source\" selected=\"selected\"",
                "created", "Lead Source: Unknown source &#39;Fax machine&#39;")
                .doesNotContain("accountName", "lifecycleStage");
        assertThat(leadsWithEmail("ada@" + domain)).isZero();

        assertThat(mvc.post().uri("/imports/" + id + "/start").with(csrf()).with(TestUsers.signedIn(rep))
                .param("column0", "fullName").param("column1", "company").param("column2", "email")
                .param("column4", "source").param("policy", "skip").exchange()).hasStatus3xxRedirection();
        JsonNode job = imports.waitFor(token, id, "COMPLETED");
        assertThat(job.get("counts").get("created").asInt()).isEqualTo(1);
        assertThat(lead("ada@" + domain).get("source").asString()).isEqualTo("WEB_FORM");
        assertThat(mvc.get().uri("/imports").with(TestUsers.signedIn(rep))).hasStatusOk().bodyText()
                .contains("Import contacts or leads", "value=\"leads\"");
    }

    private JsonNode lead(String email) {
        String id = jdbc.sql("select id from leads where email = :e").param("e", email).query(String.class).single();
        return api.read(api.get(adminToken, "/api/v1/leads/" + id));
    }

    private int leadsWithEmail(String email) {
        return jdbc.sql("select count(*) from leads where email = :e").param("e", email).query(Integer.class).single();
    }

    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("row").asInt() + "|" + e.get("column").asString() + "|"
                + e.get("reason").asString()));
        return errors;
    }
}
