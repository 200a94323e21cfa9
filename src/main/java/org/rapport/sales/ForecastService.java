package org.rapport.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.Visibility;
import org.rapport.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sales forecast over the deals the caller may see: weighted (amount × probability) and best-case (every open
 * deal wins) pipeline per month or quarter of the expected close date, per rep or department; and, for deals closed
 * in the same range, win rate, average won deal size and sales-cycle length (creation to win, in days).
 * Amounts are never converted between currencies: each currency is its own row.
 */
@Service
public class ForecastService {

    /** The period a forecast row covers. */
    public enum Period { MONTH, QUARTER }

    /** Who a forecast row is about. */
    public enum GroupBy { REP, DEPARTMENT, ALL }

    /** The open pipeline of one period, group and currency. */
    public record PipelineRow(LocalDate period, String periodLabel, String key, String label, String currency,
                              BigDecimal weighted, BigDecimal bestCase, int deals) {
    }

    /** The closed deals of one group: win rate over all currencies, size and revenue per currency. */
    public record ClosedRow(String key, String label, String currency, int won, int lost, BigDecimal winRate,
                            BigDecimal averageDealSize, BigDecimal revenueWon, BigDecimal salesCycleDays) {
    }

    /** A forecast for a date range. */
    public record Forecast(LocalDate from, LocalDate to, Period period, GroupBy groupBy, UUID pipelineId,
                           List<PipelineRow> pipeline, List<ClosedRow> closed) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final Clock clock;

    ForecastService(JdbcClient jdbc, Visibility visibility, Clock clock) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** The forecast from {@code from} to {@code to} (inclusive); nulls mean this quarter and the next three. */
    public Forecast forecast(CurrentUser user, LocalDate from, LocalDate to, Period period, GroupBy groupBy,
                             UUID pipelineId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from
                : today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        LocalDate end = to != null ? to : start.plusMonths(12).minusDays(1);
        if (end.isBefore(start)) {
            throw new InvalidFieldException("to", "End the range on or after its start");
        }
        if (start.plusYears(5).isBefore(end)) {
            throw new InvalidFieldException("to", "Use a range of at most five years");
        }
        Period p = period == null ? Period.MONTH : period;
        GroupBy g = groupBy == null ? GroupBy.REP : groupBy;
        SqlFilter visible = visibility.filter(user, "d", DealService.TYPE);
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("from", start);
        params.put("to", end);
        params.put("unit", p.name().toLowerCase());
        String pipelineSql = "";
        if (pipelineId != null) {
            pipelineSql = " and d.pipeline_id = :pipeline";
            params.put("pipeline", pipelineId);
        }
        String key = switch (g) {
            case REP -> "d.owner_id::text as key, u.name as label";
            case DEPARTMENT -> "coalesce(d.department_id::text, '') as key, coalesce(dep.name, 'No department') as label";
            case ALL -> "'all' as key, 'Everyone' as label";
        };
        String from_ = " from deals d join users u on u.id = d.owner_id"
                + " left join departments dep on dep.id = d.department_id where " + visible.sql() + pipelineSql;
        List<PipelineRow> open = jdbc.sql("select date_trunc(:unit, d.expected_close_date::timestamp)::date as period, "
                        + key + ", d.currency, sum(d.amount * d.probability / 100.0) as weighted,"
                        + " sum(d.amount) as best_case, count(*) as deals" + from_
                        + " and d.status = 'OPEN' and d.expected_close_date between :from and :to"
                        + " group by 1, 2, 3, 4 order by 1, 3, 2, 4")
                .params(params).query((rs, n) -> {
                    LocalDate periodStart = rs.getObject("period", LocalDate.class);
                    return new PipelineRow(periodStart, label(periodStart, p), rs.getString("key"),
                            rs.getString("label"), rs.getString("currency"), money(rs.getBigDecimal("weighted")),
                            money(rs.getBigDecimal("best_case")), rs.getInt("deals"));
                }).list();
        record Closed(String key, String label, String currency, int won, int lost, BigDecimal avg, BigDecimal revenue,
                      BigDecimal cycle) {
        }
        List<Closed> closedRows = jdbc.sql("select " + key + ", d.currency,"
                        + " count(*) filter (where d.status = 'WON') as won, count(*) filter (where d.status = 'LOST') as lost,"
                        + " avg(d.amount) filter (where d.status = 'WON') as avg_won,"
                        + " coalesce(sum(d.amount) filter (where d.status = 'WON'), 0) as revenue,"
                        + " avg(extract(epoch from d.closed_at - d.created_at) / 86400.0) filter (where d.status = 'WON') as cycle"
                        + from_ + " and d.status <> 'OPEN' and d.closed_at >= :from"
                        + " and d.closed_at < cast(:to as date) + 1 group by 1, 2, 3 order by 2, 1, 3")
                .params(params).query((rs, n) -> new Closed(rs.getString("key"), rs.getString("label"),
                        rs.getString("currency"), rs.getInt("won"), rs.getInt("lost"), rs.getBigDecimal("avg_won"),
                        rs.getBigDecimal("revenue"), rs.getBigDecimal("cycle"))).list();
        Map<String, int[]> totals = new LinkedHashMap<>();
        closedRows.forEach(c -> {
            int[] t = totals.computeIfAbsent(c.key(), k -> new int[2]);
            t[0] += c.won();
            t[1] += c.lost();
        });
        List<ClosedRow> closed = new ArrayList<>();
        for (Closed c : closedRows) {
            int[] t = totals.get(c.key());
            BigDecimal rate = BigDecimal.valueOf(t[0] * 100L).divide(BigDecimal.valueOf(t[0] + t[1]), 1,
                    RoundingMode.HALF_UP);
            closed.add(new ClosedRow(c.key(), c.label(), c.currency(), c.won(), c.lost(), rate,
                    c.avg() == null ? null : money(c.avg()), money(c.revenue()),
                    c.cycle() == null ? null : c.cycle().setScale(1, RoundingMode.HALF_UP)));
        }
        return new Forecast(start, end, p, g, pipelineId, open, closed);
    }

    /** The first day of every period from the one holding {@code from} to the one holding {@code to}. */
    static List<LocalDate> periods(LocalDate from, LocalDate to, Period period) {
        int months = period == Period.MONTH ? 1 : 3;
        List<LocalDate> starts = new ArrayList<>();
        LocalDate start = from.withMonth((from.getMonthValue() - 1) / months * months + 1).withDayOfMonth(1);
        for (; !start.isAfter(to); start = start.plusMonths(months)) {
            starts.add(start);
        }
        return starts;
    }

    static String label(LocalDate start, Period period) {
        return period == Period.MONTH ? start.toString().substring(0, 7)
                : start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
