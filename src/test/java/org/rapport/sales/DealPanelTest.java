package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/**
 * The deals panel of account and contact pages, a new deal started from them, and interactions logged on a deal
 * reaching its account's timeline.
 */
@IntegrationTest
class DealPanelTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired DealService deals;
    @Autowired PipelineService pipelines;

    CurrentUser rep;
    String token;
    UUID account;
    UUID contact;

    @BeforeEach
    void aRepWithAnAccountAndItsContact() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Deal panel"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        account = id(api.post(token, "/api/v1/accounts", "{\"name\": \"Larkspur Mills\"}"));
        contact = id(api.post(token, "/api/v1/contacts",
                "{\"firstName\": \"Odile\", \"lastName\": \"Fenwick\", \"accountIds\": [\"" + account + "\"]}"));
    }

    @Test
    void anAccountPageListsItsOpenDealsByCloseDateThenTheLatestClosed() {
        PipelineView sales = pipelines.defaultPipeline();
        deal("Later looms", sales.stages().get(2).id(), LocalDate.of(2031, 9, 1), List.of());
        deal("Sooner spindles", null, LocalDate.of(2031, 2, 1), List.of());
        deal("Won warp", sales.firstOf(StageKind.WON).orElseThrow().id(), null, List.of());
        deal("Lost weft", sales.firstOf(StageKind.LOST).orElseThrow().id(), null, List.of());

        assertThat(page("/accounts/" + account)).contains("hx-get=\"/deals/panel?recordType=account&amp;recordId="
                + account + "\"");
        String panel = page("/deals/panel?recordType=account&recordId=" + account);
        assertThat(panel).contains("id=\"deal-panel\"", "href=\"/deals/new?accountId=" + account + "\"",
                        "EUR 1,000.00", "2031-02-01", "Recently closed", rep.email().substring(0, 12))
                .doesNotContain("<html");
        assertThat(panel.indexOf("Sooner spindles")).isLessThan(panel.indexOf("Later looms"));
        assertThat(panel.indexOf("Later looms")).isLessThan(panel.indexOf("Recently closed"));
        assertThat(panel.indexOf("Recently closed")).isLessThan(panel.indexOf("Won warp"));
        assertThat(panel).contains("Lost weft");
        assertThat(page("/deals?account=" + account)).contains("Deals of", "Larkspur Mills", "Later looms", "Won warp");
    }

    @Test
    void aContactPageListsTheDealsTheContactIsOnAndStartsADealOnItsAccount() {
        deal("Deal with Odile", null, null, List.of(contact));
        deal("Account-only deal", null, null, List.of());

        String panel = page("/deals/panel?recordType=contact&recordId=" + contact);
        assertThat(panel).contains("Deal with Odile", "href=\"/deals/new?contactId=" + contact + "\"")
                .doesNotContain("Account-only deal");
        assertThat(page("/contacts/" + contact)).contains("/deals/panel?recordType=contact");

        String form = page("/deals/new?contactId=" + contact);
        assertThat(form).contains("name=\"contactId\" value=\"" + contact + "\"", "Odile Fenwick",
                "value=\"" + account + "\" selected");
        assertThat(mvc.post().uri("/deals").with(TestUsers.signedIn(rep)).with(csrf())
                .param("name", "Started from Odile").param("accountId", account.toString())
                .param("contactId", contact.toString()).param("ownerId", rep.id().toString()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(page("/deals/panel?recordType=contact&recordId=" + contact)).contains("Started from Odile");
        assertThat(page("/deals/panel?recordType=account&recordId=" + account)).contains("Started from Odile");
        assertThat(page("/deals/new?accountId=" + account)).contains("value=\"" + account + "\" selected")
                .doesNotContain("name=\"contactId\"");
    }

    @Test
    void thePanelListsOnlyDealsTheUserMaySeeAndOnlyOnRecordsTheUserMaySee() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        CurrentUser elsewhere = testUsers.create(Role.SALES_REP, testUsers.department("Deal panel elsewhere"));
        deals.create(admin, new NewDeal("Hidden partnership", null, null, new BigDecimal("50"), "EUR", null,
                elsewhere.id(), account, List.of(contact)));
        deal("Visible order", null, null, List.of(contact));

        assertThat(page("/deals/panel?recordType=account&recordId=" + account)).contains("Visible order")
                .doesNotContain("Hidden partnership");
        assertThat(page("/deals/panel?recordType=contact&recordId=" + contact)).contains("Visible order")
                .doesNotContain("Hidden partnership");
        assertThat(mvc.get().uri("/deals/panel?recordType=account&recordId=" + account)
                .with(TestUsers.signedIn(elsewhere))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/deals/panel?recordType=lead&recordId=" + account)
                .with(TestUsers.signedIn(rep))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCallLoggedOnADealShowsOnItsAccountsTimeline() {
        DealView deal = deal("Timeline deal", null, null, List.of());
        assertThat(mvc.post().uri("/interactions").with(TestUsers.signedIn(rep)).with(csrf())
                .param("type", "NOTE").param("recordType", "deal").param("recordId", deal.id().toString())
                .param("body", "Asked for the revised quote")).hasStatus(HttpStatus.FOUND);

        JsonNode onAccount = api.read(api.get(token, "/api/v1/interactions?recordType=account&recordId=" + account));
        assertThat(onAccount.get("items")).hasSize(1);
        assertThat(onAccount.get("items").get(0).get("body").asString()).isEqualTo("Asked for the revised quote");
        assertThat(page("/interactions/timeline?recordType=account&recordId=" + account))
                .contains("Asked for the revised quote");

        DealView loose = deal("No account deal", null, null, List.of());
        assertThat(api.post(token, "/api/v1/interactions", """
                {"type": "NOTE", "body": "Nothing to link", "related": [{"type": "deal", "id": "%s"}]}
                """.formatted(loose.id()))).hasStatus(HttpStatus.CREATED);
    }

    private DealView deal(String name, UUID stageId, LocalDate close, List<UUID> contacts) {
        return deals.create(rep, new NewDeal(name, null, stageId, new BigDecimal("1000"), "EUR", close, null,
                name.startsWith("No account") ? null : account, contacts));
    }

    private String page(String uri) {
        MvcTestResult result = mvc.get().uri(uri).with(TestUsers.signedIn(rep)).exchange();
        assertThat(result.getResponse().getStatus()).as(ApiClient.text(result)).isEqualTo(200);
        return ApiClient.text(result);
    }

    private UUID id(MvcTestResult created) {
        assertThat(created.getResponse().getStatus()).as(ApiClient.text(created)).isEqualTo(201);
        return UUID.fromString(api.read(created).get("id").asString());
    }
}
