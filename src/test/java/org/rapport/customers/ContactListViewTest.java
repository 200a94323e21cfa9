package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

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

import tools.jackson.databind.JsonNode;

/** The contact list: sort orders with their cursors, chosen columns, saved views and bulk actions. */
@IntegrationTest
class ContactListViewTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired SavedViewService views;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;
    String tag;

    @BeforeEach
    void threeContacts() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Lists"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        tag = "l" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"Baker", "Adams", "Clark"}) {
            api.post(token, "/api/v1/contacts", "{\"lastName\":\"" + name + "\",\"title\":\"T-" + name + "\",\"tags\":[\"" + tag + "\"]}");
        }
    }

    @Test
    void sortsByNameOrByRecencyWithMatchingCursors() {
        assertThat(lastNames("/api/v1/contacts?tag=" + tag)).containsExactly("Adams", "Baker", "Clark");
        assertThat(lastNames("/api/v1/contacts?tag=" + tag + "&sort=CREATED")).containsExactly("Clark", "Adams", "Baker");
        JsonNode first = api.read(api.get(token, "/api/v1/contacts?tag=" + tag + "&sort=UPDATED&limit=2"));
        assertThat(first.get("items").size()).isEqualTo(2);
        String cursor = first.get("nextCursor").asString();
        assertThat(lastNames("/api/v1/contacts?tag=" + tag + "&sort=UPDATED&limit=2&cursor=" + cursor)).containsExactly("Baker");
        assertThat(api.get(token, "/api/v1/contacts?tag=" + tag + "&sort=NAME&cursor=" + cursor))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(token, "/api/v1/contacts?sort=SIDEWAYS")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void showsTheChosenColumns() {
        assertThat(mvc.get().uri("/contacts?tag=" + tag + "&columns=title&columns=tags").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().contains("T-Adams").contains(tag).contains("<th>Tags</th>").doesNotContain("<th>Owner</th>");
    }

    @Test
    void savedViewsArePrivateUnlessSharedAndKeepOnlyListParameters() {
        assertThat(mvc.post().uri("/contacts/views").with(csrf()).with(TestUsers.signedIn(rep))
                .param("viewName", "Mine").param("query", "tag=" + tag + "&sort=UPDATED&cursor=abc&evil=1"))
                .hasStatus3xxRedirection();
        SavedView mine = views.visibleTo(rep, "contact").stream().filter(v -> v.name().equals("Mine")).findFirst().orElseThrow();
        assertThat(mine.query()).isEqualTo("tag=" + tag + "&sort=UPDATED");
        assertThat(mvc.get().uri("/contacts/views/" + mine.id()).with(TestUsers.signedIn(rep)))
                .hasStatus3xxRedirection().redirectedUrl().isEqualTo("/contacts?tag=" + tag + "&sort=UPDATED");

        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        assertThat(mvc.get().uri("/contacts/views/" + mine.id()).with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/contacts/views").with(csrf()).with(TestUsers.signedIn(rep))
                .param("viewName", "Team").param("shared", "true").param("query", "tag=" + tag))
                .hasStatus3xxRedirection();
        assertThat(views.visibleTo(colleague, "contact")).extracting(SavedView::name).contains("Team").doesNotContain("Mine");
        SavedView team = views.visibleTo(colleague, "contact").stream().filter(v -> v.name().equals("Team")).findFirst().orElseThrow();
        assertThat(mvc.post().uri("/contacts/views/" + team.id() + "/delete").with(csrf()).with(TestUsers.signedIn(colleague)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void bulkActionsChangeOnlyWhatTheCallerMaySee() {
        JsonNode items = api.read(api.get(token, "/api/v1/contacts?tag=" + tag)).get("items");
        String adams = items.get(0).get("id").asString();
        String baker = items.get(1).get("id").asString();
        CurrentUser outsider = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String outsiderToken = api.token(outsider.email(), TestUsers.PASSWORD);
        String foreign = api.read(api.post(outsiderToken, "/api/v1/contacts", "{\"lastName\":\"Foreign\"}")).get("id").asString();

        CurrentUser manager = testUsers.create(Role.MANAGER, rep.departmentId());
        assertThat(mvc.post().uri("/contacts/bulk").with(csrf()).with(TestUsers.signedIn(rep))
                .param("action", "assign").param("bulkOwnerId", manager.id().toString())
                .param("ids", adams, baker, foreign)).hasStatus3xxRedirection()
                .flash().containsEntry("toast", "2 contact(s) done, 1 skipped (not visible or changed meanwhile).");
        assertThat(owner(adams)).isEqualTo(manager.id());
        assertThat(owner(foreign)).isEqualTo(outsider.id());

        assertThat(mvc.post().uri("/contacts/bulk").with(csrf()).with(TestUsers.signedIn(rep))
                .param("action", "tag").param("bulkTag", "hot").param("ids", baker)).hasStatus3xxRedirection();
        assertThat(api.read(api.get(token, "/api/v1/contacts/" + baker)).get("tags").toString()).contains("hot");

        assertThat(mvc.post().uri("/contacts/bulk").with(csrf()).with(TestUsers.signedIn(rep))
                .param("action", "delete").param("ids", baker, foreign)).hasStatus3xxRedirection();
        assertThat(api.get(token, "/api/v1/contacts/" + baker)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(outsiderToken, "/api/v1/contacts/" + foreign)).hasStatusOk();
    }

    @Test
    void readOnlyUsersCannotRunBulkActions() {
        CurrentUser reader = testUsers.create(Role.READ_ONLY, rep.departmentId());
        String adams = api.read(api.get(token, "/api/v1/contacts?tag=" + tag)).get("items").get(0).get("id").asString();
        assertThat(mvc.post().uri("/contacts/bulk").with(csrf()).with(TestUsers.signedIn(reader))
                .param("action", "delete").param("ids", adams)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.get(token, "/api/v1/contacts/" + adams)).hasStatusOk();
    }

    private UUID owner(String contact) {
        return jdbc.sql("select owner_id from contacts where id = :id").param("id", UUID.fromString(contact))
                .query(UUID.class).single();
    }

    private java.util.List<String> lastNames(String uri) {
        java.util.List<String> names = new java.util.ArrayList<>();
        api.read(api.get(token, uri)).get("items").forEach(i -> names.add(i.get("lastName").asString()));
        return names;
    }
}
