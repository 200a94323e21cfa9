package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class DealApiTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired AuditService audit;
    @Autowired PipelineService pipelines;
    @Autowired JdbcClient jdbc;

    @Test
    void createsReadsMovesAndListsADealWithItsStageHistory() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Deals API"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        UUID account = UUID.fromString(api.read(api.post(token, "/api/v1/accounts", "{\"name\": \"Deal Target Co\"}"))
                .get("id").asString());
        UUID contact = UUID.fromString(api.read(api.post(token, "/api/v1/contacts",
                "{\"firstName\": \"Ada\", \"lastName\": \"Buyer\"}")).get("id").asString());
        PipelineView sales = pipelines.defaultPipeline();

        var created = api.post(token, "/api/v1/deals", """
                {"name": "Big rollout", "amount": 12000.50, "currency": "eur", "expectedCloseDate": "2031-03-31",
                 "accountId": "%s", "contacts": [{"contactId": "%s", "role": "Decision maker"}]}
                """.formatted(account, contact));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
        JsonNode deal = api.read(created);
        String id = deal.get("id").asString();
        assertThat(deal.get("pipelineId").asString()).isEqualTo(sales.id().toString());
        assertThat(deal.get("stageId").asString()).isEqualTo(sales.stages().getFirst().id().toString());
        assertThat(deal.get("probability").asInt()).isEqualTo(sales.stages().getFirst().probability());
        assertThat(deal.get("currency").asString()).isEqualTo("EUR");
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("12000.50");
        assertThat(deal.get("status").asString()).isEqualTo("OPEN");
        assertThat(deal.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(deal.get("contacts").get(0).get("role").asString()).isEqualTo("Decision maker");

        PipelineStage proposal = sales.stages().get(2);
        var moved = api.patch(token, "/api/v1/deals/" + id, "\"0\"", "{\"stageId\": \"" + proposal.id() + "\"}");
        assertThat(moved).hasStatusOk();
        assertThat(api.read(moved).get("stageName").asString()).isEqualTo(proposal.name());
        assertThat(api.read(moved).get("probability").asInt()).isEqualTo(proposal.probability());
        assertThat(api.read(moved).get("contacts").size()).isEqualTo(1);

        PipelineStage won = sales.firstOf(StageKind.WON).orElseThrow();
        var closed = api.patch(token, "/api/v1/deals/" + id, "\"1\"", "{\"stageId\": \"" + won.id() + "\"}");
        assertThat(api.read(closed).get("status").asString()).isEqualTo("WON");
        assertThat(api.read(closed).get("closedAt").isNull()).isFalse();

        JsonNode history = api.read(api.get(token, "/api/v1/deals/" + id + "/stage-history"));
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("stageName").asString()).isEqualTo(sales.stages().getFirst().name());
        assertThat(history.get(0).get("leftAt").isNull()).isFalse();
        assertThat(history.get(2).get("stageName").asString()).isEqualTo(won.name());
        assertThat(history.get(2).get("leftAt").isNull()).isTrue();

        JsonNode list = api.read(api.get(token, "/api/v1/deals?accountId=" + account + "&status=WON"));
        assertThat(list.get("items").size()).isEqualTo(1);
        assertThat(audit.history(new RecordRef("deal", UUID.fromString(id)), 10)).hasSize(3);

        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Deals elsewhere"));
        String other = api.token(stranger.email(), TestUsers.PASSWORD);
        assertThat(api.get(other, "/api/v1/deals/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.read(api.get(other, "/api/v1/deals?accountId=" + account)).get("items").size()).isZero();
    }

    @Test
    void rejectsBadInputWithProblemDetailsAndWritesNothing() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Deals bad input"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        long before = deals();
        List<String> bodies = new ArrayList<>(List.of(
                "{\"name\": \"Unknown stage\", \"stageId\": \"" + UUID.randomUUID() + "\"}",
                "{\"name\": \"Negative\", \"amount\": -5}",
                "{\"name\": \"Bad date\", \"expectedCloseDate\": \"next Tuesday\"}",
                "{\"name\": \"Bad date 2\", \"expectedCloseDate\": \"2031-02-30\"}",
                "{\"name\": \"\"}",
                "{\"name\": \"Bad currency\", \"currency\": \"EURO\"}",
                "{\"name\": \"Bad probability\", \"probability\": 140}",
                "{\"name\": \"Bad contact\", \"contacts\": [{\"contactId\": \"" + UUID.randomUUID() + "\"}]}"));
        PipelineView sales = pipelines.defaultPipeline();
        PipelineView other = pipelines.create(testUsers.create(Role.ADMIN, null), "Other " + UUID.randomUUID(),
                List.of(new PipelineService.StageSpec("Only", 30, StageKind.OPEN)));
        bodies.add("{\"name\": \"Stage of another pipeline\", \"pipelineId\": \"" + sales.id() + "\", \"stageId\": \""
                + other.stages().getFirst().id() + "\"}");
        for (String body : bodies) {
            var response = api.post(token, "/api/v1/deals", body);
            assertThat(response).as(body).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(response.getResponse().getContentType()).as(body)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        assertThat(api.read(api.post(token, "/api/v1/deals", bodies.get(1))).toString()).contains("amount");
        assertThat(api.read(api.post(token, "/api/v1/deals", bodies.get(0))).toString()).contains("stageId");
        assertThat(api.read(api.post(token, "/api/v1/deals", bodies.get(2))).toString()).contains("expectedCloseDate");
        assertThat(deals()).isEqualTo(before);

        String id = api.read(api.post(token, "/api/v1/deals", "{\"name\": \"Good one\", \"amount\": 10}"))
                .get("id").asString();
        long history = jdbc.sql("select count(*) from deal_stage_history").query(Long.class).single();
        for (String patch : List.of("{\"stageId\": \"" + UUID.randomUUID() + "\"}", "{\"amount\": -1}",
                "{\"expectedCloseDate\": \"soon\"}")) {
            var response = api.patch(token, "/api/v1/deals/" + id, "\"0\"", patch);
            assertThat(response).as(patch).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(response.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        JsonNode unchanged = api.read(api.get(token, "/api/v1/deals/" + id));
        assertThat(unchanged.get("version").asInt()).isZero();
        assertThat(unchanged.get("amount").decimalValue()).isEqualByComparingTo("10");
        assertThat(jdbc.sql("select count(*) from deal_stage_history").query(Long.class).single()).isEqualTo(history);
    }

    @Test
    void followsMergedAccountsAndContacts() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Deals merge"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String survivor = api.read(api.post(token, "/api/v1/accounts", "{\"name\": \"Merge Keep\"}")).get("id").asString();
        String merged = api.read(api.post(token, "/api/v1/accounts", "{\"name\": \"Merge Gone\"}")).get("id").asString();
        String keep = api.read(api.post(token, "/api/v1/contacts", "{\"firstName\": \"Kim\", \"lastName\": \"Keep\"}"))
                .get("id").asString();
        String gone = api.read(api.post(token, "/api/v1/contacts", "{\"firstName\": \"Kim\", \"lastName\": \"Gone\"}"))
                .get("id").asString();
        String deal = api.read(api.post(token, "/api/v1/deals", """
                {"name": "Merged deal", "accountId": "%s", "contacts": [{"contactId": "%s", "role": "Champion"}]}
                """.formatted(merged, gone))).get("id").asString();

        assertThat(api.post(token, "/api/v1/accounts/merge",
                "{\"survivorId\": \"%s\", \"mergedIds\": [\"%s\"]}".formatted(survivor, merged))).hasStatusOk();
        assertThat(api.post(token, "/api/v1/contacts/merge",
                "{\"survivorId\": \"%s\", \"mergedIds\": [\"%s\"]}".formatted(keep, gone))).hasStatusOk();

        JsonNode after = api.read(api.get(token, "/api/v1/deals/" + deal));
        assertThat(after.get("accountId").asString()).isEqualTo(survivor);
        assertThat(after.get("contacts").size()).isEqualTo(1);
        assertThat(after.get("contacts").get(0).get("contactId").asString()).isEqualTo(keep);
        assertThat(after.get("contacts").get(0).get("role").asString()).isEqualTo("Champion");
    }

    @Test
    void listsPipelinesWithOrderedStages() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Pipelines API"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        JsonNode list = api.read(api.get(token, "/api/v1/pipelines"));
        JsonNode sales = null;
        for (JsonNode p : list) {
            if (p.get("isDefault").asBoolean()) {
                sales = p;
            }
        }
        assertThat(sales).isNotNull();
        assertThat(sales.get("stages").get(0).get("position").asInt()).isZero();
        assertThat(api.post(token, "/api/v1/pipelines", "{\"name\": \"Mine\", \"stages\": []}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private long deals() {
        return jdbc.sql("select count(*) from deals").query(Long.class).single();
    }
}
