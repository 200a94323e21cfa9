package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rapport.IntegrationTest;
import org.rapport.RapportApplication;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one database, as in a cluster behind a load balancer: node A is the test's application, node B a
 * second instance of the application started beside it on the same database (and data directory). A browser signed
 * in on A is signed in on B, with the same CSRF token; a write on one node is read on the other, with its ETag.
 * (That a scheduled job runs on one node per due time is shown by {@code bench/two-nodes.sh}.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired TestUsers testUsers;
    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @LocalServerPort int portA;

    ConfigurableApplicationContext nodeB;
    String a;
    String b;
    CurrentUser rep;
    String tag;

    @BeforeAll
    void startNodeB() {
        nodeB = new SpringApplicationBuilder(RapportApplication.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("applicationClassesOnly", new ApplicationClassesOnly()))
                .run("--server.port=0",
                        "--rapport.db.url=" + dataSource.getJdbcUrl(),
                        "--rapport.db.user=" + Objects.toString(dataSource.getUsername(), ""),
                        "--rapport.db.password=" + Objects.toString(dataSource.getPassword(), ""),
                        // node A delivers its own outstanding events; B must not take those of the other tests
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        a = "http://localhost:" + portA;
        b = "http://localhost:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @BeforeEach
    void user() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Two nodes"));
        tag = "tn" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theNodesAreTwoApplicationsOnOneDatabase() {
        assertThat(b).isNotEqualTo(a);
        assertThat(nodeB.getBean(HikariDataSource.class).getJdbcUrl()).isEqualTo(dataSource.getJdbcUrl());
    }

    @Test
    void aBrowserSignedInOnOneNodeIsSignedInOnTheOtherWithTheSameCsrfToken() throws Exception {
        Browser browser = new Browser();
        String loginToken = csrfToken(browser.get(a + "/login"));
        HttpResponse<String> signIn = browser.post(a + "/login",
                Map.of("email", rep.email(), "password", TestUsers.PASSWORD, "_csrf", loginToken));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).doesNotContain("/login");

        HttpResponse<String> contactsOnB = browser.get(b + "/contacts");
        assertThat(contactsOnB.statusCode()).isEqualTo(200);
        assertThat(contactsOnB.body()).contains(rep.email()).doesNotContain("Sign in to Rapport");

        String tokenOfA = csrfToken(browser.get(a + "/contacts/new"));
        String email = "web." + tag + "@two-nodes.test";
        HttpResponse<String> created = browser.post(b + "/contacts", Map.of("_csrf", tokenOfA,
                "firstName", "Webform", "lastName", tag, "emails[0].value", email, "emails[0].type", "WORK"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(location(created)).matches(".*/contacts/[0-9a-f-]{36}");
        assertThat(contactsWithEmail(email)).isEqualTo(1);

        String forgedEmail = "forged." + tag + "@two-nodes.test";
        HttpResponse<String> forged = browser.post(b + "/contacts", Map.of("_csrf", "not-the-token",
                "firstName", "Forged", "lastName", tag, "emails[0].value", forgedEmail));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(contactsWithEmail(forgedEmail)).isZero();

        HttpResponse<String> signOut = browser.post(b + "/logout",
                Map.of("_csrf", csrfToken(browser.get(b + "/contacts"))));
        assertThat(signOut.statusCode()).isEqualTo(302);
        HttpResponse<String> contactsOnA = browser.get(a + "/contacts");
        assertThat(contactsOnA.statusCode()).isEqualTo(302);
        assertThat(location(contactsOnA)).endsWith("/login");
    }

    @Test
    void aWriteOnOneNodeIsReadOnTheOtherAndItsOldETagIsStaleOnBoth() throws Exception {
        Api api = new Api(token(a));
        HttpResponse<String> created = api.send(a, "POST", "/api/v1/contacts", null,
                "{\"firstName\":\"Ada\",\"lastName\":\"" + tag + "\",\"emails\":[{\"address\":\"ada." + tag + "@two-nodes.test\"}]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        String etag = etag(created);

        HttpResponse<String> readOnB = api.send(b, "GET", "/api/v1/contacts/" + id, null, null);
        assertThat(readOnB.statusCode()).isEqualTo(200);
        assertThat(etag(readOnB)).isEqualTo(etag);
        assertThat(json.readTree(readOnB.body())).isEqualTo(json.readTree(created.body()));

        HttpResponse<String> patchedOnB = api.send(b, "PATCH", "/api/v1/contacts/" + id, etag,
                "{\"title\":\"Changed on B\"}");
        assertThat(patchedOnB.statusCode()).isEqualTo(200);
        assertThat(etag(patchedOnB)).isNotEqualTo(etag);

        HttpResponse<String> staleOnA = api.send(a, "PATCH", "/api/v1/contacts/" + id, etag,
                "{\"title\":\"Stale write on A\"}");
        assertThat(staleOnA.statusCode()).isEqualTo(412);

        HttpResponse<String> readOnA = api.send(a, "GET", "/api/v1/contacts/" + id, null, null);
        assertThat(etag(readOnA)).isEqualTo(etag(patchedOnB));
        assertThat(json.readTree(readOnA.body()).get("title").asString()).isEqualTo("Changed on B");
    }

    @Test
    void anIdempotencyKeyUsedOnOneNodeIsReplayedByTheOther() throws Exception {
        Api api = new Api(token(a));
        String body = "{\"firstName\":\"Once\",\"lastName\":\"" + tag + "\",\"emails\":[{\"address\":\"once." + tag
                + "@two-nodes.test\"}]}";
        HttpResponse<String> first = api.send(a, "POST", "/api/v1/contacts", null, body, "Idempotency-Key", tag);
        HttpResponse<String> again = api.send(b, "POST", "/api/v1/contacts", null, body, "Idempotency-Key", tag);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(again.body()).get("id")).isEqualTo(json.readTree(first.body()).get("id"));
        assertThat(contactsWithEmail("once." + tag + "@two-nodes.test")).isEqualTo(1);
    }

    private int contactsWithEmail(String email) {
        return jdbc.sql("select count(*) from contact_emails where address = :email").param("email", email)
                .query(Integer.class).single();
    }

    private String token(String node) throws IOException, InterruptedException {
        HttpResponse<String> response = Browser.HTTP.send(HttpRequest.newBuilder(URI.create(node + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("email", rep.email(), "password", TestUsers.PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode token = json.readTree(response.body()).get("token");
        return token.asString();
    }

    private static String csrfToken(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** A browser behind a load balancer: one cookie jar for both nodes, redirects not followed. */
    private static final class Browser {

        static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(request(url).GET());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String url) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    /** Bearer calls to either node. */
    private record Api(String token) {

        HttpResponse<String> send(String node, String method, String path, String ifMatch, String body,
                                  String... headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return Browser.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Keeps node B to the application's own classes: the test classes on the class path (helpers built on MockMvc,
     * a test's event listener) belong to node A's test context only.
     */
    static final class ApplicationClassesOnly extends TypeExcludeFilter {

        private static final String APPLICATION = Objects.requireNonNull(
                RapportApplication.class.getProtectionDomain().getCodeSource()).getLocation().toString();

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return !reader.getResource().getURL().toString().startsWith(APPLICATION);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ApplicationClassesOnly;
        }

        @Override
        public int hashCode() {
            return ApplicationClassesOnly.class.hashCode();
        }
    }
}
