package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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

@IntegrationTest
class DealPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired DealService deals;
    @Autowired PipelineService pipelines;
    @Autowired JdbcClient jdbc;

    @Test
    void showsTheListTheBoardAndADealWithItsPanels() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Deal pages"));
        DealView deal = deals.create(rep, new NewDeal("Page deal", null, null, new BigDecimal("2500"), "USD",
                LocalDate.of(2031, 1, 15), null, null, List.of()));

        assertThat(text(mvc.get().uri("/deals?owner={o}", rep.id()).with(TestUsers.signedIn(rep)).exchange()))
                .contains("Page deal").contains("USD 2,500.00");
        assertThat(text(mvc.get().uri("/deals/board?owner={o}", rep.id()).with(TestUsers.signedIn(rep)).exchange()))
                .contains("Page deal").contains("Sortable.min.js").contains("/js/kanban.js");
        String page = text(mvc.get().uri("/deals/{id}", deal.id()).with(TestUsers.signedIn(rep)).exchange());
        assertThat(page).contains("recordType=deal").contains("/tasks/panel").contains("id=\"stage-history\"")
                .contains("Qualification");

        assertThat(text(mvc.get().uri("/deals/forecast?period=QUARTER&groupBy=DEPARTMENT&from=2031-01-01&to=2031-03-31").with(TestUsers.signedIn(rep))
                .exchange())).contains("id=\"forecast-pipeline\"").contains("Deal pages");

        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Other deal pages"));
        assertThat(mvc.get().uri("/deals/{id}", deal.id()).with(TestUsers.signedIn(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void createsAndEditsADealWithErrorsNextToTheFields() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Deal forms"));
        PipelineStage proposal = pipelines.defaultPipeline().stages().get(2);
        assertThat(text(mvc.get().uri("/deals/new").with(TestUsers.signedIn(rep)).exchange())).contains("Create deal");

        assertThat(text(mvc.post().uri("/deals").with(TestUsers.signedIn(rep)).with(csrf())
                .param("name", "Form deal").param("stageId", proposal.id().toString()).param("amount", "-3")
                .exchange())).contains("id=\"amount-error\"").contains("value=\"Form deal\"");
        assertThat(text(mvc.post().uri("/deals").with(TestUsers.signedIn(rep)).with(csrf())
                .param("name", "Form deal").param("expectedCloseDate", "soon").exchange()))
                .contains("id=\"expectedCloseDate-error\"");
        assertThat(mvc.post().uri("/deals").with(TestUsers.signedIn(rep)).with(csrf())
                .param("name", "Form deal").param("stageId", proposal.id().toString()).param("amount", "1,200.50")
                .param("currency", "EUR").param("expectedCloseDate", "2031-02-01").param("ownerId", rep.id().toString()))
                .hasStatus(HttpStatus.FOUND);
        var row = jdbc.sql("select id, amount, probability from deals where name = 'Form deal' and owner_id = :o")
                .param("o", rep.id()).query().singleRow();
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("1200.50");
        assertThat(row.get("probability")).isEqualTo(proposal.probability());
    }

    @Test
    void adminsManagePipelinesAndStages() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String name = "Renewals " + java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.post().uri("/admin/pipelines").with(TestUsers.signedIn(admin)).with(csrf()).param("name", name))
                .hasStatus(HttpStatus.FOUND);
        PipelineView created = pipelines.list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.stages()).extracting(PipelineStage::kind)
                .containsExactly(StageKind.OPEN, StageKind.WON, StageKind.LOST);
        assertThat(mvc.post().uri("/admin/pipelines/{id}/stages", created.id()).with(TestUsers.signedIn(admin))
                .with(csrf()).param("name", "Quote sent").param("probability", "60").param("kind", "OPEN"))
                .hasStatus(HttpStatus.FOUND);
        PipelineStage first = created.stages().getFirst();
        assertThat(mvc.post().uri("/admin/pipelines/{id}/stages/{s}", created.id(), first.id())
                .with(TestUsers.signedIn(admin)).with(csrf()).param("name", "Renewal due").param("probability", "20")
                .param("kind", "OPEN").param("position", "0")).hasStatus(HttpStatus.FOUND);
        PipelineView after = pipelines.get(created.id());
        assertThat(after.stages()).extracting(PipelineStage::name).contains("Renewal due", "Quote sent");
        assertThat(after.stages().getFirst().probability()).isEqualTo(20);
        assertThat(text(mvc.get().uri("/admin/pipelines").with(TestUsers.signedIn(admin)).exchange()))
                .contains(name).contains("Quote sent");

        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        deals.create(rep, new NewDeal("In use", created.id(), null, BigDecimal.ONE, null, null, null, null, List.of()));
        assertThat(mvc.post().uri("/admin/pipelines/{id}/stages/{s}/delete", created.id(), first.id())
                .with(TestUsers.signedIn(admin)).with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(pipelines.get(created.id()).stages()).extracting(PipelineStage::id).contains(first.id());
        assertThat(mvc.get().uri("/admin/pipelines").with(TestUsers.signedIn(rep))).hasStatus(HttpStatus.FORBIDDEN);
    }

    private static String text(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(ApiClient.text(result)).isEqualTo(200);
        return ApiClient.text(result);
    }
}
