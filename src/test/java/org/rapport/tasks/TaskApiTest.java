package org.rapport.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.notifications.NotificationService;
import org.rapport.platform.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class TaskApiTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired AuditService audit;
    @Autowired NotificationService notifications;
    @Autowired JdbcClient jdbc;

    @Test
    void createsReadsFiltersPatchesCompletesAndDeletesATask() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Tasks API"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        UUID account = createAccount(token, "Task Target Co");
        Instant due = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        var created = api.post(token, "/api/v1/tasks", """
                {"title": "Send the proposal", "dueAt": "%s", "priority": "HIGH",
                 "recordType": "account", "recordId": "%s"}
                """.formatted(due, account));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
        JsonNode task = api.read(created);
        String id = task.get("id").asString();
        assertThat(task.get("assigneeId").asString()).isEqualTo(rep.id().toString());
        assertThat(task.get("status").asString()).isEqualTo("OPEN");
        assertThat(task.get("recordName").asString()).isEqualTo("Task Target Co");
        assertThat(task.get("recordHref").asString()).isEqualTo("/accounts/" + account);
        assertThat(Instant.parse(task.get("dueAt").asString())).isEqualTo(due);

        assertThat(api.get(token, "/api/v1/tasks/" + id)).hasStatusOk();
        assertThat(ids(api.get(token, "/api/v1/tasks?recordType=account&recordId=" + account))).containsExactly(id);
        assertThat(ids(api.get(token, "/api/v1/tasks?assigneeId=" + rep.id() + "&status=OPEN"))).containsExactly(id);
        assertThat(ids(api.get(token, "/api/v1/tasks?assigneeId=" + rep.id() + "&status=DONE"))).isEmpty();
        assertThat(ids(api.get(token, "/api/v1/tasks?assigneeId=" + rep.id() + "&dueBefore=" + due.plusSeconds(1)
                + "&dueAfter=" + due))).containsExactly(id);
        assertThat(ids(api.get(token, "/api/v1/tasks?assigneeId=" + rep.id() + "&dueBefore=" + due))).isEmpty();

        assertThat(api.patch(token, "/api/v1/tasks/" + id, null, "{\"title\": \"Send the final proposal\"}"))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(api.patch(token, "/api/v1/tasks/" + id, "\"7\"", "{\"title\": \"Send the final proposal\"}"))
                .hasStatus(HttpStatus.PRECONDITION_FAILED);
        var patched = api.patch(token, "/api/v1/tasks/" + id, "\"0\"",
                "{\"title\": \"Send the final proposal\", \"dueAt\": null}");
        assertThat(patched).hasStatusOk();
        assertThat(api.read(patched).get("title").asString()).isEqualTo("Send the final proposal");
        assertThat(api.read(patched).get("dueAt").isNull()).isTrue();
        assertThat(api.read(patched).get("priority").asString()).isEqualTo("HIGH");

        var done = api.patch(token, "/api/v1/tasks/" + id, "\"1\"", "{\"status\": \"DONE\"}");
        assertThat(done).hasStatusOk();
        assertThat(api.read(done).get("completedAt").isNull()).isFalse();
        assertThat(ids(api.get(token, "/api/v1/tasks?assigneeId=" + rep.id() + "&status=DONE"))).containsExactly(id);

        var history = audit.history(TaskService.ref(UUID.fromString(id)), 10);
        assertThat(history).extracting(AuditService.Entry::action).containsExactly(AuditService.Action.UPDATE,
                AuditService.Action.UPDATE, AuditService.Action.CREATE);
        assertThat(history.getFirst().changes()).containsKey("status");

        assertThat(api.delete(token, "/api/v1/tasks/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(token, "/api/v1/tasks/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(audit.history(TaskService.ref(UUID.fromString(id)), 10).getFirst().action())
                .isEqualTo(AuditService.Action.DELETE);
    }

    @Test
    void pagesByDueTimeWithTasksWithoutOneLast() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        Instant base = Instant.parse("2030-01-01T09:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 4; i >= 0; i--) {
            expected.addFirst(api.read(api.post(token, "/api/v1/tasks",
                    "{\"title\": \"T" + i + "\", \"dueAt\": \"" + base.plus(i, ChronoUnit.DAYS) + "\"}")).get("id").asString());
        }
        expected.add(api.read(api.post(token, "/api/v1/tasks", "{\"title\": \"Undated\"}")).get("id").asString());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.read(api.get(token, "/api/v1/tasks?assigneeId=" + rep.id() + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertField(api.get(token, "/api/v1/tasks?cursor=garbage"), "cursor");
    }

    @Test
    void rejectsBadInputNamingTheFieldAndWritesNothing() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);

        assertField(api.post(token, "/api/v1/tasks", "{\"description\": \"no title\"}"), "title");
        assertField(api.post(token, "/api/v1/tasks", "{\"title\": \" \"}"), "title");
        assertField(api.post(token, "/api/v1/tasks", "{\"title\": \"x\", \"status\": \"SOMEDAY\"}"), "status");
        assertField(api.post(token, "/api/v1/tasks", "{\"title\": \"x\", \"dueAt\": \"next tuesday\"}"), "dueAt");
        assertField(api.post(token, "/api/v1/tasks", "{\"title\": \"x\", \"colour\": \"red\"}"), "colour");
        assertField(api.post(token, "/api/v1/tasks",
                "{\"title\": \"x\", \"recordType\": \"planet\", \"recordId\": \"" + UUID.randomUUID() + "\"}"), "recordType");
        assertField(api.post(token, "/api/v1/tasks",
                "{\"title\": \"x\", \"recordType\": \"contact\", \"recordId\": \"" + UUID.randomUUID() + "\"}"), "recordId");
        assertField(api.post(token, "/api/v1/tasks", "{\"title\": \"x\", \"recordType\": \"contact\"}"), "recordId");
        assertField(api.post(token, "/api/v1/tasks",
                "{\"title\": \"x\", \"assigneeId\": \"" + UUID.randomUUID() + "\"}"), "assigneeId");
        assertField(api.get(token, "/api/v1/tasks?status=SOMEDAY"), "status");
        assertField(api.get(token, "/api/v1/tasks?dueBefore=yesterday"), "dueBefore");
        assertField(api.get(token, "/api/v1/tasks?recordType=planet"), "recordType");
        assertField(api.get(token, "/api/v1/tasks?limit=0"), "limit");

        String id = api.read(api.post(token, "/api/v1/tasks", "{\"title\": \"Valid\"}")).get("id").asString();
        assertField(api.patch(token, "/api/v1/tasks/" + id, "\"0\"", "{\"priority\": \"EXTREME\"}"), "priority");
        assertField(api.patch(token, "/api/v1/tasks/" + id, "\"0\"", "{\"title\": null}"), "title");
        assertThat(api.read(api.get(token, "/api/v1/tasks/" + id)).get("version").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from tasks where owner_id = :rep").param("rep", rep.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void salesRepCannotSeeOrChangeATaskOnAnotherDepartmentsRecord() {
        CurrentUser eastRep = testUsers.create(Role.SALES_REP, testUsers.department("East"));
        CurrentUser westRep = testUsers.create(Role.SALES_REP, testUsers.department("West"));
        String east = api.token(eastRep.email(), TestUsers.PASSWORD);
        String west = api.token(westRep.email(), TestUsers.PASSWORD);
        UUID eastAccount = createAccount(east, "East Only Co");
        String id = api.read(api.post(east, "/api/v1/tasks",
                "{\"title\": \"East secret\", \"recordType\": \"account\", \"recordId\": \"" + eastAccount + "\"}"))
                .get("id").asString();

        assertThat(api.get(west, "/api/v1/tasks/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.patch(west, "/api/v1/tasks/" + id, "\"0\"", "{\"title\": \"Stolen\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.delete(west, "/api/v1/tasks/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ids(api.get(west, "/api/v1/tasks?recordType=account&recordId=" + eastAccount))).isEmpty();
        assertField(api.post(west, "/api/v1/tasks",
                "{\"title\": \"Sneak\", \"recordType\": \"account\", \"recordId\": \"" + eastAccount + "\"}"), "recordId");
        assertThat(api.read(api.get(east, "/api/v1/tasks/" + id)).get("title").asString()).isEqualTo("East secret");
        assertThat(api.read(api.get(east, "/api/v1/tasks/" + id)).get("version").asInt()).isZero();

        // Assigned to the West rep, the task becomes theirs to see, but the East record's name stays hidden.
        var reassigned = api.patch(east, "/api/v1/tasks/" + id, "\"0\"", "{\"assigneeId\": \"" + westRep.id() + "\"}");
        assertThat(reassigned).hasStatusOk();
        JsonNode seenByWest = api.read(api.get(west, "/api/v1/tasks/" + id));
        assertThat(seenByWest.get("recordId").asString()).isEqualTo(eastAccount.toString());
        assertThat(seenByWest.get("recordName").isNull()).isTrue();
        assertThat(api.read(api.get(east, "/api/v1/tasks/" + id)).get("recordName").asString()).isEqualTo("East Only Co");
        assertThat(notifications.recent(westRep, true, 10)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("TASK_ASSIGNED");
            assertThat(n.link()).isEqualTo("/tasks/" + id);
        });
    }

    @Test
    void readOnlyUsersMayReadButNotWriteTasks() {
        CurrentUser reader = testUsers.create(Role.READ_ONLY, null);
        String token = api.token(reader.email(), TestUsers.PASSWORD, "read");
        assertThat(api.get(token, "/api/v1/tasks")).hasStatusOk();
        assertThat(api.post(token, "/api/v1/tasks", "{\"title\": \"Nope\"}")).hasStatus(HttpStatus.FORBIDDEN);
    }

    private UUID createAccount(String token, String name) {
        var response = api.post(token, "/api/v1/accounts", "{\"name\": \"" + name + "\"}");
        assertThat(response).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(api.read(response).get("id").asString());
    }

    private List<String> ids(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        assertThat(result).hasStatusOk();
        List<String> ids = new ArrayList<>();
        api.read(result).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private void assertField(org.springframework.test.web.servlet.assertj.MvcTestResult result, String field) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(api.read(result).get("errors").findValuesAsString("field")).as(ApiClient.text(result)).contains(field);
    }
}
