package org.rapport.interactions;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Twilio's status callback: signed with the auth token of application-test.yml, mapped and logged once. */
@IntegrationTest
class TwilioStatusCallbackTest {

    static final String TOKEN = "test-twilio-auth-token";
    static final String URL = "http://localhost/telephony/twilio/status";

    @Autowired MockMvcTester mvc;
    @Autowired ApiClient api;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    String customerPhone;
    String contact;
    String repToken;
    String sid;

    @BeforeEach
    void aContact() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Twilio"));
        repToken = api.token(rep.email(), TestUsers.PASSWORD);
        customerPhone = TestPhones.customer();
        contact = api.read(api.post(repToken, "/api/v1/contacts", """
                {"firstName": "Don", "lastName": "Draper", "phones": [{"number": "%s"}]}
                """.formatted(customerPhone))).get("id").asString();
        sid = "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aCorrectlySignedCallbackIsLoggedOnceOnTheCallersContact() {
        Map<String, String> params = completed();
        String signature = sign(params);
        assertThat(post(params, signature)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(post(params, signature)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(calls()).isEqualTo(1);

        JsonNode call = api.read(api.get(repToken, "/api/v1/interactions?recordType=contact&recordId=" + contact))
                .get("items").get(0);
        assertThat(call.get("externalId").asString()).isEqualTo(sid);
        assertThat(call.get("outcome").asString()).isEqualTo("CONNECTED");
        assertThat(call.get("direction").asString()).isEqualTo("INBOUND");
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(42);
        assertThat(call.get("occurredAt").asString()).isEqualTo("2026-11-20T14:59:18Z");
        assertThat(call.get("recordingUrl").asString()).isEqualTo("https://api.twilio.com/recordings/RE1");
        assertThat(call.get("origin").get("region").asString()).contains("Chicago");
    }

    @Test
    void aBadSignatureIsForbiddenAndWritesNothing() {
        Map<String, String> params = completed();
        String signature = sign(params);
        assertThat(post(params, null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(params, "AAAA" + signature.substring(4))).hasStatus(HttpStatus.FORBIDDEN);
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("CallDuration", "4200");
        assertThat(post(tampered, signature)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(calls()).isZero();
    }

    @Test
    void statusesMapToOutcomesAndIntermediateOnesAreIgnored() {
        Map<String, String> ringing = completed();
        ringing.put("CallStatus", "ringing");
        ringing.remove("CallDuration");
        assertThat(post(ringing, sign(ringing))).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(calls()).isZero();

        Map<String, String> busy = completed();
        busy.put("CallStatus", "busy");
        busy.put("CallDuration", "0");
        busy.put("Direction", "outbound-api");
        busy.put("From", "+15005550006");
        busy.put("To", customerPhone);
        assertThat(post(busy, sign(busy))).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("select outcome || ' ' || direction from interactions where external_id = :sid")
                .param("sid", sid).query(String.class).single()).isEqualTo("BUSY OUTBOUND");
    }

    @Test
    void aSignedButMalformedCallbackIsABadRequest() {
        Map<String, String> params = completed();
        params.put("CallStatus", "exploded");
        assertThat(post(params, sign(params))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(calls()).isZero();
    }

    private Map<String, String> completed() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", sid);
        params.put("AccountSid", "AC0000");
        params.put("From", customerPhone);
        params.put("To", "+15005550006");
        params.put("Direction", "inbound");
        params.put("CallStatus", "completed");
        params.put("CallDuration", "42");
        params.put("RecordingUrl", "https://api.twilio.com/recordings/RE1");
        params.put("Timestamp", "Fri, 20 Nov 2026 15:00:00 +0000");
        return params;
    }

    private static String sign(Map<String, String> params) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        return TwilioSignature.sign(TOKEN, URL, multi);
    }

    private MvcTestResult post(Map<String, String> params, String signature) {
        var request = mvc.post().uri("/telephony/twilio/status").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        params.forEach(request::param);
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.exchange();
    }

    private int calls() {
        return jdbc.sql("select count(*) from interactions where source = 'TELEPHONY' and external_id = :sid")
                .param("sid", sid).query(Integer.class).single();
    }
}
