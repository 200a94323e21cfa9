package org.rapport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/** Drives the running application in headless Chromium as a user would, failing on any console error or CSP violation. */
@IntegrationTest
class BrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target/screenshots");
    private static final String ADMIN_EMAIL = "admin@test.rapport";
    private static final String ADMIN_PASSWORD = "admin-test-password";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    ApiClient api;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> failedAssets = new CopyOnWriteArrayList<>();
    private final Set<String> pageRequests = new CopyOnWriteArraySet<>();

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "install chromium: apt-get install -y chromium";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-gpu")));
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
                consoleErrors.add(message.type() + ": " + message.text() + " [" + message.location() + "]");
            }
        });
        page.onPageError(error -> consoleErrors.add("uncaught: " + error));
        page.onResponse(response -> {
            if (Set.of("document", "xhr", "fetch").contains(response.request().resourceType())) {
                pageRequests.add(response.url());
            } else if (response.status() >= 400) {
                failedAssets.add(response.status() + " " + response.url());
            }
        });
    }

    @AfterEach
    void closePageAndCheckConsole() {
        context.close();
        assertThat(failedAssets).as("stylesheets, scripts, images and fonts that failed to load").isEmpty();
        assertThat(consoleErrors)
                .as("browser console errors, uncaught exceptions and CSP violations")
                .filteredOn(error -> !isStatusOfAPageItself(error))
                .isEmpty();
    }

    @Test
    void redirectsToLoginSignsInSeesTheShellAndSignsOut() {
        page.navigate("/");
        assertThat(page).hasURL(url("/login"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Rapport")))
                .isVisible();
        screenshot("login");

        page.getByLabel("Email").fill(ADMIN_EMAIL);
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page).hasURL(Pattern.compile(":" + port + "/(\\?continue)?$"));
        Locator navbar = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"));
        assertThat(navbar.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rapport"))).isVisible();
        assertThat(navbar.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Accounts"))).isVisible();
        assertThat(navbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Admin").setExact(true)))
                .isVisible();
        Locator userMenu = navbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Administrator"));
        assertThat(userMenu).isVisible();
        // Deferred scripts have run once the load event fired; polling with waitForFunction would need 'unsafe-eval'.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        assertThat(page.evaluate("typeof htmx === 'object' && typeof bootstrap === 'object'")).isEqualTo(true);
        screenshot("home");

        userMenu.click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page).hasURL(url("/login?logout"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have been signed out.");

        page.navigate("/");
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void rejectsAWrongPassword() {
        CurrentUser rep = users.create(Role.SALES_REP, null);

        signIn(rep.email(), "not-the-password");

        assertThat(page).hasURL(Pattern.compile("/login\\?error"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Invalid email or password");
        assertThat(page.getByLabel("Email")).hasValue(rep.email());
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Accounts"))).not().isVisible();
    }

    @Test
    void createsAnAccountThroughTheFormAndListsIt() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String name = unique("Browser Co");

        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Accounts")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New account")).click();
        assertThat(page).hasURL(url("/accounts/new"));
        page.getByLabel("Name").fill(name);
        page.getByLabel("Website domain").fill("https://Browser-Co.example/about");
        page.getByLabel("Industry").fill("Testing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        assertThat(page).hasURL(Pattern.compile("/accounts/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertThat(page.locator("dl")).containsText("browser-co.example");
        Locator toast = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("created"));
        assertThat(toast).hasText("Account " + name + " created.");
        assertThat(toast).hasCSS("opacity", "1");
        screenshot("account-detail");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("breadcrumb"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Accounts")).click();
        assertThat(page).hasURL(url("/accounts"));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name)))
                .containsText("browser-co.example");
        screenshot("accounts");
    }

    @Test
    void filtersTheAccountListAsTheUserTypes() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String name = createAccount(unique("Searchable"));
        createAccount(unique("Other"));

        page.navigate("/accounts");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search accounts")).fill(name);

        Locator rows = page.locator("#account-rows tr");
        assertThat(rows).hasCount(1);
        assertThat(rows).containsText(name);
        assertThat(page).hasURL(Pattern.compile("/accounts\\?q="));
    }

    @Test
    void showsAFieldErrorNextToTheFieldAndSavesNothing() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String name = unique("Invalid Co");

        page.navigate("/accounts/new");
        page.getByLabel("Name").fill(name);
        page.getByLabel("Website domain").fill("not a domain");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        Locator domain = page.getByLabel("Website domain");
        assertThat(domain).hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(page.locator("#domain-error")).hasText("Enter a domain such as example.com");
        assertThat(domain).hasAttribute("aria-describedby", "domain-error");
        assertThat(page.getByLabel("Name")).hasValue(name);
        assertThat(domain).hasValue("not a domain");
        screenshot("account-form-error");

        page.navigate("/accounts?q=" + name.replace(' ', '+'));
        assertThat(page.locator("#account-rows")).hasText("No accounts found.");
    }

    @Test
    void showsNotFoundForAnAccountOfAnotherDepartment() {
        CurrentUser owner = users.create(Role.SALES_REP, users.department("East"));
        CurrentUser outsider = users.create(Role.SALES_REP, users.department("West"));
        signIn(owner.email(), TestUsers.PASSWORD);
        String name = createAccount(unique("East only"));
        String accountPath = currentPath();
        signOut();

        signIn(outsider.email(), TestUsers.PASSWORD);
        Response response = page.navigate(accountPath);

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.locator("main")).not().containsText(name);
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Accounts"))).isVisible();
        screenshot("not-found");
    }

    @Test
    void adminReachesTheUsersAndTokensPagesThroughTheMenus() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Admin").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/users"));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(ADMIN_EMAIL)))
                .containsText("Administrator");
        screenshot("admin-users");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Administrator")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens")).click();
        assertThat(page).hasURL(url("/tokens"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New token"))).isVisible();
        screenshot("tokens");
    }

    @Test
    void showsTheStyledNotFoundPageWhenAListedAccountWasDeletedMeanwhile() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String name = createAccount(unique("Short-lived"));
        String accountPath = currentPath();
        page.navigate("/accounts?q=" + name.replace(' ', '+'));

        Page other = context.newPage();
        other.onDialog(dialog -> dialog.accept());
        other.navigate(accountPath);
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();
        assertThat(other).hasURL(url("/accounts"));
        other.close();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation")))
                .isVisible();
        screenshot("deleted-account-link");
    }

    @Test
    void issuesAnApiTokenAndShowsItOnce() {
        CurrentUser rep = users.create(Role.SALES_REP, null);
        signIn(rep.email(), TestUsers.PASSWORD);

        page.navigate("/tokens");
        page.getByLabel("Name").fill("Browser test token");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();

        assertThat(page.locator("#new-token")).hasText(Pattern.compile("\\S{20,}"));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Browser test token")))
                .containsText("active");
        screenshot("token-issued");

        page.reload();
        assertThat(page.locator("#new-token")).hasCount(0);
    }

    @Test
    void createsAContactWithFieldErrorsADuplicateWarningAnEditFindsItThroughSearchAndDeletesIt() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String account = unique("Contact Co");
        createAccount(account);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add contact")).click();

        String last = unique("Lovelace");
        String email = last.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.com";
        page.getByLabel("First name").fill("Ada");
        page.getByLabel("Last name").fill(last);
        page.getByLabel("Email 1", new Page.GetByLabelOptions().setExact(true)).fill("not-an-email");
        page.getByLabel("Phone 1", new Page.GetByLabelOptions().setExact(true)).fill("(415) 555-2671");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("'not-an-email' is not a valid email address")).isVisible();
        assertThat(page.getByLabel("Email 1", new Page.GetByLabelOptions().setExact(true))).hasClass(Pattern.compile("is-invalid"));
        assertThat(page.getByLabel("Last name")).hasValue(last);

        page.getByLabel("Email 1", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada " + last))).isVisible();
        assertThat(page.locator("a[href=\"tel:+14155552671\"]")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(account))).isVisible();
        String contactUrl = page.url();
        screenshot("contact-detail");

        page.navigate("/contacts/new");
        page.getByLabel("Last name").fill("Someone Else");
        page.getByLabel("Email 1", new Page.GetByLabelOptions().setExact(true)).fill(email.toUpperCase());
        page.getByLabel("Email 1", new Page.GetByLabelOptions().setExact(true)).blur();
        assertThat(page.locator("#possible-duplicates")).containsText("Possible duplicate");
        assertThat(page.locator("#possible-duplicates").getByRole(AriaRole.LINK)).hasText("Ada " + last);
        screenshot("contact-duplicate-warning");

        page.navigate(contactUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
        page.getByLabel("Title").fill("Analyst");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Analyst").first()).isVisible();
        assertThat(page.locator(".audit-change")).containsText("title");

        page.navigate("/");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search all records")).fill("Ada " + last);
        Locator hit = page.locator("#global-search-results").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Contact Ada " + last));
        assertThat(hit).isVisible();
        hit.click();
        assertThat(page).hasURL(contactUrl);

        page.navigate("/contacts?columns=title&columns=email&columns=tags&columns=updated");
        assertThat(page.locator("#contact-rows")).containsText("Analyst");
        screenshot("contacts-list");

        page.navigate(contactUrl);
        page.onDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page).hasURL(url("/contacts"));
        page.navigate("/contacts?q=" + last.replace(' ', '+'));
        assertThat(page.locator("#contact-rows")).containsText("No contacts found.");
    }

    @Test
    void logsACallAndANoteOnAContactAndSeesBothOnItsTimeline() {
        CurrentUser rep = users.create(Role.SALES_REP, users.department("Timeline"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String contactId = api.read(api.post(token, "/api/v1/contacts",
                "{\"firstName\": \"Milton\", \"lastName\": \"Waddams\"}")).get("id").asString();
        signIn(rep.email(), TestUsers.PASSWORD);
        page.navigate("/contacts/" + contactId);

        Locator timeline = page.locator("#timeline");
        assertThat(timeline.getByText("Nothing logged yet.")).isVisible();
        page.locator("label[for=call-in]").click();
        page.getByLabel("Outcome").selectOption("CONNECTED");
        page.getByLabel("Minutes").first().fill("12");
        page.getByPlaceholder("Subject").first().fill("Asked about his stapler");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log call")).click();
        Locator items = page.locator("#timeline-items > li.timeline-item");
        assertThat(items).hasCount(1);
        assertThat(items.first()).containsText("Asked about his stapler");
        assertThat(items.first()).containsText("inbound · Connected · 12 min");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Add a note")).click();
        page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Promised to **look into it**");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(items).hasCount(2);
        assertThat(items.first().locator("strong")).hasText("look into it");
        assertThat(items.nth(1)).containsText("Asked about his stapler");
        screenshot("contact-timeline");

        page.reload();
        assertThat(page.locator("#timeline-items > li.timeline-item")).hasCount(2);
    }

    private void signIn(String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(current -> !current.equals(url("/login")));
    }

    private void signOut() {
        page.locator("#user-menu").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(url("/login?logout"));
    }

    private String createAccount(String name) {
        page.navigate("/accounts/new");
        page.getByLabel("Name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertThat(page).hasURL(Pattern.compile("/accounts/[0-9a-f-]{36}$"));
        return name;
    }

    private String currentPath() {
        return page.url().substring(url("").length());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Chromium logs the error status of a page or htmx request as a failed resource; the tests assert what it shows. */
    private boolean isStatusOfAPageItself(String error) {
        return error.contains("Failed to load resource: the server responded with a status of")
                && pageRequests.stream().anyMatch(url -> error.matches(".*\\[" + Pattern.quote(url) + ":\\d+:\\d+]$"));
    }
}
