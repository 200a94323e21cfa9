package org.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The public sign-in endpoint answers bad input with 4xx problem+json and issues no token. */
@IntegrationTest
class AuthApiInputTest {

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"email\": \"admin@test.rapport\", \"password\": ",
            "{\"email\": 12, \"password\": \"admin-test-password\"}",
            "{\"email\": \"admin@test.rapport\", \"password\": \"admin-test-password\", \"role\": \"ADMIN\"}",
            "{\"email\": \"admin@test.rapport\", \"password\": \"admin-test-password\", \"scopes\": [\"root\"]}",
            "{\"email\": \"admin@test.rapport\", \"password\": \"admin-test-password\", \"expiresInDays\": 0}",
            "{\"email\": \"admin@test.rapport\", \"password\": \"admin-test-password\", \"expiresInDays\": \"soon\"}",
            "[]",
            ""})
    void badInputIs400ProblemJsonAndIssuesNoToken(String body) {
        int before = tokens();
        MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
        assertThat(result).hasStatus4xxClientError().hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ApiClient.text(result)).doesNotContain("Exception");
        assertThat(tokens()).isEqualTo(before);
    }

    @Test
    void oversizedBodyIs413() {
        MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"" + "a".repeat(2_000_000) + "\", \"password\": \"x\"}").exchange();
        assertThat(result).hasStatus(413).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private int tokens() {
        return jdbc.sql("select count(*) from api_tokens").query(Integer.class).single();
    }
}
