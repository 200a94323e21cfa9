package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The account list works like the contact list: columns, filters, saved views, bulk actions within visibility. */
@IntegrationTest
class AccountListViewTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired SavedViewService views;
    @Autowired JdbcClient jdbc;
    @Autowired CustomFieldService customFields;

    CurrentUser rep;
    String token;
    String tag;
    List<String> ids = new ArrayList<>();

    @BeforeEach
    void threeAccounts() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Account lists"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        tag = "a" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"Birch Ltd", "Alder Inc", "Cedar plc"}) {
            ids.add(api.read(api.post(token, "/api/v1/accounts", """
                    {"name": "%s", "industry": "Ind-%s", "lifecycleStage": "%s", "tags": ["%s"]}
                    """.formatted(name, name.substring(0, 3), name.startsWith("C") ? "CUSTOMER" : "LEAD", tag)))
                    .get("id").asString());
        }
    }

    @Test
    void showsTheChosenColumnsAndFilters() {
        assertThat(mvc.get().uri("/accounts?tag=" + tag + "&columns=industry&columns=tags").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().contains("Ind-Ald", "Birch Ltd", "<th>Tags</th>", "<th>Industry</th>")
                .doesNotContain("<th>Owner</th>")
                .contains("/exports/accounts?tag=" + tag + "&amp;format=csv");
        assertThat(mvc.get().uri("/accounts?tag=" + tag + "&lifecycleStage=CUSTOMER").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().contains("Cedar plc").doesNotContain("Birch Ltd");
        assertThat(mvc.get().uri("/accounts?lifecycleStage=BOSS").with(TestUsers.signedIn(rep)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void showsAndFiltersCustomFieldColumns() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String key = "size" + tag;
        UUID field = customFields.define(admin, "account", key, "Size " + tag, CustomFieldType.SELECT, false,
                List.of("Small", "Large"));
        try {
            api.post(token, "/api/v1/accounts", """
                    {"name": "Sized Co", "tags": ["%s"], "customFields": {"%s": "Large"}}
                    """.formatted(tag, key));
            assertThat(mvc.get().uri("/accounts?tag=" + tag + "&columns=cf." + key + "&cf." + key + "=Large")
                    .with(TestUsers.signedIn(rep))).hasStatusOk().bodyText()
                    .contains("<th>Size " + tag + "</th>", "Sized Co", "<span>Large</span>").doesNotContain("Birch Ltd")
                    .contains("Any size " + tag);
        } finally {
            customFields.setActive(admin, field, false);
        }
    }

    @Test
    void savedViewsArePrivateUnlessSharedAndBelongToTheirList() {
        assertThat(mvc.post().uri("/accounts/views").with(csrf()).with(TestUsers.signedIn(rep))
                .param("viewName", "Leads").param("query", "tag=" + tag + "&lifecycleStage=LEAD&cursor=abc"))
                .hasStatus3xxRedirection().redirectedUrl().isEqualTo("/accounts?tag=" + tag + "&lifecycleStage=LEAD&cursor=abc");
        SavedView leads = views.visibleTo(rep, "account").stream().filter(v -> v.name().equals("Leads")).findFirst().orElseThrow();
        assertThat(leads.query()).isEqualTo("tag=" + tag + "&lifecycleStage=LEAD");
        assertThat(views.visibleTo(rep, "contact")).extracting(SavedView::name).doesNotContain("Leads");
        assertThat(mvc.get().uri("/accounts/views/" + leads.id()).with(TestUsers.signedIn(rep)))
                .hasStatus3xxRedirection().redirectedUrl().isEqualTo("/accounts?tag=" + tag + "&lifecycleStage=LEAD");
        assertThat(mvc.get().uri("/contacts/views/" + leads.id()).with(TestUsers.signedIn(rep)))
                .hasStatus(HttpStatus.NOT_FOUND);

        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        assertThat(mvc.get().uri("/accounts/views/" + leads.id()).with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/accounts/views").with(csrf()).with(TestUsers.signedIn(rep))
                .param("viewName", "Team accounts").param("shared", "true").param("query", "tag=" + tag))
                .hasStatus3xxRedirection();
        assertThat(views.visibleTo(colleague, "account")).extracting(SavedView::name).contains("Team accounts")
                .doesNotContain("Leads");
        assertThat(mvc.get().uri("/accounts").with(TestUsers.signedIn(colleague))).hasStatusOk().bodyText()
                .contains("Team accounts (shared)");
    }

    @Test
    void bulkActionsChangeOnlyTheAccountsTheCallerMaySee() {
        CurrentUser outsider = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String outsiderToken = api.token(outsider.email(), TestUsers.PASSWORD);
        String foreign = api.read(api.post(outsiderToken, "/api/v1/accounts", "{\"name\":\"Foreign " + tag + "\"}"))
                .get("id").asString();
        CurrentUser manager = testUsers.create(Role.MANAGER, rep.departmentId());

        assertThat(mvc.post().uri("/accounts/bulk").with(csrf()).with(TestUsers.signedIn(rep))
                .param("action", "assign").param("bulkOwnerId", manager.id().toString())
                .param("ids", ids.get(0), ids.get(1), foreign)).hasStatus3xxRedirection()
                .flash().containsEntry("toast", "2 account(s) done, 1 skipped (not visible or changed meanwhile).");
        assertThat(owner(ids.get(0))).isEqualTo(manager.id());
        assertThat(owner(foreign)).isEqualTo(outsider.id());

        assertThat(mvc.post().uri("/accounts/bulk").with(csrf()).with(TestUsers.signedIn(rep))
                .param("action", "tag").param("bulkTag", "hot").param("ids", ids.get(2), foreign))
                .hasStatus3xxRedirection().flash().containsEntry("toast", "1 account(s) done, 1 skipped (not visible or changed meanwhile).");
        assertThat(api.read(api.get(token, "/api/v1/accounts/" + ids.get(2))).get("tags").toString()).contains("hot", tag);
        assertThat(api.read(api.get(outsiderToken, "/api/v1/accounts/" + foreign)).get("tags").toString()).doesNotContain("hot");

        assertThat(mvc.post().uri("/accounts/bulk").with(csrf()).with(TestUsers.signedIn(rep))
                .param("action", "delete").param("ids", ids.get(2), foreign)).hasStatus3xxRedirection();
        assertThat(api.get(token, "/api/v1/accounts/" + ids.get(2))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(outsiderToken, "/api/v1/accounts/" + foreign)).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from audit_events where record_type = 'account' and record_id = :id and action = 'DELETE'")
                .param("id", UUID.fromString(ids.get(2))).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void readOnlyUsersCannotRunBulkActionsOnAccounts() {
        CurrentUser reader = testUsers.create(Role.READ_ONLY, rep.departmentId());
        assertThat(mvc.post().uri("/accounts/bulk").with(csrf()).with(TestUsers.signedIn(reader))
                .param("action", "delete").param("ids", ids.get(0))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.get(token, "/api/v1/accounts/" + ids.get(0))).hasStatusOk();
    }

    private UUID owner(String account) {
        return jdbc.sql("select owner_id from accounts where id = :id").param("id", UUID.fromString(account))
                .query(UUID.class).single();
    }
}
