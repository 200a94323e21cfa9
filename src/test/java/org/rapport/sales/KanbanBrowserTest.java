package org.rapport.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.Chromium;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

/** The kanban board in headless Chromium, failing on any console error or CSP violation. */
@IntegrationTest
class KanbanBrowserTest {

    private static Chromium chromium;

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired DealService deals;
    @Autowired PipelineService pipelines;

    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = chromium.open(port, consoleErrors);
    }

    @AfterEach
    void closePage() {
        page.context().close();
        assertThat(consoleErrors).as("console errors and CSP violations").isEmpty();
    }

    @Test
    void dragsADealToAnotherStageAndItsStageHistoryRecordsIt() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Kanban"));
        PipelineView sales = pipelines.defaultPipeline();
        PipelineStage first = sales.stages().getFirst();
        PipelineStage proposal = sales.stages().get(2);
        String name = "Dragged deal " + UUID.randomUUID().toString().substring(0, 6);
        DealView deal = deals.create(rep, new NewDeal(name, null, null, new BigDecimal("5000"), "EUR",
                LocalDate.of(2031, 6, 30), null, null, List.of()));
        deals.create(rep, new NewDeal("Staying put", null, null, new BigDecimal("100"), "EUR", null, null, null,
                List.of()));
        signIn(rep.email());

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Deals")).click();
        page.navigate("/deals/board?owner=" + rep.id());
        page.waitForLoadState(LoadState.LOAD);
        Locator from = page.locator("#stage-" + first.id());
        Locator to = page.locator("#stage-" + proposal.id());
        assertThat(from).containsText(name);
        assertThat(to).not().containsText(name);
        assertThat(page.locator("#stage-title-" + first.id()).locator("..")).containsText("Total EUR 5,100.00");

        Locator card = from.locator(".kanban-card").filter(new Locator.FilterOptions().setHasText(name));
        var box = card.boundingBox();
        var target = to.boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().down();
        page.mouse().move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(target.x + target.width / 2, target.y + 20, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
        page.mouse().up();

        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("moved to")))
                .hasText(name + " moved to " + proposal.name() + ".");
        assertThat(page.locator("#stage-" + proposal.id())).containsText(name);
        assertThat(page.locator("#stage-" + first.id())).not().containsText(name);
        assertThat(page.locator("#stage-title-" + proposal.id()).locator("..")).containsText("Total EUR 5,000.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/kanban.png"))
                .setFullPage(true));

        List<DealStageStay> history = deals.stageHistory(rep, deal.id());
        assertThat(history).extracting(DealStageStay::stageId).containsExactly(first.id(), proposal.id());
        assertThat(history.getFirst().leftAt()).isNotNull();
        assertThat(history.getLast().leftAt()).isNull();
        assertThat(history.getLast().changedBy()).isEqualTo(rep.id());
        assertThat(deals.get(rep, deal.id()).probability()).isEqualTo(proposal.probability());
    }

    private void signIn(String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/login"));
    }
}
