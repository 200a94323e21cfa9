package org.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class SecurityTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;

    @Test
    void unauthenticatedApiCallAnswers401ProblemJson() {
        MvcTestResult result = mvc.get().uri("/api/v1/me").exchange();
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .headers().containsHeader("WWW-Authenticate");
        assertThat(ApiClient.text(result)).contains("\"status\":401").doesNotContain("Exception");
    }

    @Test
    void unauthenticatedPageRedirectsToLogin() {
        assertThat(mvc.get().uri("/accounts")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    @Test
    void signsInWithFormAndCsrfAndKeepsTheSessionInPostgres() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        MvcTestResult login = mvc.post().uri("/login").with(csrf())
                .param("email", rep.email()).param("password", TestUsers.PASSWORD).exchange();
        assertThat(login).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/");
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText().contains(rep.email());
        Integer stored = jdbc.sql("select count(*) from spring_session where principal_name = :email")
                .param("email", rep.email()).query(Integer.class).single();
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void formLoginWithoutCsrfTokenIsForbidden() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        assertThat(mvc.post().uri("/login").param("email", rep.email()).param("password", TestUsers.PASSWORD))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void changeWithoutCsrfTokenIsForbiddenAndChangesNothing() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String before = jdbc.sql("select visibility_scope from org_settings").query(String.class).single();
        String other = before.equals("ALL") ? "OWN" : "ALL";
        assertThat(mvc.post().uri("/admin/settings").param("visibilityScope", other)
                .with(TestUsers.signedIn(admin)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select visibility_scope from org_settings").query(String.class).single()).isEqualTo(before);
    }

    @Test
    void adminPagesAreForbiddenToOtherRoles() {
        CurrentUser manager = testUsers.create(Role.MANAGER, null);
        assertThat(mvc.get().uri("/admin/users").with(TestUsers.signedIn(manager)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        for (int i = 0; i < 5; i++) {
            MvcTestResult wrong = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\":\"" + rep.email() + "\",\"password\":\"wrong-password-" + i + "\"}").exchange();
            assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        MvcTestResult right = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + rep.email() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}").exchange();
        assertThat(right).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ApiClient.text(right)).contains("Too many failed sign-in attempts");
        assertThat(mvc.post().uri("/login").with(csrf()).param("email", rep.email()).param("password", TestUsers.PASSWORD))
                .hasStatus3xxRedirection().redirectedUrl().contains("error=locked");
    }

    @Test
    void unlockingByAnAdminLetsTheUserSignInAgain() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        jdbc.sql("update users set failed_logins = 5, locked_until = now() + interval '1 hour' where id = :id")
                .param("id", rep.id()).update();
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        assertThat(mvc.post().uri("/admin/users/" + rep.id() + "/unlock").with(csrf())
                .with(TestUsers.signedIn(admin))).hasStatus3xxRedirection();
        assertThat(api.token(rep.email(), TestUsers.PASSWORD)).startsWith("rpt_");
    }

    @Test
    void deactivatedUserLosesSessionAndCannotSignIn() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        MvcTestResult login = mvc.post().uri("/login").with(csrf())
                .param("email", rep.email()).param("password", TestUsers.PASSWORD).exchange();
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();
        jdbc.sql("update users set active = false where id = :id").param("id", rep.id()).update();
        assertThat(mvc.get().uri("/").cookie(session)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.post().uri("/login").with(csrf()).param("email", rep.email()).param("password", TestUsers.PASSWORD))
                .hasStatus3xxRedirection().redirectedUrl().contains("error=bad");
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndThenWorks() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        var auth = TestUsers.signedIn(rep);
        assertThat(mvc.post().uri("/profile/password").with(csrf()).with(auth)
                .param("currentPassword", "not-my-password").param("newPassword", "a-brand-new-password")
                .param("confirmPassword", "a-brand-new-password"))
                .hasStatusOk().bodyText().contains("The current password is not correct");
        assertThat(mvc.post().uri("/profile/password").with(csrf()).with(auth)
                .param("currentPassword", TestUsers.PASSWORD).param("newPassword", "a-brand-new-password")
                .param("confirmPassword", "a-brand-new-password"))
                .hasStatus3xxRedirection();
        assertThat(api.token(rep.email(), "a-brand-new-password")).startsWith("rpt_");
    }

    @Test
    void passwordsAreStoredHashed() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String hash = jdbc.sql("select password_hash from users where id = :id").param("id", rep.id())
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(TestUsers.PASSWORD);
    }
}
