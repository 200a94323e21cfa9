package org.rapport.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.DepartmentView;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.interactions.InteractionService;
import org.rapport.shared.InvalidFieldException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sales-activity report: calls, leads and won deals of a date range (UTC days, both ends included) grouped by
 * rep, department or call origin, in one SQL statement. Calls count when the caller may see the activity of the rep
 * and department they are credited to; leads and won deals when the caller may see them.
 */
@Service
public class SalesActivityService {

    static final int MAX_DAYS = 3_660;

    /**
     * The calls of the range by key, summed from the rollups over the reps and departments whose activity the caller
     * may see: the whole months of the range from interaction_call_months and the days before and after them from
     * interaction_call_days, first by the key's own columns, then the successful outcomes are added up once per key.
     */
    private static final String CALLS = """
            select %1$s as k, c.made, c.received, c.connected,
                case when 'CONNECTED' = any(s.o) then c.connected else 0 end
                    + case when 'NO_ANSWER' = any(s.o) then c.no_answer else 0 end
                    + case when 'VOICEMAIL' = any(s.o) then c.voicemail else 0 end
                    + case when 'BUSY' = any(s.o) then c.busy else 0 end
                    + case when 'WRONG_NUMBER' = any(s.o) then c.wrong_number else 0 end as successful,
                0 as generated, 0 as converted, 0 as won, 0 as revenue
            from (select %2$s, sum(i.made) as made, sum(i.received) as received, sum(i.connected) as connected,
                      sum(i.no_answer) as no_answer, sum(i.voicemail) as voicemail, sum(i.busy) as busy,
                      sum(i.wrong_number) as wrong_number
                  from (select * from interaction_call_months i
                        where i.month >= :firstWholeMonth and i.month < :afterWholeMonths and %3$s
                        union all
                        select * from interaction_call_days i
                        where i.day >= :fromDay and i.day <= :toDay
                            and not (i.day >= :firstWholeMonth and i.day < :afterWholeMonths) and %3$s) i
                  group by %2$s) c
            cross join (select successful_call_outcomes as o from interaction_settings) s
            """;

    private final JdbcClient jdbc;
    private final InteractionService interactions;
    private final LeadService leads;
    private final DealService deals;
    private final UserService users;
    private final String currency;

