package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The accounts API end to end, and how every kind of bad input is answered: 4xx problem+json, nothing written. */
@IntegrationTest
class AccountApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;

    @BeforeEach
    void signIn() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Api"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void createsReadsPatchesAndDeletesAnAccount() {
        MvcTestResult created = api.post(token, "/api/v1/accounts",
                "{\"name\":\"Acme Rockets\",\"domain\":\"https://Acme.example/about\",\"industry\":\"Aerospace\"}");
        assertThat(created).hasStatus(HttpStatus.CREATED).headers().containsHeader(HttpHeaders.LOCATION);
        var account = api.read(created);
        String id = account.get("id").asString();
        assertThat(account.get("domain").asString()).isEqualTo("acme.example");
        assertThat(account.get("ownerId").asString()).isEqualTo(rep.id().toString());

        MvcTestResult read = api.get(token, "/api/v1/accounts/" + id);
        assertThat(read).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"0\"");

        assertThat(api.patch(token, "/api/v1/accounts/" + id, null, "{\"name\":\"Acme\"}"))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(api.patch(token, "/api/v1/accounts/" + id, "\"7\"", "{\"name\":\"Acme\"}"))
                .hasStatus(HttpStatus.PRECONDITION_FAILED);
        MvcTestResult patched = api.patch(token, "/api/v1/accounts/" + id, "\"0\"",
                "{\"name\":\"Acme Rocket Works\",\"industry\":null}");
        assertThat(patched).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"1\"");
        assertThat(api.read(patched).get("industry").isNull()).isTrue();
        assertThat(api.read(patched).get("domain").asString()).isEqualTo("acme.example");

        assertThat(api.delete(token, "/api/v1/accounts/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(token, "/api/v1/accounts/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void listsInPagesWithACursor() {
        String prefix = "Paged " + rep.id();
        for (int i = 0; i < 5; i++) {
            api.post(token, "/api/v1/accounts", "{\"name\":\"" + prefix + " " + i + "\"}");
        }
        var first = api.read(api.get(token, "/api/v1/accounts?limit=2&q=" + prefix));
        assertThat(first.get("items").size()).isEqualTo(2);
        var second = api.read(api.get(token, "/api/v1/accounts?limit=2&q=" + prefix + "&cursor="
                + first.get("nextCursor").asString()));
        var third = api.read(api.get(token, "/api/v1/accounts?limit=2&q=" + prefix + "&cursor="
                + second.get("nextCursor").asString()));
        assertThat(second.get("items").get(0).get("name").asString()).isEqualTo(prefix + " 2");
        assertThat(third.get("items").size()).isEqualTo(1);
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void filtersByRelationshipTagStageAndTextAnywhere() {
        String tag = "t" + rep.id().toString().substring(0, 8);
        api.post(token, "/api/v1/accounts", "{\"name\":\"Zürich Vendors AG\",\"domain\":\"zv.example\","
                + "\"relationshipTypes\":[\"VENDOR\"],\"lifecycleStage\":\"CUSTOMER\",\"tags\":[\"" + tag + "\"],"
                + "\"employees\":250,\"annualRevenue\":1250000.50,\"revenueCurrency\":\"chf\",\"phone\":\"+41 44 668 18 00\"}");
        api.post(token, "/api/v1/accounts", "{\"name\":\"Other Customers\",\"relationshipTypes\":[\"CUSTOMER\"],"
                + "\"tags\":[\"" + tag + "\"]}");
        var vendor = api.read(api.get(token, "/api/v1/accounts?tag=" + tag + "&relationshipType=VENDOR")).get("items");
        assertThat(vendor.size()).isEqualTo(1);
        assertThat(vendor.get(0).get("revenueCurrency").asString()).isEqualTo("CHF");
        assertThat(vendor.get(0).get("phone").asString()).isEqualTo("+41446681800");
        assertThat(api.read(api.get(token, "/api/v1/accounts?tag=" + tag + "&q=zurich")).get("items").size()).isEqualTo(1);
        assertThat(api.read(api.get(token, "/api/v1/accounts?tag=" + tag + "&q=zv.exa")).get("items").size()).isEqualTo(1);
        assertThat(api.read(api.get(token, "/api/v1/accounts?tag=" + tag + "&lifecycleStage=CUSTOMER")).get("items").size())
                .isEqualTo(1);
        assertThat(api.read(api.get(token, "/api/v1/accounts?tag=" + tag)).get("items").size()).isEqualTo(2);
        assertThat(api.get(token, "/api/v1/accounts?relationshipType=FRIEND")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesAParentThatWouldMakeACycle() {
        String parent = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Holding\"}")).get("id").asString();
        String child = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Subsidiary\",\"parentAccountId\":\""
                + parent + "\"}")).get("id").asString();
        MvcTestResult cycle = api.patch(token, "/api/v1/accounts/" + parent, "\"0\"", "{\"parentAccountId\":\"" + child + "\"}");
        assertThat(cycle).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.read(cycle).get("errors").get(0).get("field").asString()).isEqualTo("parentAccountId");
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": \"Half"), HttpStatus.BAD_REQUEST, null);
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": 42}"), HttpStatus.BAD_REQUEST, "name");
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": \"Ok\", \"ownerId\": \"not-a-uuid\"}"),
                HttpStatus.BAD_REQUEST, "ownerId");
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": \"Ok\", \"colour\": \"red\"}"),
                HttpStatus.BAD_REQUEST, "colour");
    }

    @Test
    void invalidValuesAre400NamingTheField() {
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": \"\"}"), HttpStatus.BAD_REQUEST, "name");
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": \"Ok\", \"domain\": \"not a domain\"}"),
                HttpStatus.BAD_REQUEST, "domain");
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": \"" + "x".repeat(1_000_000) + "\"}"),
                HttpStatus.BAD_REQUEST, "name");
    }

    @Test
    void oversizedBodyIs413() {
        assertRejected(api.post(token, "/api/v1/accounts", "{\"name\": \"" + "x".repeat(2_000_000) + "\"}"),
                HttpStatus.CONTENT_TOO_LARGE, null);
    }

    @Test
    void badPatchIs400AndChangesNothing() {
        String id = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Patch Target\"}")).get("id").asString();
        assertThat(api.patch(token, "/api/v1/accounts/" + id, "\"0\"", "{\"version\": 9}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(token, "/api/v1/accounts/" + id, "\"0\"", "{\"name\": 9}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.patch(token, "/api/v1/accounts/" + id, "\"0\"", "[1,2]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.read(api.get(token, "/api/v1/accounts/" + id)).get("version").asInt()).isZero();
    }

    @Test
    void badQueryParametersAre400() {
        assertThat(api.get(token, "/api/v1/accounts?limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(token, "/api/v1/accounts?limit=abc")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(token, "/api/v1/accounts?cursor=@@@")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(token, "/api/v1/accounts/not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void wrongMethodAndUnknownPathAreProblemJsonOverRealHttp(@LocalServerPort int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/no-such-thing")).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/me")).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"status\":405").doesNotContain("Exception");
    }

    @Test
    void wrongContentTypeIs415() {
        MvcTestResult result = mvc.post().uri("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN).content("name=x").exchange();
        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertRejected(MvcTestResult result, HttpStatus status, String field) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String body = ApiClient.text(result);
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.");
        if (field != null) {
            assertThat(api.read(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
        assertThat(jdbc.sql("select count(*) from accounts where owner_id = :owner").param("owner", rep.id())
                .query(Integer.class).single()).isZero();
    }
}
