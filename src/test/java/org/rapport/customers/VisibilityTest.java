package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class VisibilityTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    UUID east;
    UUID west;
    CurrentUser eastRep;
    CurrentUser eastRep2;
    CurrentUser westRep;
    UUID eastAccount;
    UUID westAccount;

    @BeforeEach
    void twoDepartmentsWithOneAccountEach() {
        setOrgScope("DEPARTMENT");
        east = testUsers.department("East");
        west = testUsers.department("West");
        eastRep = testUsers.create(Role.SALES_REP, east);
        eastRep2 = testUsers.create(Role.SALES_REP, east);
        westRep = testUsers.create(Role.SALES_REP, west);
        eastAccount = accounts.create(eastRep, new AccountFields("East Co " + east, null, null, null)).id();
        westAccount = accounts.create(westRep, new AccountFields("West Co " + west, null, null, null)).id();
    }

    @AfterEach
    void restoreOrgScope() {
        setOrgScope("DEPARTMENT");
    }

    @Test
    void salesRepCannotReadAnAccountOfAnotherDepartmentThroughTheApi() {
        String token = api.token(eastRep.email(), TestUsers.PASSWORD);
        assertThat(api.get(token, "/api/v1/accounts/" + eastAccount)).hasStatusOk();
        assertThat(api.get(token, "/api/v1/accounts/" + westAccount)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.patch(token, "/api/v1/accounts/" + westAccount, "\"0\"", "{\"name\":\"Stolen\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.delete(token, "/api/v1/accounts/" + westAccount)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(count(westAccount)).isEqualTo(1);
    }

    @Test
    void salesRepCannotReadAnAccountOfAnotherDepartmentThroughThePages() {
        assertThat(mvc.get().uri("/accounts/" + westAccount).with(TestUsers.signedIn(eastRep)))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain("West Co");
        assertThat(mvc.post().uri("/accounts/" + westAccount + "/delete").with(csrf()).with(TestUsers.signedIn(eastRep)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(count(westAccount)).isEqualTo(1);
    }

    @Test
    void listsShowOnlyVisibleAccounts() {
        var page = accounts.list(eastRep, "East Co " + east, null, 50);
        assertThat(page.items()).extracting(AccountView::id).containsExactly(eastAccount);
        assertThat(accounts.list(eastRep, "West Co " + west, null, 50).items()).isEmpty();
    }

    @Test
    void departmentScopeSharesRecordsWithinTheDepartment() {
        assertThat(accounts.list(eastRep2, "East Co " + east, null, 50).items()).hasSize(1);
    }

    @Test
    void ownScopeHidesColleaguesRecords() {
        setOrgScope("OWN");
        assertThat(accounts.list(eastRep2, "East Co " + east, null, 50).items()).isEmpty();
        assertThat(accounts.list(eastRep, "East Co " + east, null, 50).items()).hasSize(1);
    }

    @Test
    void allScopeShowsEveryonesRecords() {
        setOrgScope("ALL");
        assertThat(accounts.list(eastRep, "West Co " + west, null, 50).items()).hasSize(1);
    }

    @Test
    void managerSeesTheDepartmentsTheyHeadButNotOthers() {
        setOrgScope("OWN");
        CurrentUser manager = testUsers.create(Role.MANAGER, null);
        testUsers.makeHead(east, manager.id());
        assertThat(accounts.get(manager, eastAccount).id()).isEqualTo(eastAccount);
        assertThat(accounts.list(manager, "West Co " + west, null, 50).items()).isEmpty();
    }

    @Test
    void adminSeesEverything() {
        setOrgScope("OWN");
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        assertThat(accounts.get(admin, westAccount).id()).isEqualTo(westAccount);
    }

    @Test
    void partnerSeesOnlyRecordsSharedWithThem() {
        setOrgScope("ALL");
        CurrentUser partner = testUsers.create(Role.PARTNER, null);
        String token = api.token(partner.email(), TestUsers.PASSWORD);
        assertThat(api.get(token, "/api/v1/accounts/" + eastAccount)).hasStatus(HttpStatus.NOT_FOUND);
        accounts.share(eastRep, eastAccount, partner.id());
        assertThat(api.get(token, "/api/v1/accounts/" + eastAccount)).hasStatusOk();
        assertThat(api.read(api.get(token, "/api/v1/accounts?limit=200")).get("items").size()).isEqualTo(1);
        assertThat(api.patch(token, "/api/v1/accounts/" + eastAccount, "\"0\"", "{\"name\":\"Partner edit\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void readOnlyUserSeesButCannotChange() {
        CurrentUser reader = testUsers.create(Role.READ_ONLY, east);
        assertThat(accounts.get(reader, eastAccount).id()).isEqualTo(eastAccount);
        assertThat(mvc.post().uri("/accounts/" + eastAccount + "/delete").with(csrf()).with(TestUsers.signedIn(reader)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(count(eastAccount)).isEqualTo(1);
    }

    private int count(UUID id) {
        return jdbc.sql("select count(*) from accounts where id = :id").param("id", id).query(Integer.class).single();
    }

    private void setOrgScope(String scope) {
        jdbc.sql("update org_settings set visibility_scope = :scope").param("scope", scope).update();
    }
}
