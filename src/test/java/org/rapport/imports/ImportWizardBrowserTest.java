package org.rapport.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;

/**
 * The import wizard in headless Chromium on the real server: multipart upload with its CSRF token, the guessed
 * mapping, the htmx preview, the polled progress bar, the error report download; no console error or CSP violation.
 */
@IntegrationTest
class ImportWizardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;

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
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--disable-gpu", "--no-first-run")));
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
                .setViewportSize(1280, 900).setAcceptDownloads(true));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            boolean favicon = m.location() != null && m.location().contains("favicon");
            if (("error".equals(m.type()) && !favicon) || m.text().contains("Content Security Policy")) {
                consoleErrors.add(m.text() + " [" + m.location() + "]");
            }
        });
        page.onPageError(e -> consoleErrors.add("uncaught: " + e));
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void uploadsMapsPreviewsImportsAndOffersTheErrorReport() throws Exception {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Browser import"));
        String domain = "bw" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        page.navigate("/login");
        page.getByLabel("Email").fill(rep.email());
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Data").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import / export")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import and export"))).isVisible();

        String csv = """
                First Name,Last Name,Email Address,Mobile Phone,Lifecycle Stage,Notes
                Ada,Lovelace,ada@%1$s,%2$s,Customer,first
                Alan,Turing,alan@%1$s,,lead,second
                Bad,Row,not-an-email,,,third
                """.formatted(domain, ImportTestSupport.phone().typed());
        page.getByLabel("File").setInputFiles(new FilePayload("people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

        assertThat(page).hasURL(Pattern.compile("/imports/[0-9a-f-]{36}$"));
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.getByLabel("Email Address")).hasValue("email");
        assertThat(page.getByLabel("Mobile Phone")).hasValue("mobilePhone");
        assertThat(page.getByLabel("Notes")).hasValue("");
        Locator preview = page.locator("#preview");
        assertThat(preview).containsText("'not-an-email' is not a valid email address");
        assertThat(preview).not().containsText("Notes");

        page.getByLabel("Notes").selectOption("title");
        assertThat(preview).containsText("Notes → Job title");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-mapping.png")).setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 3 rows")).click();
        assertThat(page.locator("#status .badge").first()).hasText("completed", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#status")).containsText("Created");
        assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "100");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-done.png")).setFullPage(true));

        Download report = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download error report")).click());
        assertThat(Files.readString(report.path(), StandardCharsets.UTF_8))
                .contains("Row,Column,Reason", "4,Email Address,'not-an-email' is not a valid email address");
    }
}
