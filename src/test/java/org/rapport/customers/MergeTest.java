package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Merging contacts and accounts: every related record moves to the survivor and the history stays reachable. */
@IntegrationTest
class MergeTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;
    @Autowired AuditService audit;
    @Autowired RecordSharingService sharing;

    CurrentUser rep;
    String token;

    @BeforeEach
    void signIn() {
        jdbc.sql("update org_settings set visibility_scope = 'DEPARTMENT'").update();
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Merge"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void mergesContactsKeepingEveryRelatedRecordAndTheMergedHistory() {
        UUID globex = account("Globex");
        UUID initech = account("Initech");
        UUID survivor = contact("""
                {"firstName": "Ada", "lastName": "Lovelace", "emails": [{"address": "ada@globex.example"}],
                 "phones": [{"number": "+14155552671"}], "accountIds": ["%s"], "tags": ["vip"],
                 "relationshipTypes": ["CUSTOMER"]}
                """.formatted(globex));
        UUID merged = contact("""
                {"firstName": "Ada", "lastName": "King", "title": "CTO",
                 "emails": [{"address": "ada@home.example"}, {"address": "ADA@globex.example", "primary": true}],
                 "phones": [{"number": "+442079460958"}], "accountIds": ["%s", "%s"],
                 "accountRoles": {"%s": "Decision maker"}, "tags": ["vip", "2026"], "relationshipTypes": ["PARTNER"],
                 "consent": {"marketingOptIn": true, "doNotEmail": true}}
                """.formatted(globex, initech, globex));
        assertThat(api.patch(token, "/api/v1/contacts/" + merged, "\"0\"", "{\"title\": \"Countess\"}")).hasStatusOk();
        CurrentUser partner = testUsers.create(Role.PARTNER, null);
        sharing.share(rep, ContactService.ref(merged), partner.id());

        MvcTestResult result = merge("contacts", null, """
                {"survivorId": "%s", "mergedIds": ["%s"], "fields": {"lastName": "%s"}}
                """.formatted(survivor, merged, merged));

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        JsonNode c = api.read(result);
        assertThat(c.get("id").asString()).isEqualTo(survivor.toString());
        assertThat(c.get("lastName").asString()).isEqualTo("King");
        assertThat(c.get("firstName").asString()).isEqualTo("Ada");
        assertThat(c.get("title").asString()).isEqualTo("Countess");
        assertThat(c.get("emails").valueStream().map(e -> e.get("address").asString()))
                .containsExactly("ada@globex.example", "ada@home.example");
        assertThat(c.get("emails").get(0).get("primary").asBoolean()).isTrue();
        assertThat(c.get("emails").get(1).get("primary").asBoolean()).isFalse();
        assertThat(c.get("phones").valueStream().map(p -> p.get("number").asString()))
                .containsExactly("+14155552671", "+442079460958");
        assertThat(c.get("accountIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(globex.toString(), initech.toString());
        assertThat(c.get("accountRoles").get(globex.toString()).asString()).isEqualTo("Decision maker");
        assertThat(c.get("tags").valueStream().map(JsonNode::asString)).containsExactly("vip", "2026");
        assertThat(c.get("relationshipTypes").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("CUSTOMER", "PARTNER");
        assertThat(c.get("consent").get("doNotEmail").asBoolean()).as("a do-not-email stays").isTrue();
        assertThat(c.get("consent").get("marketingOptIn").asBoolean()).as("the survivor's opt-in").isFalse();

        assertThat(api.get(token, "/api/v1/contacts/" + merged)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(count("select count(*) from contacts where id = :id", merged)).isZero();
        assertThat(count("select count(*) from contact_emails where contact_id = :id", survivor)).isEqualTo(2);
        assertThat(count("select count(*) from consent_events where contact_id = :id", merged)).isZero();
        assertThat(jdbc.sql("select kind || ':' || granted || ':' || coalesce(source, '') from consent_events"
                        + " where contact_id = :id order by id").param("id", survivor).query(String.class).list())
                .containsExactly("MARKETING_OPT_IN:true:manual", "DO_NOT_EMAIL:true:manual", "DO_NOT_EMAIL:true:merge");
        assertThat(sharing.sharedWith(ContactService.ref(survivor))).extracting(u -> u.id()).containsExactly(partner.id());
        assertThat(sharing.sharedWith(ContactService.ref(merged))).isEmpty();

        List<AuditService.Entry> own = audit.history(ContactService.ref(survivor), 10);
        assertThat(own.getFirst().action()).isEqualTo(AuditService.Action.MERGE);
        assertThat(own.getFirst().actorId()).isEqualTo(rep.id());
        assertThat(own.getFirst().changes().get(AuditService.MERGED_IDS).newValue()).isEqualTo(List.of(merged.toString()));
        assertThat(own.getFirst().changes().get("lastName")).isEqualTo(new AuditService.Change("Lovelace", "King"));
        assertThat(audit.history(ContactService.ref(merged), 10)).extracting(AuditService.Entry::action)
                .containsExactly(AuditService.Action.MERGE, AuditService.Action.UPDATE, AuditService.Action.CREATE);
        List<AuditService.Entry> all = audit.historyWithMerged(ContactService.ref(survivor), 50);
        assertThat(all).filteredOn(e -> e.recordId().equals(merged)).extracting(AuditService.Entry::action)
                .containsExactly(AuditService.Action.MERGE, AuditService.Action.UPDATE, AuditService.Action.CREATE);
        assertThat(all).filteredOn(e -> e.recordId().equals(survivor)).hasSize(2);
    }

    @Test
    void mergesThreeContactsAndFollowsEarlierMergesInTheHistory() {
        UUID a = contact("{\"firstName\": \"Bo\", \"lastName\": \"Diddley\"}");
        UUID b = contact("{\"lastName\": \"Diddley\", \"title\": \"Guitarist\", \"emails\": [{\"address\": \"bo@example.com\"}]}");
        UUID c = contact("{\"lastName\": \"Diddly\", \"phones\": [{\"number\": \"+14155552672\"}]}");
        assertThat(merge("contacts", null, body(a, b))).hasStatusOk();
        UUID d = contact("{\"lastName\": \"Diddley\", \"source\": \"Trade show\"}");
        MvcTestResult second = merge("contacts", null, """
                {"survivorId": "%s", "mergedIds": ["%s", "%s"], "fields": {"title": "%s"}}
                """.formatted(d, a, c, d));
        assertThat(second).hasStatusOk();
        JsonNode merged = api.read(second);
        assertThat(merged.get("firstName").asString()).as("filled from a merged record").isEqualTo("Bo");
        assertThat(merged.get("title").isNull()).as("chosen from the survivor, even though empty").isTrue();
        assertThat(merged.get("source").asString()).isEqualTo("Trade show");
        assertThat(merged.get("emails").get(0).get("primary").asBoolean()).isTrue();
        assertThat(merged.get("phones").size()).isEqualTo(1);
        assertThat(audit.withMerged(ContactService.ref(d))).containsExactlyInAnyOrder(a, b, c, d);
        assertThat(audit.historyWithMerged(ContactService.ref(d), 50)).extracting(AuditService.Entry::recordId)
                .contains(b);
    }

    @Test
    void mergesAccountsMovingContactsChildAccountsAndShares() {
        UUID survivor = account("Umbrella");
        UUID merged = id(api.post(token, "/api/v1/accounts",
                "{\"name\":\"Umbrella Corporation\",\"domain\":\"umbrella.example\",\"industry\":\"Pharma\"}"));
        UUID child = account("Umbrella Labs");
        jdbc.sql("update accounts set parent_account_id = :parent, tags = '{bio}' where id = :id")
                .param("parent", merged).param("id", child).update();
        jdbc.sql("update accounts set tags = '{big}', employees = 5000 where id = :id").param("id", merged).update();
        UUID employee = contact("{\"lastName\": \"Wesker\", \"accountIds\": [\"%s\"], \"accountRoles\": {\"%s\": \"CEO\"}}"
                .formatted(merged, merged));
        CurrentUser partner = testUsers.create(Role.PARTNER, null);
        sharing.share(rep, AccountService.ref(merged), partner.id());

        MvcTestResult result = merge("accounts", "\"0\"", """
                {"survivorId": "%s", "mergedIds": ["%s"], "fields": {"name": "%s"}}
                """.formatted(survivor, merged, merged));

        assertThat(result).hasStatusOk();
        JsonNode a = api.read(result);
        assertThat(a.get("name").asString()).isEqualTo("Umbrella Corporation");
        assertThat(a.get("domain").asString()).isEqualTo("umbrella.example");
        assertThat(a.get("industry").asString()).isEqualTo("Pharma");
        assertThat(a.get("version").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select employees from accounts where id = :id").param("id", survivor)
                .query(Integer.class).single()).isEqualTo(5000);
        assertThat(jdbc.sql("select parent_account_id from accounts where id = :id").param("id", child)
                .query(UUID.class).single()).isEqualTo(survivor);
        JsonNode contact = api.read(api.get(token, "/api/v1/contacts/" + employee));
        assertThat(contact.get("accountIds").valueStream().map(JsonNode::asString)).containsExactly(survivor.toString());
        assertThat(contact.get("accountRoles").get(survivor.toString()).asString()).isEqualTo("CEO");
        assertThat(sharing.sharedWith(AccountService.ref(survivor))).extracting(u -> u.id()).containsExactly(partner.id());
        assertThat(count("select count(*) from accounts where id = :id", merged)).isZero();
        assertThat(audit.history(AccountService.ref(survivor), 5).getFirst().changes())
                .containsKeys(AuditService.MERGED_IDS, "name", "domain", "employees");
        assertThat(audit.history(AccountService.ref(merged), 5)).extracting(AuditService.Entry::action)
                .containsExactly(AuditService.Action.MERGE, AuditService.Action.CREATE);
        assertThat(audit.history(ContactService.ref(employee), 5).getFirst().changes()).containsOnlyKeys("accountIds");
    }

    @Test
    void aSalesRepCannotMergeRecordsOutsideItsVisibility() {
        UUID own = contact("{\"lastName\": \"Mine\"}");
        UUID ownAccount = account("Mine Inc");
        CurrentUser other = testUsers.create(Role.SALES_REP, testUsers.department("Other"));
        String otherToken = api.token(other.email(), TestUsers.PASSWORD);
        UUID foreign = id(api.post(otherToken, "/api/v1/contacts", "{\"lastName\": \"Theirs\"}"));
        UUID foreignAccount = id(api.post(otherToken, "/api/v1/accounts", "{\"name\": \"Theirs Inc\"}"));

        assertThat(merge("contacts", null, body(own, foreign))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(merge("contacts", null, body(foreign, own))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(merge("accounts", null, body(ownAccount, foreignAccount))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(count("select count(*) from contacts where id = :id and version = 0", foreign)).isEqualTo(1);
        assertThat(count("select count(*) from contacts where id = :id and version = 0", own)).isEqualTo(1);
        assertThat(count("select count(*) from accounts where id = :id", foreignAccount)).isEqualTo(1);
        assertThat(count("select count(*) from audit_events where record_id = :id and action = 'MERGE'", own)).isZero();
    }

    @Test
    void aStaleIfMatchIsAConflict() {
        UUID a = contact("{\"lastName\": \"Stale\"}");
        UUID b = contact("{\"lastName\": \"Staler\"}");
        api.patch(token, "/api/v1/contacts/" + a, "\"0\"", "{\"title\": \"Changed\"}");
        assertThat(merge("contacts", "\"0\"", body(a, b))).hasStatus(HttpStatus.CONFLICT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("select count(*) from contacts where id = :id", b)).isEqualTo(1);
        assertThat(merge("contacts", "\"1\"", body(a, b))).hasStatusOk();
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsWritten() {
        UUID a = contact("{\"lastName\": \"Valid\", \"title\": \"Keep\"}");
        UUID b = contact("{\"lastName\": \"Valider\"}");
        assertRejected("contacts", null, "{\"mergedIds\": [\"%s\"]}".formatted(b), "survivorId");
        assertRejected("contacts", null, "{\"survivorId\": \"%s\", \"mergedIds\": []}".formatted(a), "mergedIds");
        assertRejected("contacts", null, "{\"survivorId\": \"%s\"}".formatted(a), "mergedIds");
        assertRejected("contacts", null, "{\"survivorId\": \"%s\", \"mergedIds\": [\"%s\"]}".formatted(a, a), "mergedIds[0]");
        assertRejected("contacts", null, "{\"survivorId\": \"not-an-id\", \"mergedIds\": [\"%s\"]}".formatted(b), "survivorId");
        assertRejected("contacts", null, """
                {"survivorId": "%s", "mergedIds": ["%s"], "fields": {"shoeSize": "%s"}}""".formatted(a, b, b),
                "fields.shoeSize");
        assertRejected("contacts", null, """
                {"survivorId": "%s", "mergedIds": ["%s"], "fields": {"title": "%s"}}""".formatted(a, b, UUID.randomUUID()),
                "fields.title");
        assertRejected("contacts", null, """
                {"survivorId": "%s", "mergedIds": ["%s"], "nickname": "x"}""".formatted(a, b), "nickname");
        assertRejected("contacts", "abc", body(a, b), "If-Match");
        UUID nameless = contact("{\"firstName\": \"Only\"}");
        UUID lastOnly = contact("{\"lastName\": \"Last\"}");
        assertRejected("contacts", null, """
                {"survivorId": "%s", "mergedIds": ["%s"], "fields": {"firstName": "%s", "lastName": "%s"}}"""
                .formatted(nameless, lastOnly, lastOnly, nameless), "fields.lastName");

        UUID parent = account("Parent");
        UUID child = account("Child");
        jdbc.sql("update accounts set parent_account_id = :parent where id = :child")
                .param("parent", parent).param("child", child).update();
        UUID grandchild = account("Grandchild");
        jdbc.sql("update accounts set parent_account_id = :parent where id = :child")
                .param("parent", child).param("child", grandchild).update();
        UUID other = account("Other");
        jdbc.sql("update accounts set parent_account_id = :parent where id = :child")
                .param("parent", grandchild).param("child", other).update();
        assertRejected("accounts", null, """
                {"survivorId": "%s", "mergedIds": ["%s"], "fields": {"parentAccountId": "%s"}}"""
                .formatted(parent, other, other), "fields.parentAccountId");
        assertThat(count("select count(*) from accounts where id = :id and version = 0", parent)).isEqualTo(1);
        assertThat(count("select count(*) from accounts where id = :id", other)).isEqualTo(1);

        assertThat(count("select count(*) from contacts where id = :id and version = 0 and title = 'Keep'", a)).isEqualTo(1);
        assertThat(count("select count(*) from contacts where id = :id", b)).isEqualTo(1);
        assertThat(count("select count(*) from audit_events where action = 'MERGE' and record_id = :id", a)).isZero();
    }

    @Test
    void aReadOnlyUserCannotMerge() {
        UUID a = contact("{\"lastName\": \"Read\"}");
        UUID b = contact("{\"lastName\": \"Only\"}");
        CurrentUser reader = testUsers.create(Role.READ_ONLY, rep.departmentId());
        assertThat(mvc.post().uri("/api/v1/contacts/merge")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(reader.email(), TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body(a, b)).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(count("select count(*) from contacts where id = :id", b)).isEqualTo(1);
    }

    private void assertRejected(String type, String ifMatch, String body, String field) {
        MvcTestResult result = merge(type, ifMatch, body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.read(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private MvcTestResult merge(String type, String ifMatch, String body) {
        var request = mvc.post().uri("/api/v1/" + type + "/merge").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    private static String body(UUID survivor, UUID merged) {
        return "{\"survivorId\": \"%s\", \"mergedIds\": [\"%s\"]}".formatted(survivor, merged);
    }

    private UUID account(String name) {
        return id(api.post(token, "/api/v1/accounts", "{\"name\": \"" + name + "\"}"));
    }

    private UUID contact(String json) {
        MvcTestResult created = api.post(token, "/api/v1/contacts", json);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return id(created);
    }

    private UUID id(MvcTestResult created) {
        return UUID.fromString(api.read(created).get("id").asString());
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }
}
