package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import tools.jackson.databind.JsonNode;

/** A lead in a department's queue shows its timeline and tasks to that department, even where users see only their own. */
@IntegrationTest
class LeadQueueVisibilityTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AssignmentRules rules;

    @BeforeEach
    void everyoneSeesOnlyTheirOwnRecords() {
        jdbc.sql("update org_settings set visibility_scope = 'OWN'").update();
    }

    @AfterEach
    void restoreTheDefault() {
        jdbc.sql("update org_settings set visibility_scope = 'DEPARTMENT'").update();
    }

    @Test
    void aRepOfTheQueuesDepartmentSeesTheTimelineAndTasksOfAnUnownedLead() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        rules.all().forEach(r -> rules.delete(admin, r.id()));
        UUID department = testUsers.department("Queue timeline");
        CurrentUser rep = testUsers.create(Role.SALES_REP, department);
        CurrentUser outsider = testUsers.create(Role.SALES_REP, testUsers.department("Other queue"));
        String adminToken = api.token(admin.email(), TestUsers.PASSWORD);
        String lead = api.read(api.post(adminToken, "/api/v1/leads",
                "{\"lastName\": \"Unowned\", \"departmentId\": \"%s\"}".formatted(department))).get("id").asString();
        assertThat(api.read(api.get(adminToken, "/api/v1/leads/" + lead)).get("ownerId").isNull()).isTrue();
        var note = api.post(adminToken, "/api/v1/interactions", """
                {"type": "NOTE", "body": "Asked for the price list", "related": [{"type": "lead", "id": "%s"}]}
                """.formatted(lead));
        assertThat(note).hasStatus(HttpStatus.CREATED);
        String noteId = api.read(note).get("id").asString();
        var task = api.post(adminToken, "/api/v1/tasks",
                "{\"title\": \"Send the price list\", \"recordType\": \"lead\", \"recordId\": \"%s\"}".formatted(lead));
        assertThat(task).hasStatus(HttpStatus.CREATED);
        String taskId = api.read(task).get("id").asString();

        String repToken = api.token(rep.email(), TestUsers.PASSWORD);
        assertThat(api.get(repToken, "/api/v1/leads/" + lead)).hasStatusOk();
        var timeline = api.get(repToken, "/api/v1/interactions?recordType=lead&recordId=" + lead);
        assertThat(timeline).hasStatusOk();
        assertThat(ids(api.read(timeline).get("items"))).containsExactly(noteId);
        assertThat(api.get(repToken, "/api/v1/interactions/" + noteId)).hasStatusOk();
        assertThat(ids(api.read(api.get(repToken, "/api/v1/tasks?recordType=lead&recordId=" + lead)).get("items")))
                .containsExactly(taskId);
        assertThat(mvc.get().uri("/leads/{id}", lead).with(TestUsers.signedIn(rep))).hasStatusOk().bodyText()
                .contains("Unassigned queue", "/interactions/timeline?recordType=lead&amp;recordId=" + lead);
        assertThat(mvc.get().uri("/interactions/timeline?recordType=lead&recordId={id}", lead)
                .with(TestUsers.signedIn(rep))).hasStatusOk().bodyText().contains("Asked for the price list");
        assertThat(mvc.get().uri("/tasks/panel?recordType=lead&recordId={id}", lead)
                .with(TestUsers.signedIn(rep))).hasStatusOk().bodyText().contains("Send the price list");

        String outsiderToken = api.token(outsider.email(), TestUsers.PASSWORD);
        assertThat(api.get(outsiderToken, "/api/v1/leads/" + lead)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(outsiderToken, "/api/v1/interactions?recordType=lead&recordId=" + lead))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(outsiderToken, "/api/v1/interactions/" + noteId)).hasStatus(HttpStatus.NOT_FOUND);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
