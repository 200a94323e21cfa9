package org.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ApiTokenTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    private static final CurrentUser ADMIN = new CurrentUser(new UUID(0, 0), "system@test", "System", Role.ADMIN,
            null, EnumSet.allOf(Scope.class));

    @Test
    void tokenActsAsItsUser() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Sales"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        var me = api.read(api.get(token, "/api/v1/me"));
        assertThat(me.get("email").asString()).isEqualTo(rep.email());
        assertThat(me.get("role").asString()).isEqualTo("SALES_REP");
        assertThat(me.get("departmentId").asString()).isEqualTo(rep.departmentId().toString());
        assertThat(me.get("scopes").toString()).contains("read", "write").doesNotContain("admin");
    }

    @Test
    void readTokenCannotWrite() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD, "read");
        assertThat(api.get(token, "/api/v1/accounts")).hasStatusOk();
        var denied = api.post(token, "/api/v1/accounts", "{\"name\":\"Read Only Co\"}");
        assertThat(denied).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from accounts where name = 'Read Only Co'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void revokedTokenIsRejected() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        assertThat(api.get(token, "/api/v1/me")).hasStatusOk();
        UUID id = jdbc.sql("select id from api_tokens where user_id = :user").param("user", rep.id())
                .query(UUID.class).single();
        assertThat(mvc.post().uri("/tokens/" + id + "/revoke").with(csrf())
                .with(TestUsers.signedIn(rep))).hasStatus3xxRedirection();
        assertThat(api.get(token, "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void revocationOnThisNodeRejectsATokenAtOnceThoughItWasCached() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        UUID id = jdbc.sql("select id from api_tokens where user_id = :user").param("user", rep.id())
                .query(UUID.class).single();
        assertThat(api.get(token, "/api/v1/me")).hasStatusOk();
        // cached now: a change behind this node's back (as another node's revocation) is not seen yet
        jdbc.sql("update api_tokens set revoked_at = now() where id = :id").param("id", id).update();
        assertThat(api.get(token, "/api/v1/me")).hasStatusOk();
        jdbc.sql("update api_tokens set revoked_at = null where id = :id").param("id", id).update();

        assertThat(mvc.post().uri("/tokens/" + id + "/revoke").with(csrf())
                .with(TestUsers.signedIn(rep))).hasStatus3xxRedirection();
        assertThat(api.get(token, "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void revocationOnAnotherNodeTakesEffectWithinTheCacheLifetime() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        assertThat(api.get(token, "/api/v1/me")).hasStatusOk();
        jdbc.sql("update api_tokens set revoked_at = now() where user_id = :user").param("user", rep.id()).update();
        await().atMost(ApiTokenCache.TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(api.get(token, "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void cachedTokenExpiresOnTime() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        jdbc.sql("update api_tokens set expires_at = now() + interval '1 second' where user_id = :user")
                .param("user", rep.id()).update();
        assertThat(api.get(token, "/api/v1/me")).hasStatusOk();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(api.get(token, "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void deactivatingAUserOnThisNodeRejectsTheirCachedTokenAtOnce() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        assertThat(api.get(token, "/api/v1/me")).hasStatusOk();
        UserView user = users.find(rep.id()).orElseThrow();
        users.update(ADMIN, rep.id(), new UserService.UserChange(user.email(), user.name(), user.role(),
                user.departmentId(), false, user.version(), user.phone()));
        assertThat(api.get(token, "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRoleChangedOnThisNodeAppliesToACachedTokenAtOnce() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        assertThat(api.read(api.get(token, "/api/v1/me")).get("role").asString()).isEqualTo("SALES_REP");
        UserView user = users.find(rep.id()).orElseThrow();
        users.update(ADMIN, rep.id(), new UserService.UserChange(user.email(), user.name(), Role.READ_ONLY,
                user.departmentId(), true, user.version(), user.phone()));
        assertThat(api.read(api.get(token, "/api/v1/me")).get("role").asString()).isEqualTo("READ_ONLY");
        assertThat(api.post(token, "/api/v1/accounts", "{\"name\":\"Demoted Co\"}")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void expiredTokenIsRejected() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        jdbc.sql("update api_tokens set expires_at = now() - interval '1 second' where user_id = :user")
                .param("user", rep.id()).update();
        assertThat(api.get(token, "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED)
                .headers().hasValue("WWW-Authenticate", "Bearer realm=\"rapport\", error=\"invalid_token\"");
    }

    @Test
    void tokenOfADeactivatedUserIsRejected() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        jdbc.sql("update users set active = false where id = :id").param("id", rep.id()).update();
        assertThat(api.get(token, "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tokenIsStoredOnlyAsAHashAndRecordsItsLastUse() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        api.get(token, "/api/v1/me");
        var row = jdbc.sql("select token_hash, last_used_at is not null as used from api_tokens where user_id = :user")
                .param("user", rep.id()).query().singleRow();
        assertThat(row.get("token_hash").toString()).hasSize(64).isNotEqualTo(token).doesNotContain(token.substring(4));
        assertThat(row.get("used")).isEqualTo(true);
    }

    @Test
    void onlyAdminsGetTheAdminScope() {
        CurrentUser manager = testUsers.create(Role.MANAGER, null);
        var result = mvc.post().uri("/api/v1/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + manager.email() + "\",\"password\":\"" + TestUsers.PASSWORD
                        + "\",\"scopes\":[\"read\",\"admin\"]}").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.text(result)).contains("scopes");
    }

    @Test
    void readOnlyUserCannotGetAWriteToken() {
        CurrentUser reader = testUsers.create(Role.READ_ONLY, null);
        String token = api.token(reader.email(), TestUsers.PASSWORD);
        assertThat(api.read(api.get(token, "/api/v1/me")).get("scopes").toString()).doesNotContain("write");
        assertThat(api.post(token, "/api/v1/accounts", "{\"name\":\"Nope\"}")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void garbageBearerTokenIsRejected() {
        assertThat(api.get("rpt_not-a-real-token", "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("something-else", "/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void namedTokenCreatedInTheUiIsShownOnceAndWorks() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        var auth = TestUsers.signedIn(rep);
        var created = mvc.post().uri("/tokens").with(csrf()).with(auth)
                .param("name", "Billing sync").param("scopes", "read").param("days", "30").exchange();
        assertThat(created).hasStatus3xxRedirection();
        String token = (String) created.getMvcResult().getFlashMap().get("issuedToken");
        assertThat(token).startsWith("rpt_");
        assertThat(api.get(token, "/api/v1/me")).hasStatusOk();
        assertThat(mvc.get().uri("/tokens").with(auth)).hasStatusOk().bodyText()
                .contains("Billing sync").doesNotContain(token);
    }
}
