package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.rapport.sales.ForecastService.Forecast;
import org.rapport.sales.ForecastService.PipelineRow;

/**
 * The forecast page's charts for one currency (amounts are never converted): weighted against best-case open
 * pipeline per period of the range, and, unless the forecast is for everyone, per rep or department.
 */
record ForecastCharts(String currency, BarChart byPeriod, BarChart byGroup) {

    /** The groups with the largest weighted pipeline that the chart per group shows; the table has them all. */
    static final int MAX_GROUPS = 15;

    static List<ForecastCharts> of(Forecast forecast) {
        Map<String, List<PipelineRow>> byCurrency = forecast.pipeline().stream()
                .collect(Collectors.groupingBy(PipelineRow::currency, TreeMap::new, Collectors.toList()));
        List<ForecastCharts> charts = new ArrayList<>();
        byCurrency.forEach((currency, rows) -> charts.add(new ForecastCharts(currency, byPeriod(forecast, rows),
                forecast.groupBy() == ForecastService.GroupBy.ALL ? null : byGroup(rows))));
        return charts;
    }

    private static BarChart byPeriod(Forecast forecast, List<PipelineRow> rows) {
        List<LocalDate> periods = ForecastService.periods(forecast.from(), forecast.to(), forecast.period());
        Map<LocalDate, Totals> totals = new LinkedHashMap<>();
        periods.forEach(p -> totals.put(p, new Totals(null)));
        rows.forEach(r -> totals.computeIfAbsent(r.period(), p -> new Totals(null)).add(r));
        return chart(totals.keySet().stream().map(p -> ForecastService.label(p, forecast.period())).toList(),
                List.copyOf(totals.values()), false);
    }

    private static BarChart byGroup(List<PipelineRow> rows) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        rows.forEach(r -> totals.computeIfAbsent(r.key(), k -> new Totals(r.label())).add(r));
        List<Totals> largest = totals.values().stream()
                .sorted(Comparator.comparing((Totals t) -> t.weighted).reversed().thenComparing(t -> t.label))
                .limit(MAX_GROUPS).toList();
        return chart(largest.stream().map(t -> t.label).toList(), largest, true);
    }

    private static BarChart chart(List<String> labels, List<Totals> totals, boolean horizontal) {
        return new BarChart(labels, List.of(
                BarChart.Series.bars("Weighted", totals.stream().map(t -> t.weighted).toList(), BarChart.BLUE),
                BarChart.Series.bars("Best case", totals.stream().map(t -> t.bestCase).toList(), BarChart.LIGHT_BLUE)),
                horizontal);
    }

    /** The weighted and best-case sums of some rows. */
    private static final class Totals {

        private final String label;
        private BigDecimal weighted = BigDecimal.ZERO;
        private BigDecimal bestCase = BigDecimal.ZERO;

        Totals(String label) {
            this.label = label;
        }

        void add(PipelineRow row) {
            weighted = weighted.add(row.weighted());
            bestCase = bestCase.add(row.bestCase());
        }
    }
}
