package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.platform.AuditService;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class LeadApiTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired AuditService audit;
    @Autowired JdbcClient jdbc;
    @Autowired AssignmentRules rules;

    @Test
    void createsReadsListsPatchesAndAuditsALead() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads API"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String email = "ada-" + UUID.randomUUID() + "@example.org";

        var created = api.post(token, "/api/v1/leads", """
                {"firstName": "Ada", "lastName": "Lovelace", "email": "%s", "company": "Engines Ltd",
                 "country": "gb", "ownerId": "%s"}
                """.formatted(email.toUpperCase(), rep.id()));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode lead = api.read(created);
        String id = lead.get("id").asString();
        assertThat(lead.get("email").asString()).isEqualTo(email);
        assertThat(lead.get("country").asString()).isEqualTo("GB");
        assertThat(lead.get("source").asString()).isEqualTo("API");
        assertThat(lead.get("status").asString()).isEqualTo("NEW");
        assertThat(lead.get("generatedBy").asString()).isEqualTo(rep.id().toString());
        assertThat(lead.get("departmentId").asString()).isEqualTo(rep.departmentId().toString());

        assertThat(api.get(token, "/api/v1/leads/" + id)).hasStatusOk();
        JsonNode page = api.read(api.get(token, "/api/v1/leads?q=Engines&ownerId=" + rep.id()));
        assertThat(page.get("items")).hasSize(1);

        assertThat(api.patch(token, "/api/v1/leads/" + id, null, "{\"status\": \"WORKING\"}"))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(api.patch(token, "/api/v1/leads/" + id, "\"0\"", "{\"status\": \"DISQUALIFIED\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("disqualifiedReason");
        var patched = api.patch(token, "/api/v1/leads/" + id, "\"0\"",
                "{\"status\": \"DISQUALIFIED\", \"disqualifiedReason\": \"No budget\"}");
        assertThat(patched).hasStatusOk();
        assertThat(api.read(patched).get("disqualifiedReason").asString()).isEqualTo("No budget");

        var history = audit.history(new RecordRef("lead", UUID.fromString(id)), 10);
        assertThat(history).extracting(AuditService.Entry::action)
                .containsExactly(AuditService.Action.UPDATE, AuditService.Action.CREATE);

        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Leads elsewhere"));
        assertThat(api.get(api.token(stranger.email(), TestUsers.PASSWORD), "/api/v1/leads/" + id))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void rejectsBadInputNamingTheFieldAndWritesNothing() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads bad input"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        int before = count();
        Map<String, String> bad = new HashMap<>();
        bad.put("{\"firstName\": \"No last name\"}", "lastName");
        bad.put("{\"lastName\": \"X\", \"email\": \"not an email\"}", "email");
        bad.put("{\"lastName\": \"X\", \"phone\": \"call me\"}", "phone");
        bad.put("{\"lastName\": \"X\", \"country\": \"ZZ\"}", "country");
        bad.put("{\"lastName\": \"X\", \"source\": \"CARRIER_PIGEON\"}", "source");
        bad.put("{\"lastName\": \"X\", \"status\": \"CONVERTED\"}", "status");
        bad.put("{\"lastName\": \"X\", \"ownerId\": \"" + UUID.randomUUID() + "\"}", "ownerId");
        bad.forEach((body, field) -> {
            var response = api.post(token, "/api/v1/leads", body);
            assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(response.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(api.read(response).toString()).as(body).contains("\"" + field + "\"");
        });
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesADuplicateOfAnOpenLeadOrAContactUnlessAsked() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads dups"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String email = "dup-" + UUID.randomUUID() + "@example.org";
        String body = "{\"lastName\": \"Twin\", \"email\": \"%s\", \"ownerId\": \"%s\"}".formatted(email, rep.id());
        assertThat(api.post(token, "/api/v1/leads", body)).hasStatus(HttpStatus.CREATED);
        assertThat(api.post(token, "/api/v1/leads", body)).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.post(token, "/api/v1/leads?allowDuplicate=true", body)).hasStatus(HttpStatus.CREATED);

        String contactEmail = "known-" + UUID.randomUUID() + "@example.org";
        api.post(token, "/api/v1/contacts", "{\"lastName\": \"Known\", \"emails\": [{\"address\": \"%s\"}]}"
                .formatted(contactEmail));
        assertThat(api.post(token, "/api/v1/leads", "{\"lastName\": \"Known\", \"email\": \"%s\"}"
                .formatted(contactEmail))).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void roundRobinGivesTenLeadsToThreeRepsFourThreeThree() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        UUID department = testUsers.department("Round robin");
        CurrentUser a = testUsers.create(Role.SALES_REP, department);
        CurrentUser b = testUsers.create(Role.SALES_REP, department);
        CurrentUser c = testUsers.create(Role.SALES_REP, department);
        testUsers.create(Role.MANAGER, department);
        clearRules(admin);
        UUID rule = rules.add(admin, AssignmentRule.Kind.ROUND_ROBIN, null, department, null);
        try {
            String token = api.token(admin.email(), TestUsers.PASSWORD);
            for (int i = 0; i < 10; i++) {
                var created = api.post(token, "/api/v1/leads", "{\"lastName\": \"RR %d\", \"company\": \"%s\"}"
                        .formatted(i, department));
                assertThat(created).hasStatus(HttpStatus.CREATED);
                assertThat(api.read(created).get("departmentId").asString()).isEqualTo(department.toString());
            }
            Map<UUID, Integer> perRep = new HashMap<>();
            jdbc.sql("select owner_id, count(*)::int as n from leads where company = :c group by owner_id")
                    .param("c", department.toString())
                    .query((rs, n) -> perRep.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
            assertThat(perRep).containsOnlyKeys(a.id(), b.id(), c.id());
            assertThat(perRep.values()).containsExactlyInAnyOrder(4, 3, 3);
        } finally {
            rules.delete(admin, rule);
        }
    }

    @Test
    void leadsNoRuleMatchesWaitInTheQueueOfTheirDepartment() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        clearRules(admin);
        UUID department = testUsers.department("Queue");
        CurrentUser rep = testUsers.create(Role.SALES_REP, department);
        CurrentUser outsider = testUsers.create(Role.SALES_REP, testUsers.department("Not queue"));
        String token = api.token(admin.email(), TestUsers.PASSWORD);
        String id = api.read(api.post(token, "/api/v1/leads", "{\"lastName\": \"Queued\", \"departmentId\": \"%s\"}"
                .formatted(department))).get("id").asString();
        JsonNode lead = api.read(api.get(token, "/api/v1/leads/" + id));
        assertThat(lead.get("ownerId").isNull()).isTrue();
        assertThat(api.get(api.token(rep.email(), TestUsers.PASSWORD), "/api/v1/leads/" + id)).hasStatusOk();
        assertThat(api.get(api.token(outsider.email(), TestUsers.PASSWORD), "/api/v1/leads/" + id))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void convertingMovesInteractionsAndTasksToTheNewContactAndTwiceIsAConflict() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads convert"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String id = api.read(api.post(token, "/api/v1/leads", """
                {"firstName": "Grace", "lastName": "Hopper", "email": "grace-%s@navy.example", "company": "Navy %s",
                 "ownerId": "%s"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), rep.id()))).get("id").asString();
        var note = api.post(token, "/api/v1/interactions", """
                {"type": "NOTE", "occurredAt": "2026-11-20T10:00:00Z", "body": "Met at the fair",
                 "related": [{"type": "lead", "id": "%s"}]}
                """.formatted(id));
        assertThat(note).hasStatus(HttpStatus.CREATED);
        String noteId = api.read(note).get("id").asString();
        var task = api.post(token, "/api/v1/tasks", """
                {"title": "Call Grace back", "recordType": "lead", "recordId": "%s"}
                """.formatted(id));
        assertThat(task).hasStatus(HttpStatus.CREATED);
        String taskId = api.read(task).get("id").asString();

        var converted = api.post(token, "/api/v1/leads/" + id + "/convert", "{}");
        assertThat(converted).hasStatusOk();
        JsonNode lead = api.read(converted);
        assertThat(lead.get("status").asString()).isEqualTo("CONVERTED");
        String contact = lead.get("convertedContactId").asString();
        assertThat(lead.get("convertedAccountId").isNull()).isFalse();
        assertThat(api.read(api.get(token, "/api/v1/contacts/" + contact)).get("lastName").asString())
                .isEqualTo("Hopper");

        JsonNode timeline = api.read(api.get(token, "/api/v1/interactions?recordType=contact&recordId=" + contact));
        assertThat(timeline.get("items").findValuesAsString("id")).contains(noteId);
        assertThat(api.read(api.get(token, "/api/v1/interactions?recordType=lead&recordId=" + id)).get("items"))
                .isEmpty();
        JsonNode movedTask = api.read(api.get(token, "/api/v1/tasks/" + taskId));
        assertThat(movedTask.get("recordType").asString()).isEqualTo("contact");
        assertThat(movedTask.get("recordId").asString()).isEqualTo(contact);

        int contacts = jdbc.sql("select count(*)::int from contacts").query(Integer.class).single();
        assertThat(api.post(token, "/api/v1/leads/" + id + "/convert", "{}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select count(*)::int from contacts").query(Integer.class).single()).isEqualTo(contacts);
        assertThat(api.patch(token, "/api/v1/leads/" + id, "\"" + lead.get("version").asInt() + "\"",
                "{\"status\": \"WORKING\"}")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void convertingIntoAnExistingContactLinksItToTheNewAccountAndMovesTheTasks() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads merge"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String contact = api.read(api.post(token, "/api/v1/contacts", "{\"lastName\": \"Existing\"}"))
                .get("id").asString();
        String id = api.read(api.post(token, "/api/v1/leads", "{\"lastName\": \"Existing\", \"company\": \"Merge %s\", \"ownerId\": \"%s\"}"
                .formatted(UUID.randomUUID(), rep.id()))).get("id").asString();
        String task = api.read(api.post(token, "/api/v1/tasks", "{\"title\": \"Follow up\", \"recordType\": \"lead\", \"recordId\": \"%s\"}"
                .formatted(id))).get("id").asString();
        var converted = api.post(token, "/api/v1/leads/" + id + "/convert", "{\"contactId\": \"%s\"}".formatted(contact));
        assertThat(converted).hasStatusOk();
        JsonNode lead = api.read(converted);
        assertThat(lead.get("convertedContactId").asString()).isEqualTo(contact);
        String account = lead.get("convertedAccountId").asString();
        assertThat(api.read(api.get(token, "/api/v1/contacts/" + contact)).get("accountIds").toString())
                .contains(account);
        assertThat(api.read(api.get(token, "/api/v1/tasks/" + task)).get("recordId").asString()).isEqualTo(contact);
    }

    @Test
    void convertingWithADealCreatesTheDealOnTheNewAccountAndContact() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads deal"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String id = api.read(api.post(token, "/api/v1/leads", ("{\"lastName\": \"Dealful\", \"company\": \"Dealful Ltd\","
                + " \"ownerId\": \"%s\"}").formatted(rep.id()))).get("id").asString();
        var response = api.post(token, "/api/v1/leads/" + id + "/convert",
                "{\"deal\": {\"name\": \"Big one\", \"amount\": 12000}}");
        assertThat(response).hasStatusOk();
        JsonNode lead = api.read(api.get(token, "/api/v1/leads/" + id));
        assertThat(lead.get("status").asString()).isEqualTo("CONVERTED");
        String dealId = lead.get("convertedDealId").asString();
        JsonNode deal = api.read(api.get(token, "/api/v1/deals/" + dealId));
        assertThat(deal.get("name").asString()).isEqualTo("Big one");
        assertThat(deal.get("accountId").asString()).isEqualTo(lead.get("convertedAccountId").asString());
        assertThat(deal.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(api.post(token, "/api/v1/leads/" + id + "/convert", "{}")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aConversionWhoseDealIsInvalidWritesNothing() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads bad deal"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String id = api.read(api.post(token, "/api/v1/leads", "{\"lastName\": \"Badeal\", \"ownerId\": \"%s\"}"
                .formatted(rep.id()))).get("id").asString();
        var response = api.post(token, "/api/v1/leads/" + id + "/convert",
                "{\"deal\": {\"name\": \"Negative\", \"amount\": -5}}");
        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.read(api.get(token, "/api/v1/leads/" + id)).get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void openLeadsTheCallerMaySeeAreInTheGlobalSearch() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Leads search"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String company = "Zyxglobe" + UUID.randomUUID().toString().substring(0, 6);
        String id = api.read(api.post(token, "/api/v1/leads", "{\"lastName\": \"Searchable\", \"company\": \"%s\","
                .formatted(company) + " \"ownerId\": \"" + rep.id() + "\"}")).get("id").asString();
        JsonNode hits = api.read(api.get(token, "/api/v1/search?q=" + company));
        assertThat(hits.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(hits.get("items").get(0).get("type").asString()).isEqualTo("lead");
        String typo = company.substring(0, 3) + company.charAt(4) + company.charAt(3) + company.substring(5);
        assertThat(api.read(api.get(token, "/api/v1/search?q=searchable%20" + typo)).get("items")
                .findValuesAsString("id")).containsExactly(id);
        assertThat(api.read(api.get(token, "/api/v1/search?types=contact&q=" + company)).get("items")).isEmpty();
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Leads search elsewhere"));
        assertThat(api.read(api.get(api.token(stranger.email(), TestUsers.PASSWORD), "/api/v1/search?q=" + company))
                .get("items")).isEmpty();
    }

    private void clearRules(CurrentUser admin) {
        rules.all().forEach(r -> rules.delete(admin, r.id()));
    }

    private int count() {
        return jdbc.sql("select count(*)::int from leads").query(Integer.class).single();
    }
}
