package org.rapport.tasks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

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

/** My tasks and a record's task panel in headless Chromium, failing on any console error or CSP violation. */
@IntegrationTest
class TaskBrowserTest {

    private static Chromium chromium;

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired TaskService tasks;
    @Autowired ApiClient api;

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
    void completesATaskWithOneClickAndSeesItMoveToDone() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Browser tasks"));
        String title = "Call Ada back " + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        Instant tomorrow = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        tasks.create(rep, new TaskFields(title, null, now.plus(Duration.between(now, tomorrow).dividedBy(2)),
                TaskPriority.HIGH, null, null, null, null, null, null, false));
        tasks.create(rep, new TaskFields("Late one", null, now.minus(Duration.ofDays(1)), null, null, null, null,
                null, null, null, false));
        signIn(rep.email());

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tasks")).click();
        assertThat(page).hasURL(Pattern.compile("/tasks$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My tasks"))).isVisible();
        assertThat(page.locator("#overdue-tasks")).containsText("Late one");
        Locator row = page.locator("#today-tasks li").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row).containsText("High");
        // Deferred scripts have run once the load event fired; polling with waitForFunction would need 'unsafe-eval'.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/my-tasks.png"))
                .setFullPage(true));

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete " + title)).click();

        Locator done = page.locator("#today-tasks li").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(done).containsText("Done");
        assertThat(done.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reopen " + title))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Task done.")))
                .isVisible();
        assertThat(page).hasURL(Pattern.compile("/tasks$"));

        page.reload();
        assertThat(page.locator("#done-tasks")).containsText(title);
        assertThat(page.locator("#today-tasks")).not().containsText(title);
    }

    @Test
    void addsATaskFromAContactsPanel() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Browser panel"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String contactId = api.read(api.post(token, "/api/v1/contacts",
                "{\"firstName\": \"Grace\", \"lastName\": \"Hopper\"}")).get("id").asString();
        signIn(rep.email());

        page.navigate("/contacts/" + contactId);
        Locator panel = page.locator("#task-panel");
        assertThat(panel).containsText("No open tasks.");
        panel.getByLabel("New task", new Locator.GetByLabelOptions().setExact(true)).fill("Send the COBOL manual");
        panel.getByLabel("Due (UTC)").fill("2031-05-04T10:30");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add task")).click();

        assertThat(page.locator("#record-tasks")).containsText("Send the COBOL manual");
        assertThat(page.locator("#record-tasks")).containsText("Due 2031-05-04 10:30 UTC");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/contact-tasks.png"))
                .setFullPage(true));

        page.locator("#record-tasks").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Send the COBOL manual")).click();
        assertThat(page).hasURL(Pattern.compile("/tasks/[0-9a-f-]{36}$"));
        assertThat(page.locator("#task-record")).hasText("Grace Hopper");
    }

    private void signIn(String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/login"));
    }
}
