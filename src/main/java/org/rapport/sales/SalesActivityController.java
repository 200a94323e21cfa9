package org.rapport.sales;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The sales-force tracking page: the report as a chart and a table, the leaderboard, each department's head and top
 * performer.
 */
@Controller
class SalesActivityController {

    /** A department with its head and its best rep in the period. */
    public record DepartmentLeaders(String department, String head, String topPerformer) {
    }

    /** The rows of the table that the chart shows: the first, which have won the most. */
    static final int CHART_ROWS = 20;

    private final SalesActivityService report;
    private final UserService users;
    private final Clock clock;

    SalesActivityController(SalesActivityService report, UserService users, Clock clock) {
        this.report = report;
        this.users = users;
        this.clock = clock;
    }

    /** The page, or on an htmx request from its filters only the report (chart, table and leaders). */
    @GetMapping("/reports/sales-activity")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "rep") String groupBy,
                HtmxRequest htmx, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("from", from == null ? today.minusDays(89).toString() : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        model.addAttribute("groupBy", groupBy);
        try {
            SalesActivityGrouping by = SalesActivityApi.grouping(groupBy);
            List<SalesActivityRow> rows = report.report(user, date("from", (String) model.getAttribute("from")),
                    date("to", (String) model.getAttribute("to")), by);
            model.addAttribute("rows", rows);
            model.addAttribute("callsChart", callsChart(rows));
            model.addAttribute("currency", report.currency());
            if (by == SalesActivityGrouping.REP) {
                model.addAttribute("leaders", leaders(rows));
            }
        } catch (InvalidFieldException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("error", e.getMessage());
        }
        boolean report = htmx.isHtmxRequest() && !htmx.isBoosted() && !htmx.isHistoryRestoreRequest();
        return report ? "sales/sales-activity :: report" : "sales/sales-activity";
    }

    /** Calls made, received, connected and successful per row (the first rows of the table), and the success rate. */
    private static BarChart callsChart(List<SalesActivityRow> rows) {
        List<SalesActivityRow> shown = rows.subList(0, Math.min(CHART_ROWS, rows.size()));
        return new BarChart(shown.stream().map(SalesActivityRow::label).toList(), List.of(
                BarChart.Series.bars("Calls made", shown.stream().map(SalesActivityRow::callsMade).toList(),
                        BarChart.BLUE),
                BarChart.Series.bars("Received", shown.stream().map(SalesActivityRow::callsReceived).toList(),
                        BarChart.INDIGO),
                BarChart.Series.bars("Connected", shown.stream().map(SalesActivityRow::connectedCalls).toList(),
                        BarChart.TEAL),
                BarChart.Series.bars("Successful", shown.stream().map(SalesActivityRow::successfulCalls).toList(),
                        BarChart.GREEN),
                BarChart.Series.percentLine("Success rate", shown.stream().map(r -> r.successRate() == null ? null
                        : r.successRate().movePointRight(2)).toList(), BarChart.ORANGE)), false);
    }

    private List<DepartmentLeaders> leaders(List<SalesActivityRow> repRows) {
        Map<String, UserView> byId = users.list().stream().collect(Collectors.toMap(u -> u.id().toString(), Function.identity()));
        return users.departments().stream().map(d -> {
            Optional<SalesActivityRow> top = repRows.stream()
                    .filter(r -> byId.containsKey(r.key()) && d.id().equals(byId.get(r.key()).departmentId()))
                    .filter(r -> r.revenueWon().signum() > 0 || r.successfulCalls() > 0)
                    .max(Comparator.comparing(SalesActivityRow::revenueWon)
                            .thenComparingLong(SalesActivityRow::successfulCalls));
            return new DepartmentLeaders(d.name(), d.headName() == null ? "—" : d.headName(),
                    top.map(SalesActivityRow::label).orElse("—"));
        }).sorted(Comparator.comparing(DepartmentLeaders::department)).toList();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException(field, "Enter a date as YYYY-MM-DD");
        }
    }

}
