package org.rapport.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** The phone system's call API: matching numbers to contacts and reps, idempotency, bad input, triage. */
@IntegrationTest
@RecordApplicationEvents
class TelephonyApiTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    CurrentUser admin;
    CurrentUser rep;
    String adminToken;
    String repToken;
    String repPhone;
    String customerPhone;
    String contact;

    @BeforeEach
    void aRepWithADirectLineAndAContact() {
        admin = testUsers.create(Role.ADMIN, null);
        adminToken = api.token(admin.email(), TestUsers.PASSWORD);
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Phones"));
        repToken = api.token(rep.email(), TestUsers.PASSWORD);
        repPhone = TestPhones.rep();
        assertThat(mvc.post().uri("/admin/users/" + rep.id()).with(csrf()).with(TestUsers.signedIn(admin))
                .param("email", rep.email()).param("name", "Rita Rep").param("role", "SALES_REP")
                .param("departmentId", rep.departmentId().toString()).param("active", "true")
                .param("version", "0").param("phone", "(773) " + repPhone.substring(5, 8) + "-" + repPhone.substring(8)))
                .hasStatus3xxRedirection();
        customerPhone = TestPhones.customer();
        contact = api.read(api.post(repToken, "/api/v1/contacts", """
                {"firstName": "Peggy", "lastName": "Olson", "phones": [{"number": "%s"}]}
                """.formatted(customerPhone))).get("id").asString();
    }

    @Test
    void aCallFromAKnownNumberLandsOnTheContactCreditedToTheRepWithItsOrigin() {
        MvcTestResult logged = api.post(adminToken, "/api/v1/telephony/calls", call("INBOUND", customerPhone,
                "+1 773 " + repPhone.substring(5), "CONNECTED", "pbx-" + contact));
        assertThat(logged).hasStatus(HttpStatus.CREATED);
        JsonNode timeline = api.read(api.get(repToken, "/api/v1/interactions?recordType=contact&recordId=" + contact));
        assertThat(timeline.get("items")).hasSize(1);
        JsonNode call = timeline.get("items").get(0);
        assertThat(call.get("type").asString()).isEqualTo("CALL");
        assertThat(call.get("source").asString()).isEqualTo("TELEPHONY");
        assertThat(call.get("fromAddress").asString()).isEqualTo(customerPhone);
        assertThat(call.get("toAddress").asString()).isEqualTo(repPhone);
        assertThat(call.get("origin").get("country").asString()).isEqualTo("US");
        assertThat(call.get("origin").get("region").asString()).contains("Chicago");
        assertThat(call.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(call.get("userIds").get(0).asString()).isEqualTo(rep.id().toString());
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(call.get("outcome").asString()).isEqualTo("CONNECTED");
    }

    @Test
    void aUsersDirectNumberMustBeValidAndTheirOwn() {
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        for (String phone : new String[] {"12", repPhone}) {
            assertThat(mvc.post().uri("/admin/users/" + colleague.id()).with(csrf()).with(TestUsers.signedIn(admin))
                    .param("email", colleague.email()).param("name", "Colin").param("role", "SALES_REP")
                    .param("active", "true").param("version", "0").param("phone", phone))
                    .hasStatusOk().bodyText().contains("id=\"phone-error\"");
        }
        assertThat(jdbc.sql("select phone from users where id = :id").param("id", colleague.id())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void anOutboundCallMatchesTheCalledContact() {
        assertThat(api.post(adminToken, "/api/v1/telephony/calls", call("OUTBOUND", repPhone, customerPhone,
                "VOICEMAIL", "out-" + contact))).hasStatus(HttpStatus.CREATED);
        JsonNode call = api.read(api.get(repToken, "/api/v1/interactions?recordType=contact&recordId=" + contact))
                .get("items").get(0);
        assertThat(call.get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(call.get("ownerId").asString()).isEqualTo(rep.id().toString());
    }

    @Test
    void theSameExternalIdTwiceLogsOneCall() {
        String body = call("INBOUND", customerPhone, repPhone, "CONNECTED", "twice-" + contact);
        MvcTestResult first = api.post(adminToken, "/api/v1/telephony/calls", body);
        MvcTestResult second = api.post(adminToken, "/api/v1/telephony/calls", body);
        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(second).hasStatus(HttpStatus.OK);
        assertThat(api.read(second).get("id").asString()).isEqualTo(api.read(first).get("id").asString());
        assertThat(jdbc.sql("select count(*) from interactions where source = 'TELEPHONY' and external_id = :e")
                .param("e", "twice-" + contact).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void malformedCallsAreRejectedNamingTheFieldAndNothingIsWritten() {
        int before = telephonyCalls();
        String good = call("INBOUND", customerPhone, repPhone, "CONNECTED", "bad-" + contact);
        assertField(good.replace("\"from\": \"" + customerPhone + "\"", "\"from\": \"12\""), "from");
        assertField(good.replace("\"to\": \"" + repPhone + "\"", "\"to\": \"call me\""), "to");
        assertField(good.replace("\"externalId\": \"bad-" + contact + "\"", "\"externalId\": \" \""), "externalId");
        assertField(good.replace(", \"externalId\": \"bad-" + contact + "\"", ""), "externalId");
        assertField(good.replace("INBOUND", "SIDEWAYS"), "direction");
        assertField(good.replace("CONNECTED", "HUNG_UP"), "outcome");
        assertField(good.replace("\"startedAt\": \"2026-11-20T15:00:00Z\"", "\"startedAt\": \"yesterday\""),
                "startedAt");
        assertField(good.replace("\"durationSeconds\": 95", "\"durationSeconds\": -1"), "durationSeconds");
        assertField(good.replace("\"durationSeconds\": 95", "\"durationSeconds\": 95, \"mood\": \"happy\""), "mood");
        assertField(good.replace("}", ", \"recordingUrl\": \"ftp://x\"}"), "recordingUrl");
        assertThat(telephonyCalls()).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorsTokenLogsCalls() {
        assertThat(api.post(repToken, "/api/v1/telephony/calls",
                call("INBOUND", customerPhone, repPhone, "CONNECTED", "rep-" + contact)))
                .hasStatus(HttpStatus.FORBIDDEN);
        String readOnly = api.token(admin.email(), TestUsers.PASSWORD, "read");
        assertThat(api.post(readOnly, "/api/v1/telephony/calls",
                call("INBOUND", customerPhone, repPhone, "CONNECTED", "ro-" + contact)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anUnmatchedCallIsKeptListedForTriageAnnouncedAndCanBeAttached(ApplicationEvents events) throws Exception {
        String stranger = TestPhones.customer();
        JsonNode logged = api.read(api.post(adminToken, "/api/v1/telephony/calls",
                call("INBOUND", stranger, repPhone, "NO_ANSWER", "stranger-" + contact)));
        String id = logged.get("id").asString();
        assertThat(logged.get("contactIds")).isEmpty();
        assertThat(events.stream(UnmatchedCallReceived.class))
                .contains(new UnmatchedCallReceived(java.util.UUID.fromString(id), stranger));

        JsonNode list = api.read(api.get(repToken, "/api/v1/telephony/unmatched?limit=200"));
        assertThat(list.get("items").valueStream().map(c -> c.get("interactionId").asString())).contains(id);
        String other = api.token(testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere")).email(),
                TestUsers.PASSWORD);
        assertThat(ApiClient.text(api.get(other, "/api/v1/telephony/unmatched?limit=200"))).doesNotContain(id);

        MvcTestResult page = mvc.get().uri("/calls/unmatched").with(TestUsers.signedIn(rep)).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("call-" + id, "+1 312-" + stranger.substring(5, 8));
        assertThat(mvc.get().uri("/calls/unmatched/" + id + "/contacts?q=Olson").header("HX-Request", "true")
                .with(TestUsers.signedIn(rep))).hasStatusOk().bodyText().contains(contact, "Attach");

        assertThat(mvc.post().uri("/calls/unmatched/" + id + "/attach").param("contactId", contact).with(csrf())
                .with(TestUsers.signedIn(rep))).hasStatus3xxRedirection();
        JsonNode timeline = api.read(api.get(repToken, "/api/v1/interactions?recordType=contact&recordId=" + contact));
        assertThat(timeline.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(ApiClient.text(api.get(repToken, "/api/v1/telephony/unmatched?limit=200"))).doesNotContain(id);
    }

    @Test
    void anUnmatchedCallCanBeDismissed() {
        String id = api.read(api.post(adminToken, "/api/v1/telephony/calls",
                call("INBOUND", TestPhones.customer(), repPhone, "BUSY", "dismiss-" + contact))).get("id").asString();
        assertThat(api.post(repToken, "/api/v1/telephony/unmatched/" + id + "/dismiss", "")).hasStatus(
                HttpStatus.NO_CONTENT);
        assertThat(ApiClient.text(api.get(repToken, "/api/v1/telephony/unmatched?limit=200"))).doesNotContain(id);
        assertThat(api.post(repToken, "/api/v1/telephony/unmatched/" + id + "/dismiss", "")).hasStatus(
                HttpStatus.CONFLICT);
        assertThat(api.get(repToken, "/api/v1/interactions/" + id)).hasStatusOk();
    }

    private void assertField(String body, String field) {
        MvcTestResult result = api.post(adminToken, "/api/v1/telephony/calls", body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.read(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private int telephonyCalls() {
        return jdbc.sql("select count(*) from interactions where source = 'TELEPHONY'").query(Integer.class).single();
    }

    private static String call(String direction, String from, String to, String outcome, String externalId) {
        return """
                {"from": "%s", "to": "%s", "direction": "%s", "startedAt": "2026-11-20T15:00:00Z",
                 "durationSeconds": 95, "outcome": "%s", "externalId": "%s"}
                """.formatted(from, to, direction, outcome, externalId);
    }
}