    SalesActivityService(JdbcClient jdbc, InteractionService interactions, LeadService leads, DealService deals,
                         UserService users, @Value("${rapport.currency:USD}") String currency) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.leads = leads;
        this.interactions = interactions;
        this.users = users;
        this.currency = currency;
    }

    public String currency() {
        return currency;
    }

    public List<SalesActivityRow> report(CurrentUser user, LocalDate from, LocalDate to, SalesActivityGrouping by) {
        if (from == null || to == null) {
            throw new InvalidFieldException(from == null ? "from" : "to", "Give the first and last day as YYYY-MM-DD");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "The last day comes before the first");
        }
        if (to.toEpochDay() - from.toEpochDay() > MAX_DAYS) {
            throw new InvalidFieldException("from", "Ask for at most ten years at a time");
        }
        SqlFilter calls = interactions.activityVisibleTo(user, "i");
        SqlFilter leads = this.leads.visible(user);
        SqlFilter deals = this.deals.visible(user);
        Map<String, Object> params = new HashMap<>(calls.params());
        params.putAll(leads.params());
        params.putAll(deals.params());
        params.put("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.put("fromDay", from);
        params.put("toDay", to);
        params.put("firstWholeMonth", from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1));
        params.put("afterWholeMonths", to.plusDays(1).withDayOfMonth(1));
        params.put("currency", currency);
        String sql = """
                select coalesce(k, 'unknown') as k, sum(made) as made, sum(received) as received,
                    sum(connected) as connected, sum(successful) as successful, sum(generated) as generated,
                    sum(converted) as converted, sum(won) as won, sum(revenue) as revenue
                from (
                    %s
                    union all
                    select %s, 0, 0, 0, 0, count(*), 0, 0, 0 from leads l
                    where l.created_at >= :from and l.created_at < :to and %s group by 1
                    union all
                    select %s, 0, 0, 0, 0, 0, count(*), 0, 0 from leads l
                    where l.converted_at >= :from and l.converted_at < :to and %s group by 1
                    union all
                    select %s, 0, 0, 0, 0, 0, 0, count(*), coalesce(sum(d.amount) filter (where d.currency = :currency), 0)
                    from deals d
                    where d.status = 'WON' and d.closed_at >= :from and d.closed_at < :to and %s group by 1
                ) activity
                group by 1
                """.formatted(CALLS.formatted(callKey(by), callColumns(by), calls.sql()),
                generatedKey(by), leads.sql(), convertedKey(by), leads.sql(), dealKey(by), deals.sql());
        List<SalesActivityRow> rows = jdbc.sql(sql).params(params).query((rs, n) -> {
            long made = rs.getLong("made");
            long received = rs.getLong("received");
            long successful = rs.getLong("successful");
            return new SalesActivityRow(rs.getString("k"), null, made, received, rs.getLong("connected"), successful,
                    made + received == 0 ? null : BigDecimal.valueOf(successful)
                            .divide(BigDecimal.valueOf(made + received), 4, RoundingMode.HALF_UP),
                    rs.getLong("generated"), rs.getLong("converted"), rs.getLong("won"),
                    rs.getBigDecimal("revenue").setScale(2, RoundingMode.HALF_UP));
        }).list();
        Function<String, String> labels = labels(by);
        return rows.stream()
                .map(r -> new SalesActivityRow(r.key(), labels.apply(r.key()), r.callsMade(), r.callsReceived(),
                        r.connectedCalls(), r.successfulCalls(), r.successRate(), r.leadsGenerated(),
                        r.leadsConverted(), r.dealsWon(), r.revenueWon()))
                .sorted(Comparator.comparing(SalesActivityRow::revenueWon).reversed()
                        .thenComparing(Comparator.comparingLong(SalesActivityRow::successfulCalls).reversed())
                        .thenComparing(SalesActivityRow::label))
                .toList();
    }

    /** The rollup's columns a grouping sums by. */
    private static String callColumns(SalesActivityGrouping by) {
        return switch (by) {
            case REP -> "i.owner_id";
            case DEPARTMENT -> "i.department_id";
            case ORIGIN -> "i.origin_country, i.origin_region";
        };
    }

    /** The row key made of those columns once summed. */
    private static String callKey(SalesActivityGrouping by) {
        return switch (by) {
            case REP -> "cast(c.owner_id as text)";
            case DEPARTMENT -> "cast(c.department_id as text)";
            case ORIGIN -> "c.origin_country || coalesce('/' || c.origin_region, '')";
        };
    }

    private static String generatedKey(SalesActivityGrouping by) {
        return switch (by) {
            case REP -> "cast(coalesce(l.generated_by, l.owner_id) as text)";
            case DEPARTMENT -> "cast(l.department_id as text)";
            case ORIGIN -> "upper(nullif(l.country, ''))";
        };
    }

    private static String convertedKey(SalesActivityGrouping by) {
        return by == SalesActivityGrouping.REP ? "cast(l.owner_id as text)" : generatedKey(by);
    }

    private static String dealKey(SalesActivityGrouping by) {
        return switch (by) {
            case REP -> "cast(d.owner_id as text)";
            case DEPARTMENT -> "cast(d.department_id as text)";
            case ORIGIN -> "(select upper(nullif(a.billing_address ->> 'country', '')) from accounts a"
                    + " where a.id = d.account_id)";
        };
    }

    private Function<String, String> labels(SalesActivityGrouping by) {
        return switch (by) {
            case REP -> {
                Map<String, String> names = users.list().stream()
                        .collect(Collectors.toMap(u -> u.id().toString(), UserView::name));
                yield key -> names.getOrDefault(key, "unknown".equals(key) ? "No user" : "Former user");
            }
            case DEPARTMENT -> {
                Map<String, String> names = users.departments().stream()
                        .collect(Collectors.toMap(d -> d.id().toString(), DepartmentView::name));
                yield key -> names.getOrDefault(key, "unknown".equals(key) ? "No department" : "Former department");
            }
            case ORIGIN -> key -> {
                if ("unknown".equals(key)) {
                    return "Unknown origin";
                }
                String[] parts = key.split("/", 2);
                String country = Locale.of("", parts[0]).getDisplayCountry(Locale.ENGLISH);
                return parts.length == 2 ? parts[1] + ", " + country : country;
            };
        };
    }
}
