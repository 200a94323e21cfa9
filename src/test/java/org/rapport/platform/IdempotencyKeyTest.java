package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/** A POST repeated with the same Idempotency-Key is answered from the first response and writes nothing again. */
@IntegrationTest
class IdempotencyKeyTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;
    @Autowired IdempotencyRepository keys;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    CurrentUser rep;
    String token;
    String tag;

    @BeforeEach
    void signIn() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Idempotency"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        tag = "i" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRepeatedCreateReturnsTheFirstResponseWithoutWritingAgain() {
        String key = UUID.randomUUID().toString();
        MvcTestResult first = post(token, key, contact("Ada"));
        assertThat(first).hasStatus(HttpStatus.CREATED);
        MvcTestResult again = post(token, key, contact("Ada"));

        assertThat(again).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
        assertThat(ApiClient.text(again)).isEqualTo(ApiClient.text(first));
        assertThat(again.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(again.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(first.getResponse().getHeader(HttpHeaders.ETAG));
        assertThat(again.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(contactsTagged()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_events where record_type = 'contact' and actor_id = :actor")
                .param("actor", rep.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        assertThat(post(token, key, contact("Ada"))).hasStatus(HttpStatus.CREATED);
        MvcTestResult other = post(token, key, contact("Grace"));

        assertThat(other).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(other.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(ApiClient.text(other)).contains("Idempotency-Key");
        assertThat(contactsTagged()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() {
        String key = UUID.randomUUID().toString();
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        String colleagueToken = api.token(colleague.email(), TestUsers.PASSWORD);
        MvcTestResult mine = post(token, key, contact("Ada"));
        MvcTestResult theirs = post(colleagueToken, key, contact("Ada"));

        assertThat(theirs).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
        assertThat(api.read(theirs).get("id")).isNotEqualTo(api.read(mine).get("id"));
        assertThat(contactsTagged()).isEqualTo(2);
    }

    @Test
    void aFailedRequestKeepsNothingSoItCanBeRetriedWithTheSameKey() {
        String key = UUID.randomUUID().toString();
        assertThat(post(token, key, "{\"lastName\": \"Bad\", \"emails\": [{\"address\": \"nope\"}], \"tags\": [\"" + tag + "\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(token, key, contact("Ada"))).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
        assertThat(contactsTagged()).isEqualTo(1);
    }

    @Test
    void keysExpireAfterADay() {
        String key = UUID.randomUUID().toString();
        assertThat(post(token, key, contact("Ada"))).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.sql("select expires_at - created_at from idempotency_keys where user_id = :user and key = :key")
                .param("user", rep.id()).param("key", key).query(String.class).single()).isEqualTo("1 day");

        jdbc.sql("update idempotency_keys set expires_at = now() - interval '1 second' where user_id = :user and key = :key")
                .param("user", rep.id()).param("key", key).update();
        assertThat(post(token, key, contact("Ada"))).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
        assertThat(contactsTagged()).isEqualTo(2);

        jdbc.sql("update idempotency_keys set expires_at = now() - interval '1 second' where user_id = :user")
                .param("user", rep.id()).update();
        assertThat(keys.deleteExpired(Instant.now())).isPositive();
        assertThat(jdbc.sql("select count(*) from idempotency_keys where user_id = :user").param("user", rep.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void concurrentRepeatsRunOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Callable<MvcTestResult>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> post(token, key, contact("Ada")));
        }
        List<String> bodies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<MvcTestResult> result : pool.invokeAll(calls)) {
                assertThat(result.get()).hasStatus(HttpStatus.CREATED);
                bodies.add(ApiClient.text(result.get()));
            }
        }
        assertThat(bodies).containsOnly(bodies.getFirst());
        assertThat(contactsTagged()).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsRefusedAndRequestsWithoutAKeyRunEachTime() {
        assertThat(post(token, "x".repeat(256), contact("Ada"))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(contactsTagged()).isZero();
        assertThat(api.post(token, "/api/v1/contacts", contact("Ada"))).hasStatus(HttpStatus.CREATED);
        assertThat(api.post(token, "/api/v1/contacts", contact("Ada"))).hasStatus(HttpStatus.CREATED);
        assertThat(contactsTagged()).isEqualTo(2);
    }

    @Test
    void aRepeatedMultipartImportOverHttpStartsOneImport() {
        String key = UUID.randomUUID().toString();
        byte[] csv = ("Name,Tags\nAda Import," + tag + "\n").getBytes(StandardCharsets.UTF_8);
        RestClient http = RestClient.create("http://localhost:" + port);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("file", new ByteArrayResource(csv) {
                @Override
                public String getFilename() {
                    return "people.csv";
                }
            });
            parts.add("policy", "skip");
            ResponseEntity<String> accepted = http.post().uri("/api/v1/imports")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("Idempotency-Key", key)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            ids.add(json.readTree(accepted.getBody()).get("id").asString());
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(jdbc.sql("select count(*) from imports where created_by = :user").param("user", rep.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    private MvcTestResult post(String bearer, String key, String body) {
        return mvc.post().uri("/api/v1/contacts").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private String contact(String firstName) {
        return "{\"firstName\": \"" + firstName + "\", \"lastName\": \"Idem\", \"tags\": [\"" + tag + "\"]}";
    }

    private int contactsTagged() {
        return jdbc.sql("select count(*) from contacts where tags @> array[cast(:tag as text)]").param("tag", tag)
                .query(Integer.class).single();
    }
}
