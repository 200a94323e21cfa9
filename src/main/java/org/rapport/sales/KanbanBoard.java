package org.rapport.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A pipeline's deals in one column per stage, with each column's total and weighted total per currency. */
record KanbanBoard(PipelineView pipeline, List<Column> columns) {

    /** One stage's column. */
    record Column(PipelineStage stage, List<DealView> deals, String total, String weighted) {
    }

    static KanbanBoard of(PipelineView pipeline, List<DealView> deals) {
        List<Column> columns = pipeline.stages().stream().map(stage -> {
            List<DealView> in = deals.stream().filter(d -> d.stageId().equals(stage.id())).toList();
            return new Column(stage, in, totals(in, false), totals(in, true));
        }).toList();
        return new KanbanBoard(pipeline, columns);
    }

    /** Sums per currency, e.g. "EUR 1,200.00 · USD 300.00"; "0" for an empty column. */
    static String totals(List<DealView> deals, boolean weighted) {
        Map<String, BigDecimal> sums = deals.stream().collect(Collectors.groupingBy(DealView::currency, TreeMap::new,
                Collectors.reducing(BigDecimal.ZERO, d -> weighted ? d.weightedAmount() : d.amount(), BigDecimal::add)));
        if (sums.isEmpty()) {
            return "0";
        }
        return sums.entrySet().stream().map(e -> money(e.getKey(), e.getValue())).collect(Collectors.joining(" · "));
    }

    static String money(String currency, BigDecimal amount) {
        return currency + " " + String.format(java.util.Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
