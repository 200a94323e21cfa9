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
import org.rapport.ApiClient;
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

/** The deals panel of an account page in headless Chromium, failing on any console error or CSP violation. */
@IntegrationTest
class DealPanelBrowserTest {

    private static Chromium chromium;

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
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
    void anAccountPageShowsItsDealsAndStartsANewOneOnTheAccount() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Panel browser"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        UUID account = UUID.fromString(api.read(api.post(token, "/api/v1/accounts", "{\"name\": \"Heron Fisheries\"}"))
                .get("id").asString());
        deals.create(rep, new NewDeal("Cold store expansion", null, pipelines.defaultPipeline().stages().get(2).id(),
                new BigDecimal("84000"), "EUR", LocalDate.of(2031, 3, 31), null, account, List.of()));
        deals.create(rep, new NewDeal("Ice machines", null,
                pipelines.defaultPipeline().firstOf(StageKind.WON).orElseThrow().id(), new BigDecimal("12000"), "EUR",
                null, null, account, List.of()));
        signIn(rep.email());

        page.navigate("/accounts/" + account);
        Locator panel = page.locator("section#deal-panel");
        assertThat(panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cold store expansion")))
                .isVisible();
        assertThat(panel.locator("#record-deals-closed")).containsText("Ice machines");
        assertThat(panel).containsText("EUR 84,000.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/account-deals.png"))
                .setFullPage(true));

        panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("New deal")).click();
        assertThat(page.getByLabel("Account")).hasValue(account.toString());
        page.getByLabel("Name").fill("Smokehouse line");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create deal")).click();
        assertThat(page.locator("h1")).containsText("Smokehouse line");
        page.navigate("/accounts/" + account);
        assertThat(page.locator("#record-deals-open")).containsText("Smokehouse line");
    }

    private void signIn(String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/login"));
    }
}
