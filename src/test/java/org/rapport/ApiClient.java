package org.rapport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the JSON API the way a script would: a token from {@code POST /api/v1/auth/token}, then bearer calls. */
@Component
public class ApiClient {

    private final MockMvcTester mvc;
    private final JsonMapper json;

    ApiClient(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public String token(String email, String password, String... scopes) {
        String body = scopes.length == 0
                ? json.writeValueAsString(java.util.Map.of("email", email, "password", password))
                : json.writeValueAsString(java.util.Map.of("email", email, "password", password, "scopes", scopes));
        MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("token request failed: " + result.getResponse().getStatus() + " " + text(result));
        }
        return read(result).get("token").asString();
    }

    public MvcTestResult get(String token, String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    public MvcTestResult post(String token, String uri, String body) {
        return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    public MvcTestResult patch(String token, String uri, String ifMatch, String body) {
        var request = mvc.patch().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    public MvcTestResult delete(String token, String uri) {
        return mvc.delete().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    public JsonNode read(MvcTestResult result) {
        return json.readTree(text(result));
    }

    public static String text(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
