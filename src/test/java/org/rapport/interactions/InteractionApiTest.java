package org.rapport.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.notifications.NotificationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** The interactions API: timelines of contacts and their accounts, origin, visibility, validation, idempotency. */
@IntegrationTest
class InteractionApiTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;
    @Autowired NotificationService notifications;

    CurrentUser rep;
    String token;
    String account;
    String contact;

    @BeforeEach
    void aContactAtAnAccount() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Timeline"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        account = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Initech\"}")).get("id").asString();
        contact = api.read(api.post(token, "/api/v1/contacts", """
                {"firstName": "Peter", "lastName": "Gibbons", "accountIds": ["%s"],
                 "phones": [{"number": "+1 312 555 0147"}]}
                """.formatted(account))).get("id").asString();
    }

    @Test
    void aCallOnAContactShowsOnItsTimelineAndItsAccountsWithTheCallersOrigin() {
        MvcTestResult created = api.post(token, "/api/v1/interactions", """
                {"type": "CALL", "direction": "INBOUND", "occurredAt": "2026-11-20T15:00:00Z", "durationSeconds": 240,
                 "outcome": "CONNECTED", "subject": "Asked about TPS reports", "from": "+13125550147",
                 "contactIds": ["%s"]}
                """.formatted(contact));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode call = api.read(created);
        assertThat(call.get("origin").get("country").asString()).isEqualTo("US");
        assertThat(call.get("origin").get("region").asString()).contains("Chicago");
        assertThat(call.get("ownerId").asString()).isEqualTo(rep.id().toString());

        for (String record : new String[] {"contact&recordId=" + contact, "account&recordId=" + account}) {
            JsonNode timeline = api.read(api.get(token, "/api/v1/interactions?recordType=" + record));
            assertThat(timeline.get("items")).hasSize(1);
            assertThat(timeline.get("items").get(0).get("subject").asString()).isEqualTo("Asked about TPS reports");
        }
    }

    @Test
    void timelineIsNewestFirstFilteredByTypeAndPagedByCursor() {
        for (int day = 1; day <= 3; day++) {
            api.post(token, "/api/v1/interactions", """
                    {"type": "NOTE", "occurredAt": "2026-11-0%dT10:00:00Z", "body": "note %d", "contactIds": ["%s"]}
                    """.formatted(day, day, contact));
        }
        api.post(token, "/api/v1/interactions", """
                {"type": "MEETING", "occurredAt": "2026-11-05T10:00:00Z", "subject": "Demo", "contactIds": ["%s"]}
                """.formatted(contact));
        JsonNode first = api.read(api.get(token, "/api/v1/interactions?type=NOTE&limit=2&recordType=contact&recordId="
                + contact));
        assertThat(first.get("items").get(0).get("body").asString()).isEqualTo("note 3");
        assertThat(first.get("items").get(1).get("body").asString()).isEqualTo("note 2");
        JsonNode second = api.read(api.get(token, "/api/v1/interactions?type=NOTE&limit=2&recordType=contact&recordId="
                + contact + "&cursor=" + first.get("nextCursor").asString()));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("body").asString()).isEqualTo("note 1");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theSameExternalIdTwiceLogsOneInteraction() {
        String chat = """
                {"type": "CHAT", "direction": "INBOUND", "body": "Hi, is my order shipped?", "externalId": "chat-%s",
                 "contactIds": ["%s"]}
                """.formatted(contact, contact);
        assertThat(api.post(token, "/api/v1/interactions", chat)).hasStatus(HttpStatus.CREATED);
        assertThat(api.post(token, "/api/v1/interactions", chat)).hasStatus(HttpStatus.OK);
        assertThat(jdbc.sql("select count(*) from interactions where external_id = :e").param("e", "chat-" + contact)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsWritten() {
        int before = count();
        assertField(api.post(token, "/api/v1/interactions", "{\"type\": \"FAX\"}"), "type");
        assertField(api.post(token, "/api/v1/interactions", "{\"type\": \"NOTE\", \"body\": \"x\", \"mood\": 1}"), "mood");
        assertField(api.post(token, "/api/v1/interactions", "{\"type\": \"NOTE\", \"body\": \"x\", \"occurredAt\": \"yesterday\"}"), "occurredAt");
        assertField(api.post(token, "/api/v1/interactions", "{\"type\": \"NOTE\", \"outcome\": \"CONNECTED\", \"body\": \"x\"}"), "outcome");
        assertField(api.post(token, "/api/v1/interactions", "{\"type\": \"CALL\", \"durationSeconds\": -5, \"direction\": \"OUTBOUND\"}"), "durationSeconds");
        assertField(api.post(token, "/api/v1/interactions", "{\"type\": \"NOTE\", \"body\": \"x\", \"contactIds\": [\"%s\"]}"
                .formatted(java.util.UUID.randomUUID())), "contactIds");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aRepOfAnotherDepartmentSeesNeitherTheTimelineNorTheInteraction() {
        String id = api.read(api.post(token, "/api/v1/interactions", """
                {"type": "NOTE", "body": "Confidential pricing", "contactIds": ["%s"]}
                """.formatted(contact))).get("id").asString();
        CurrentUser other = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String otherToken = api.token(other.email(), TestUsers.PASSWORD);
        assertThat(api.get(otherToken, "/api/v1/interactions/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(otherToken, "/api/v1/interactions?recordType=contact&recordId=" + contact))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.text(api.get(otherToken, "/api/v1/interactions?limit=200"))).doesNotContain(id);
        assertThat(api.post(otherToken, "/api/v1/interactions", """
                {"type": "NOTE", "body": "sneaky", "contactIds": ["%s"]}
                """.formatted(contact))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(otherToken, "/api/v1/interactions/" + id, "\"0\"", "{\"body\": \"changed\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void patchNeedsTheCurrentVersion() {
        JsonNode note = api.read(api.post(token, "/api/v1/interactions", """
                {"type": "NOTE", "body": "first draft", "contactIds": ["%s"]}
                """.formatted(contact)));
        String uri = "/api/v1/interactions/" + note.get("id").asString();
        assertThat(api.patch(token, uri, null, "{\"body\": \"x\"}")).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(api.patch(token, uri, "\"0\"", "{\"body\": \"second draft\"}")).hasStatusOk();
        assertThat(api.patch(token, uri, "\"0\"", "{\"body\": \"stale\"}")).hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(api.read(api.get(token, uri)).get("body").asString()).isEqualTo("second draft");
    }

    @Test
    void aMentionNotifiesTheColleague() {
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        String handle = colleague.email().substring(0, colleague.email().indexOf('@'));
        api.post(token, "/api/v1/interactions", """
                {"type": "NOTE", "body": "@%s can you call Peter back?", "contactIds": ["%s"]}
                """.formatted(handle, contact));
        assertThat(notifications.recent(colleague, true, 5)).singleElement()
                .satisfies(n -> assertThat(n.link()).isEqualTo("/contacts/" + contact));
    }

    private void assertField(MvcTestResult result, String field) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.text(result)).contains("\"field\":\"" + field + "\"");
    }

    private int count() {
        return jdbc.sql("select count(*) from interactions").query(Integer.class).single();
    }
}
