package org.rapport.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.springframework.http.HttpStatus;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ElementState;
import com.microsoft.playwright.options.LoadState;

/**
 * The forecast and sales-activity charts in headless Chromium: drawn by Chart.js from the page's data under the
 * Content-Security-Policy (no console error or violation), and drawn again when a filter changes the report.
 */
@IntegrationTest
class ReportChartsBrowserTest {

    /** What a test reads of a drawn chart; the page's script cannot be polled (that would need eval). */
    private static final String CHART = """
            id => {
              const chart = Chart.getChart(document.getElementById(id));
              return chart ? { labels: chart.data.labels.length, datasets: chart.data.datasets.length,
                               types: chart.data.datasets.map(d => d.type).join(','),
                               first: chart.data.datasets[0].data.map(Number) } : null;
            }
            """;

    private static Chromium chromium;

    @LocalServerPort int port;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired DealService deals;

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
    void theForecastChartsItsPipelinePerMonthAndRepAndRedrawsPerQuarter() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Charts"));
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        LocalDate from = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        LocalDate to = from.plusMonths(6).minusDays(1);
        deal(rep, "Chart deal one", "40000", from.plusDays(4));
        deal(rep, "Chart deal two", "10000", from.plusMonths(2).plusDays(9));
        deal(colleague, "Chart deal three", "25000", from.plusMonths(4));
        signIn(rep.email());

        page.navigate("/deals/forecast?from=" + from + "&to=" + to + "&period=MONTH&groupBy=REP");
        page.waitForLoadState(LoadState.LOAD);
        Map<?, ?> months = drawn("forecast-periods-EUR");
        assertThat(months.get("labels")).isEqualTo(6);
        assertThat(months.get("datasets")).isEqualTo(2);
        assertThat((List<?>) months.get("first")).hasSize(6).element(0).isEqualTo(4000);
        assertThat(drawn("forecast-groups-EUR").get("labels")).isEqualTo(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/forecast-charts.png"))
                .setFullPage(true));

        choose("Period", "QUARTER", "forecast-periods-EUR");
        Map<?, ?> quarters = drawn("forecast-periods-EUR");
        assertThat(quarters.get("labels")).isEqualTo(ForecastService.periods(from, to, ForecastService.Period.QUARTER)
                .size());
        assertThat(page.url()).contains("period=QUARTER");
        assertThat(page.locator("#forecast-pipeline")).containsText(rep.email().substring(0, 12));

        choose("Per", "ALL", "forecast-periods-EUR");
        assertThat(drawn("forecast-periods-EUR").get("labels")).isNotNull();
        assertThat(page.locator("#forecast-groups-EUR")).hasCount(0);
    }

    @Test
    void theSalesActivityChartShowsCallsAndTheSuccessRatePerRowAndRedrawsPerDepartment() {
        CurrentUser head = testUsers.create(Role.MANAGER, testUsers.department("Chart calls"));
        testUsers.makeHead(head.departmentId(), head.id());
        CurrentUser rep = testUsers.create(Role.SALES_REP, head.departmentId());
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String contact = api.read(api.post(token, "/api/v1/contacts", "{\"lastName\": \"Charted\"}")).get("id")
                .asString();
        for (String outcome : List.of("CONNECTED", "NO_ANSWER", "CONNECTED", "BUSY")) {
            assertThat(api.post(token, "/api/v1/interactions", """
                    {"type": "CALL", "direction": "OUTBOUND", "outcome": "%s", "to": "+13125550100",
                     "contactIds": ["%s"]}
                    """.formatted(outcome, contact))).hasStatus(HttpStatus.CREATED);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        signIn(head.email());

        page.navigate("/reports/sales-activity?from=" + today + "&to=" + today + "&groupBy=rep");
        page.waitForLoadState(LoadState.LOAD);
        Map<?, ?> perRep = drawn("sales-activity-chart");
        assertThat(perRep.get("labels")).isEqualTo(page.locator("#sales-activity tbody tr").count());
        assertThat(perRep.get("types")).isEqualTo("bar,bar,bar,bar,line");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(
                "Calls made, received, connected and successful, and the success rate, per rep; the table below has "
                        + "the figures."))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/sales-activity-chart.png"))
                .setFullPage(true));

        choose("Group by", "department", "sales-activity-chart");
        Map<?, ?> perDepartment = drawn("sales-activity-chart");
        assertThat(perDepartment.get("labels")).isEqualTo(page.locator("#sales-activity tbody tr").count());
        assertThat(page.locator("#sales-activity")).containsText("Chart calls");
        assertThat(page.url()).contains("groupBy=department");
    }

    /** Chooses a filter's option and waits until htmx has replaced the report holding the canvas. */
    private void choose(String filter, String option, String canvasId) {
        ElementHandle before = page.locator("#" + canvasId).elementHandle();
        page.getByLabel(filter, new Page.GetByLabelOptions().setExact(true)).selectOption(option);
        before.waitForElementState(ElementState.HIDDEN);
    }

    /** Waits until the chart on the canvas is drawn, then reads it. */
    private Map<?, ?> drawn(String canvasId) {
        Locator canvas = page.locator("#" + canvasId);
        assertThat(canvas).hasAttribute("data-chart-drawn", "");
        Object chart = page.evaluate(CHART, canvasId);
        assertThat(chart).as("Chart.getChart(#" + canvasId + ")").isInstanceOf(Map.class);
        return (Map<?, ?>) chart;
    }

    private void deal(CurrentUser owner, String name, String amount, LocalDate close) {
        deals.create(owner, new NewDeal(name, null, null, new BigDecimal(amount), "EUR", close, null, null,
                List.of()));
    }

    private void signIn(String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/login"));
    }
}
