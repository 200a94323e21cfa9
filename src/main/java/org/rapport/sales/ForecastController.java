package org.rapport.sales;

import java.time.LocalDate;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The forecast page ({@code /deals/forecast}) and its JSON ({@code /api/v1/forecast}). */
@Controller
@Tag(name = "Deals")
class ForecastController {

    /**
     * The forecast's query parameters.
     *
     * @param from    the first expected close date (and closing date) counted, YYYY-MM-DD; default: this quarter's start
     * @param to      the last one; default: a year after {@code from}
     * @param period  MONTH or QUARTER
     * @param groupBy REP, DEPARTMENT or ALL
     */
    record ForecastQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         ForecastService.Period period, ForecastService.GroupBy groupBy, UUID pipeline) {
    }

    private final ForecastService forecasts;
    private final PipelineService pipelines;

    ForecastController(ForecastService forecasts, PipelineService pipelines) {
        this.forecasts = forecasts;
        this.pipelines = pipelines;
    }

    /** The page, or on an htmx request from its filters only the report (charts and tables). */
    @GetMapping("/deals/forecast")
    String page(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("query") ForecastQuery query,
                HtmxRequest htmx, Model model) {
        try {
            ForecastService.Forecast forecast = forecast(user, query);
            model.addAttribute("forecast", forecast);
            model.addAttribute("charts", ForecastCharts.of(forecast));
        } catch (InvalidFieldException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("pipelines", pipelines.list());
        model.addAttribute("periods", ForecastService.Period.values());
        model.addAttribute("groups", ForecastService.GroupBy.values());
        boolean report = htmx.isHtmxRequest() && !htmx.isBoosted() && !htmx.isHistoryRestoreRequest();
        return report ? "sales/forecast :: report" : "sales/forecast";
    }

    @GetMapping("/api/v1/forecast")
    @ResponseBody
    @Operation(summary = "Weighted and best-case pipeline per period and group; win rate, average deal size and "
            + "sales-cycle length of the deals closed in the range",
            description = "weighted = sum of amount × probability / 100 of open deals expected to close in the "
                    + "period; bestCase = sum of their amounts. winRate = won / (won + lost) × 100 over deals closed "
                    + "in the range; averageDealSize and revenueWon are over won deals, per currency; "
                    + "salesCycleDays = average days from creation to win. Only deals the caller may see count.")
    ForecastService.Forecast api(@AuthenticationPrincipal CurrentUser user, @ParameterObject ForecastQuery query) {
        return forecast(user, query);
    }

    private ForecastService.Forecast forecast(CurrentUser user, ForecastQuery q) {
        return forecasts.forecast(user, q.from(), q.to(), q.period(), q.groupBy(), q.pipeline());
    }
}
