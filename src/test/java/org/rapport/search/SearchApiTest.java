package org.rapport.search;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/search} and the {@code /search} page: results, visibility, bad parameters. */
@IntegrationTest
class SearchApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;

    CurrentUser rep;
    String token;
    String contactId;
    String accountId;

    @BeforeEach
    void aRepWithAContactAndAnAccount() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Search API"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        contactId = api.read(api.post(token, "/api/v1/contacts", """
                {"firstName": "Émilie", "lastName": "Brontë-Ashworth", "title": "Head of Buying",
                 "emails": [{"address": "emilie@ashworth-mills.example"}]}
                """)).get("id").asString();
        accountId = api.read(api.post(token, "/api/v1/accounts",
                "{\"name\": \"Ashworth Mills\", \"domain\": \"ashworth-mills.example\"}")).get("id").asString();
    }

    @Test
    void answersItemsBestFirst() {
        MvcTestResult result = api.get(token, "/api/v1/search?q=ashworth");
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode items = api.read(result).get("items");
        assertThat(ids(items)).containsExactly(accountId, contactId);
        JsonNode account = items.get(0);
        assertThat(account.get("type").asString()).isEqualTo("account");
        assertThat(account.get("title").asString()).isEqualTo("Ashworth Mills");
        assertThat(account.get("subtitle").asString()).isEqualTo("ashworth-mills.example");
        assertThat(account.get("url").asString()).isEqualTo("/accounts/" + accountId);
        assertThat(account.has("score")).isFalse();
        JsonNode contact = items.get(1);
        assertThat(contact.get("title").asString()).isEqualTo("Émilie Brontë-Ashworth");
        assertThat(contact.get("subtitle").asString()).isEqualTo("Head of Buying · emilie@ashworth-mills.example");
    }

    @Test
    void filtersByTypeAndLimits() {
        assertThat(ids(items("/api/v1/search?q=ashworth&types=contact"))).containsExactly(contactId);
        assertThat(ids(items("/api/v1/search?q=ashworth&types=account,contact&limit=1"))).containsExactly(accountId);
        assertThat(ids(items("/api/v1/search?q=emilie bronte"))).containsExactly(contactId);
        assertThat(ids(items("/api/v1/search?q=Emlie"))).containsExactly(contactId);
    }

    @Test
    void anotherDepartmentsRepFindsNothingThroughTheApiOrThePage() {
        CurrentUser other = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String otherToken = api.token(other.email(), TestUsers.PASSWORD);
        assertThat(items("/api/v1/search?q=ashworth").size()).isEqualTo(2);
        MvcTestResult result = api.get(otherToken, "/api/v1/search?q=ashworth");
        assertThat(result).hasStatusOk();
        assertThat(ids(api.read(result).get("items"))).doesNotContain(accountId, contactId);
        assertThat(mvc.get().uri("/search?q=ashworth").with(TestUsers.signedIn(other)))
                .hasStatusOk().bodyText().doesNotContain("Ashworth").doesNotContain(accountId);
        assertThat(mvc.get().uri("/search?q=ashworth").header("HX-Request", "true").with(TestUsers.signedIn(other)))
                .hasStatusOk().bodyText().doesNotContain("Ashworth");
    }

    @Test
    void findsDealsByNameAndThroughTheirAccountBelowTheAccountButNotForAnotherDepartment() {
        String dealId = api.read(api.post(token, "/api/v1/deals", """
                {"name": "Ashworth looms refit", "amount": 8000, "currency": "GBP", "accountId": "%s"}
                """.formatted(accountId))).get("id").asString();
        String renewalId = api.read(api.post(token, "/api/v1/deals",
                "{\"name\": \"Yarn supply\", \"amount\": 100, \"currency\": \"GBP\", \"accountId\": \"%s\"}"
                        .formatted(accountId))).get("id").asString();

        JsonNode items = items("/api/v1/search?q=ashworth");
        assertThat(ids(items)).containsExactly(accountId, dealId, contactId, renewalId);
        JsonNode deal = items.get(1);
        assertThat(deal.get("type").asString()).isEqualTo("deal");
        assertThat(deal.get("subtitle").asString()).endsWith(" · GBP 8,000.00 · Ashworth Mills");
        assertThat(deal.get("url").asString()).isEqualTo("/deals/" + dealId);
        assertThat(ids(items("/api/v1/search?q=ashworht loom&types=deal"))).containsExactly(dealId);
        assertThat(mvc.get().uri("/search?q=looms&types=deal").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().contains("href=\"/deals/" + dealId + "\"", ">Deal<", "Ashworth looms refit");

        CurrentUser other = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String otherToken = api.token(other.email(), TestUsers.PASSWORD);
        assertThat(ids(api.read(api.get(otherToken, "/api/v1/search?q=ashworth looms")).get("items")))
                .doesNotContain(dealId, renewalId);
        assertThat(mvc.get().uri("/search?q=looms").header("HX-Request", "true").with(TestUsers.signedIn(other)))
                .hasStatusOk().bodyText().doesNotContain("Ashworth looms refit").doesNotContain(dealId);
    }

    @Test
    void rejectsBadParametersAsProblems() {
        assertProblem("/api/v1/search?q=acme&types=task", "types");
        assertProblem("/api/v1/search?q=acme&types=contact,,nope", "types");
        assertProblem("/api/v1/search?q=   ", "q");
        assertProblem("/api/v1/search", "q");
        assertProblem("/api/v1/search?q=" + "x".repeat(201), "q");
        assertProblem("/api/v1/search?q=acme&limit=0", "limit");
        assertProblem("/api/v1/search?q=acme&limit=51", "limit");
        assertProblem("/api/v1/search?q=acme&limit=many", "limit");
    }

    @Test
    void needsAToken() {
        assertThat(mvc.get().uri("/api/v1/search?q=ashworth")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void pageRendersResultsAndTheNavigationBoxGetsOnlyTheHits() {
        assertThat(mvc.get().uri("/search?q=ashworth").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText()
                .contains("<title>Search · Rapport</title>", "2 results for “ashworth”", "Ashworth Mills",
                        "Émilie Brontë-Ashworth", "href=\"/accounts/" + accountId + "\"",
                        "href=\"/contacts/" + contactId + "\"", "id=\"global-search-q\"");
        assertThat(mvc.get().uri("/search?q=ashworth&types=contact").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().contains("1 result for").doesNotContain("href=\"/accounts/" + accountId);
        assertThat(mvc.get().uri("/search?q=ashworth").header("HX-Request", "true").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText()
                .contains("Ashworth Mills", "See all results", "hx-swap-oob", "2 matches")
                .doesNotContain("<html", "<nav");
        assertThat(mvc.get().uri("/search").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().contains("Search by name");
        assertThat(mvc.get().uri("/search?q=").header("HX-Request", "true").with(TestUsers.signedIn(rep)))
                .hasStatusOk().bodyText().doesNotContain("list-group");
        assertThat(mvc.get().uri("/search?q=ashworth&types=task").with(TestUsers.signedIn(rep)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    private void assertProblem(String uri, String field) {
        MvcTestResult result = api.get(token, uri);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.read(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private JsonNode items(String uri) {
        MvcTestResult result = api.get(token, uri);
        assertThat(result).hasStatusOk();
        return api.read(result).get("items");
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
