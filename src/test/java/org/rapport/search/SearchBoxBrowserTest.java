package org.rapport.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/** The navigation's search box in headless Chromium: live hits while typing, arrow keys, Escape, Enter. */
@IntegrationTest
class SearchBoxBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                fail("install chromium: apt-get install -y chromium");
            }
            assumeTrue(false, "install chromium: apt-get install -y chromium");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true));
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add("uncaught: " + error));
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(consoleErrors).as("console errors and CSP violations")
                .filteredOn(error -> !error.contains("404"))
                .isEmpty();
    }

    @Test
    void showsHitsWhileTypingMovesThroughThemWithArrowsAndSubmitsToTheFullPage() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Search box"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        api.post(token, "/api/v1/contacts", "{\"firstName\": \"Johan\", \"lastName\": \"Sebastiansson\"}");
        api.post(token, "/api/v1/accounts", "{\"name\": \"Sebastiansson Orgelbau\"}");
        signIn(rep.email());

        Locator box = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search all records"));
        Locator hits = page.locator("#global-search-results a");
        box.pressSequentially("Sebastainsson", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(hits.first()).hasText(Pattern.compile("Sebastiansson"));
        assertThat(hits).hasCount(3);
        assertThat(page.locator("#global-search-status")).hasText("2 matches");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/search-dropdown.png")));

        box.press("ArrowDown");
        assertThat(hits.nth(0)).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(hits.nth(1)).isFocused();
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowUp");
        assertThat(box).isFocused();
        page.keyboard().press("Escape");
        assertThat(hits).hasCount(0);

        box.press("Enter");
        assertThat(page).hasURL(Pattern.compile("/search\\?q=Sebastainsson$"));
        assertThat(page.locator("#search-summary")).hasText("2 results for “Sebastainsson”");
        assertThat(page.locator("#search-results a")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/search-page.png"))
                .setFullPage(true));

        page.locator("#search-results a").filter(new Locator.FilterOptions().setHasText("Orgelbau")).click();
        assertThat(page).hasURL(Pattern.compile("/accounts/[0-9a-f-]{36}$"));
    }

    private void signIn(String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/login"));
    }
}
