package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ForecastTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired DealService deals;
    @Autowired PipelineService pipelines;
    @Autowired ForecastService forecasts;

    @Test
    void weighsTheOpenPipelinePerMonthAndQuarterAndMeasuresClosedDeals() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Forecast"));
        PipelineView sales = pipelines.defaultPipeline();
        PipelineStage proposal = sales.stages().get(2);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate month = today.withDayOfMonth(1).plusMonths(1);
        deals.create(rep, new NewDeal("F1", null, proposal.id(), new BigDecimal("1000"), "EUR", month.plusDays(3),
                null, null, List.of()));
        deals.create(rep, new NewDeal("F2", null, sales.stages().getFirst().id(), new BigDecimal("500"), "EUR",
                month.plusDays(10), null, null, List.of()));
        deals.create(rep, new NewDeal("Won", null, sales.firstOf(StageKind.WON).orElseThrow().id(),
                new BigDecimal("300"), "EUR", today, null, null, List.of()));
        deals.create(rep, new NewDeal("Won too", null, sales.firstOf(StageKind.WON).orElseThrow().id(),
                new BigDecimal("100"), "EUR", today, null, null, List.of()));
        deals.create(rep, new NewDeal("Lost", null, sales.firstOf(StageKind.LOST).orElseThrow().id(),
                new BigDecimal("900"), "EUR", today, null, null, List.of()));

        var forecast = forecasts.forecast(rep, today.withDayOfMonth(1), today.plusYears(1), ForecastService.Period.MONTH,
                ForecastService.GroupBy.REP, null);
        var mine = forecast.pipeline().stream().filter(r -> r.key().equals(rep.id().toString())).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().period()).isEqualTo(month);
        assertThat(mine.getFirst().weighted()).isEqualByComparingTo("550.00");
        assertThat(mine.getFirst().bestCase()).isEqualByComparingTo("1500.00");
        assertThat(mine.getFirst().deals()).isEqualTo(2);
        var closed = forecast.closed().stream().filter(r -> r.key().equals(rep.id().toString())).toList();
        assertThat(closed).hasSize(1);
        assertThat(closed.getFirst().won()).isEqualTo(2);
        assertThat(closed.getFirst().lost()).isEqualTo(1);
        assertThat(closed.getFirst().winRate()).isEqualByComparingTo("66.7");
        assertThat(closed.getFirst().averageDealSize()).isEqualByComparingTo("200.00");
        assertThat(closed.getFirst().revenueWon()).isEqualByComparingTo("400.00");
        assertThat(closed.getFirst().salesCycleDays()).isNotNull();

        String token = api.token(rep.email(), TestUsers.PASSWORD);
        JsonNode quarter = api.read(api.get(token, "/api/v1/forecast?period=QUARTER&groupBy=DEPARTMENT&from="
                + today.withDayOfMonth(1) + "&to=" + today.plusYears(1)));
        boolean found = false;
        for (JsonNode row : quarter.get("pipeline")) {
            if (row.get("key").asString().equals(rep.departmentId().toString())) {
                found = true;
                assertThat(row.get("periodLabel").asString()).matches("\\d{4} Q[1-4]");
            }
        }
        assertThat(found).isTrue();
        assertThat(api.get(token, "/api/v1/forecast?from=2030-01-01&to=2029-01-01")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(token, "/api/v1/forecast?from=soon")).hasStatus(HttpStatus.BAD_REQUEST);

        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Forecast elsewhere"));
        var theirs = forecasts.forecast(stranger, today.withDayOfMonth(1), today.plusYears(1), null, null, null);
        assertThat(theirs.pipeline()).noneMatch(r -> r.key().equals(rep.id().toString()));
    }
}
