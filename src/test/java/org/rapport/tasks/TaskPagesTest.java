package org.rapport.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The task pages: My tasks sections, the prefilled follow-up form, one-click complete, the record panel. */
@IntegrationTest
class TaskPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    @Test
    void myTasksGroupsOpenTasksByDueTime() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        Instant now = Instant.now();
        Instant tomorrow = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        task(rep, "Overdue call", now.minus(Duration.ofDays(2)));
        task(rep, "Due today", now.plus(Duration.between(now, tomorrow).dividedBy(2)));
        task(rep, "Next week", now.plus(Duration.ofDays(7)));
        task(rep, "Someday", null);
        tasks.complete(rep, task(rep, "Finished", now.plus(Duration.ofDays(1))).id());

        String page = text(mvc.get().uri("/tasks").with(TestUsers.signedIn(rep)).exchange());

        assertThat(section(page, "overdue-tasks")).contains("Overdue call").doesNotContain("Due today");
        assertThat(section(page, "today-tasks")).contains("Due today").doesNotContain("Next week");
        assertThat(section(page, "upcoming-tasks")).contains("Next week").doesNotContain("Someday");
        assertThat(section(page, "undated-tasks")).contains("Someday").doesNotContain("Finished");
        assertThat(section(page, "done-tasks")).contains("Finished");
        assertThat(page).contains("href=\"/tasks\">Tasks</a>").doesNotContain("All visible");
    }

    @Test
    void managersMaySeeAllVisibleTasks() {
        UUID department = testUsers.department("Managed");
        CurrentUser manager = testUsers.create(Role.MANAGER, department);
        testUsers.makeHead(department, manager.id());
        CurrentUser rep = testUsers.create(Role.SALES_REP, department);
        task(rep, "Department task", null);

        assertThat(text(mvc.get().uri("/tasks").with(TestUsers.signedIn(manager)).exchange()))
                .contains("All visible").doesNotContain("Department task");
        assertThat(text(mvc.get().uri("/tasks?scope=all").with(TestUsers.signedIn(manager)).exchange()))
                .contains("All visible tasks").contains("Department task");
    }

    @Test
    void aFollowUpIsCreatedFromHiddenFieldsAndReturnsToTheRecord() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Follow-ups"));
        UUID account = account(rep, "Follow Up Co");
        UUID interaction = UUID.randomUUID();
        String returnTo = "/accounts/" + account;

        String form = text(mvc.get().uri("/tasks/new?recordType=account&recordId={a}&interactionId={i}&title={t}&returnTo={r}",
                account, interaction, "Call back", returnTo).with(TestUsers.signedIn(rep)).exchange());
        assertThat(form).contains("value=\"Call back\"").contains("value=\"" + interaction + "\"")
                .contains(">Follow Up Co</a>").contains("name=\"returnTo\" value=\"" + returnTo + "\"");

        assertThat(mvc.post().uri("/tasks").with(TestUsers.signedIn(rep)).with(csrf())
                .param("title", "Call back").param("recordType", "account").param("recordId", account.toString())
                .param("interactionId", interaction.toString()).param("returnTo", returnTo))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(returnTo);
        assertThat(jdbc.sql("select count(*) from tasks where record_id = :a and interaction_id = :i and owner_id = :o")
                .param("a", account).param("i", interaction).param("o", rep.id()).query(Integer.class).single())
                .isEqualTo(1);

        assertThat(mvc.post().uri("/tasks").with(TestUsers.signedIn(rep)).with(csrf())
                .param("title", "Elsewhere").param("returnTo", "//evil.example/phish"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/tasks");
        assertThat(text(mvc.post().uri("/tasks").with(TestUsers.signedIn(rep)).with(csrf())
                .param("title", "Bad date").param("dueAt", "soon").exchange()))
                .contains("id=\"dueAt-error\"").contains("value=\"Bad date\"");
    }

    @Test
    void completesInOneClickAndTheRowUpdatesInPlace() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        TaskView task = task(rep, "One click", null);

        MvcTestResult result = mvc.post().uri("/tasks/{id}/complete", task.id()).header("HX-Request", "true")
                .with(TestUsers.signedIn(rep)).with(csrf()).exchange();

        assertThat(result).hasStatusOk();
        assertThat(text(result)).startsWith("<li").contains("id=\"task-" + task.id() + "\"")
                .contains("data-status=\"DONE\"").contains("Reopen One click");
        assertThat(result.getResponse().getHeader("HX-Trigger")).contains("Task done.");
        assertThat(tasks.get(rep, task.id()).status()).isEqualTo(TaskStatus.DONE);

        assertThat(mvc.post().uri("/tasks/{id}/reopen", task.id()).with(TestUsers.signedIn(rep)).with(csrf()))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/tasks");
        assertThat(tasks.get(rep, task.id()).status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void theTaskPageSavesChangesAndRefusesAStaleVersion() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        TaskView task = task(rep, "Editable", null);

        assertThat(text(mvc.get().uri("/tasks/{id}", task.id()).with(TestUsers.signedIn(rep)).exchange()))
                .contains("value=\"Editable\"").contains("History");
        assertThat(mvc.post().uri("/tasks/{id}", task.id()).with(TestUsers.signedIn(rep)).with(csrf())
                .param("version", "0").param("title", "Edited").param("priority", "URGENT").param("status", "IN_PROGRESS")
                .param("assigneeId", rep.id().toString()).param("dueAt", "2031-02-03T10:15"))
                .hasStatus(HttpStatus.FOUND);
        TaskView edited = tasks.get(rep, task.id());
        assertThat(edited.title()).isEqualTo("Edited");
        assertThat(edited.priority()).isEqualTo(TaskPriority.URGENT);
        assertThat(edited.dueAt()).isEqualTo(Instant.parse("2031-02-03T10:15:00Z"));

        assertThat(text(mvc.post().uri("/tasks/{id}", task.id()).with(TestUsers.signedIn(rep)).with(csrf())
                .param("version", "0").param("title", "Lost update").param("assigneeId", rep.id().toString())
                .exchange())).contains("Someone else saved this task meanwhile");
        assertThat(tasks.get(rep, task.id()).title()).isEqualTo("Edited");
    }

    @Test
    void aRecordsPanelListsItsOpenTasksAndAddsOnesQuickly() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Panel East"));
        CurrentUser outsider = testUsers.create(Role.SALES_REP, testUsers.department("Panel West"));
        UUID account = account(rep, "Panel Co");
        assertThat(text(mvc.get().uri("/accounts/{id}", account).with(TestUsers.signedIn(rep)).exchange()))
                .contains("hx-get=\"/tasks/panel?recordType=account&amp;recordId=" + account + "\"");

        assertThat(text(mvc.post().uri("/tasks/panel").header("HX-Request", "true").with(TestUsers.signedIn(rep))
                .with(csrf()).param("recordType", "account").param("recordId", account.toString()).param("title", " ")
                .exchange())).contains("id=\"title-error\"");
        String panel = text(mvc.post().uri("/tasks/panel").header("HX-Request", "true").with(TestUsers.signedIn(rep))
                .with(csrf()).param("recordType", "account").param("recordId", account.toString())
                .param("title", "Quick one").param("dueAt", "2031-01-01T09:00").exchange());
        assertThat(panel).startsWith("<section").contains("Quick one").contains("Due 2031-01-01 09:00 UTC");

        assertThat(text(mvc.get().uri("/tasks/panel?recordType=account&recordId={id}", account)
                .with(TestUsers.signedIn(rep)).exchange())).contains("Quick one");
        assertThat(mvc.get().uri("/tasks/panel?recordType=account&recordId={id}", account)
                .with(TestUsers.signedIn(outsider))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/tasks/panel").with(TestUsers.signedIn(outsider)).with(csrf())
                .param("recordType", "account").param("recordId", account.toString()).param("title", "Sneak"))
                .hasStatus(HttpStatus.NOT_FOUND);
        TaskView quick = tasks.openTasksOf(rep, new org.rapport.shared.RecordRef("account", account)).getFirst();
        assertThat(mvc.get().uri("/tasks/{id}", quick.id()).with(TestUsers.signedIn(outsider)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/tasks/{id}/complete", quick.id()).with(TestUsers.signedIn(outsider)).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(tasks.get(rep, quick.id()).status()).isEqualTo(TaskStatus.OPEN);
    }

    private TaskView task(CurrentUser user, String title, Instant due) {
        return tasks.create(user, new TaskFields(title, null, due, null, null, null, null, null, null, null, false));
    }

    private UUID account(CurrentUser user, String name) {
        String token = api.token(user.email(), TestUsers.PASSWORD);
        return UUID.fromString(api.read(api.post(token, "/api/v1/accounts", "{\"name\": \"" + name + "\"}"))
                .get("id").asString());
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String text(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(ApiClient.text(result)).isEqualTo(200);
        return ApiClient.text(result);
    }
}
