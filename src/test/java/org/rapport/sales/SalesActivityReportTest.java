package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.Scope;
import org.rapport.shared.DemoDataContributor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The sales-activity report equals the same figures computed independently (in Java, from the raw rows) on the demo
 * data, for every grouping, and a rep's report counts only what the rep may see.
 */
@IntegrationTest
class SalesActivityReportTest {

    private static final CurrentUser ADMIN = new CurrentUser(new UUID(0, 1), "report@test", "Report admin", Role.ADMIN,
            null, EnumSet.allOf(Scope.class));

    @Autowired List<DemoDataContributor> contributors;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired SalesActivityService report;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

    record Call(String rep, String department, String origin, String direction, String outcome) {
    }

    /** A lead or a won deal: its keys for each grouping and, for deals, the amount counted as revenue. */
    record Counted(String rep, String department, String origin, BigDecimal revenue) {

        String key(SalesActivityGrouping by) {
            String key = switch (by) {
                case REP -> rep;
                case DEPARTMENT -> department;
                case ORIGIN -> origin;
            };
            return key == null ? "unknown" : key;
        }
    }

    @Test
    void equalsAnIndependentComputationOnTheDemoDataForEachGrouping() {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(180);
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        tx.executeWithoutResult(status -> {
            contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order))
                    .forEach(DemoDataContributor::load);
            // calls changed, removed and added after the fact: the admin's report sums a rollup that must follow
            jdbc.sql("""
                    update interactions set outcome = 'BUSY', owner_id = null where id in (select id from interactions
                    where type = 'CALL' and outcome = 'CONNECTED' order by id limit 50)""").update();
            jdbc.sql("delete from interactions where id in (select id from interactions where type = 'CALL'"
                    + " order by id desc limit 50)").update();
            jdbc.sql("update interactions set type = 'CALL', direction = 'INBOUND', origin_country = 'FR'"
                    + " where id in (select id from interactions where type = 'NOTE' order by id limit 20)").update();
            List<Call> calls = jdbc.sql("""
                            select owner_id, department_id, origin_country, origin_region, direction, outcome
                            from interactions where type = 'CALL' and occurred_at >= :from and occurred_at < :to
                            """)
                    .param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .query((rs, n) -> new Call(rs.getString(1), rs.getString(2),
                            rs.getString(3) == null ? null : rs.getString(3)
                                    + (rs.getString(4) == null ? "" : "/" + rs.getString(4)),
                            rs.getString(5), rs.getString(6)))
                    .list();
            assertThat(calls).hasSizeGreaterThan(500);
            Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
            Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            List<Counted> generated = jdbc.sql("select generated_by, owner_id, department_id, country, created_at"
                            + " from leads").query((rs, n) -> rs.getTimestamp(5).before(start)
                            || !rs.getTimestamp(5).before(end) ? null
                            : new Counted(rs.getString(1) != null ? rs.getString(1) : rs.getString(2), rs.getString(3),
                                    rs.getString(4), BigDecimal.ZERO))
                    .list().stream().filter(java.util.Objects::nonNull).toList();
            List<Counted> converted = jdbc.sql("select owner_id, department_id, country, converted_at from leads"
                            + " where converted_at is not null")
                    .query((rs, n) -> rs.getTimestamp(4).before(start) || !rs.getTimestamp(4).before(end) ? null
                            : new Counted(rs.getString(1), rs.getString(2), rs.getString(3), BigDecimal.ZERO))
                    .list().stream().filter(java.util.Objects::nonNull).toList();
            List<Counted> won = jdbc.sql("""
                            select d.owner_id, d.department_id, a.billing_address ->> 'country', d.amount, d.currency,
                                d.closed_at, d.status
                            from deals d left join accounts a on a.id = d.account_id
                            """)
                    .query((rs, n) -> !"WON".equals(rs.getString(7)) || rs.getTimestamp(6) == null
                            || rs.getTimestamp(6).before(start) || !rs.getTimestamp(6).before(end) ? null
                            : new Counted(rs.getString(1), rs.getString(2),
                                    rs.getString(3) == null || rs.getString(3).isEmpty() ? null : rs.getString(3).toUpperCase(),
                                    report.currency().equals(rs.getString(5)) ? rs.getBigDecimal(4) : BigDecimal.ZERO))
                    .list().stream().filter(java.util.Objects::nonNull).toList();
            assertThat(generated).as("demo leads in the range").isNotEmpty();
            assertThat(won).as("demo deals won in the range").isNotEmpty();
            for (SalesActivityGrouping by : SalesActivityGrouping.values()) {
                Map<String, long[]> expected = new HashMap<>();
                for (Call c : calls) {
                    String key = switch (by) {
                        case REP -> c.rep();
                        case DEPARTMENT -> c.department();
                        case ORIGIN -> c.origin();
                    };
                    long[] counts = expected.computeIfAbsent(key == null ? "unknown" : key, k -> new long[4]);
                    counts[0] += "OUTBOUND".equals(c.direction()) ? 1 : 0;
                    counts[1] += "INBOUND".equals(c.direction()) ? 1 : 0;
                    counts[2] += "CONNECTED".equals(c.outcome()) ? 1 : 0;
                    counts[3] += "CONNECTED".equals(c.outcome()) ? 1 : 0;
                }
                Map<String, long[]> expectedSales = new HashMap<>();
                Map<String, BigDecimal> expectedRevenue = new HashMap<>();
                generated.forEach(l -> expectedSales.computeIfAbsent(l.key(by), k -> new long[3])[0]++);
                converted.forEach(l -> expectedSales.computeIfAbsent(l.key(by), k -> new long[3])[1]++);
                won.forEach(d -> {
                    expectedSales.computeIfAbsent(d.key(by), k -> new long[3])[2]++;
                    expectedRevenue.merge(d.key(by), d.revenue(), BigDecimal::add);
                });
                Map<String, long[]> actual = new HashMap<>();
                Map<String, long[]> actualSales = new HashMap<>();
                Map<String, BigDecimal> actualRevenue = new HashMap<>();
                for (SalesActivityRow r : report.report(ADMIN, from, to, by)) {
                    if (r.callsMade() + r.callsReceived() > 0) {
                        actual.put(r.key(), new long[] {r.callsMade(), r.callsReceived(), r.connectedCalls(),
                                r.successfulCalls()});
                    }
                    if (r.leadsGenerated() + r.leadsConverted() + r.dealsWon() > 0) {
                        actualSales.put(r.key(), new long[] {r.leadsGenerated(), r.leadsConverted(), r.dealsWon()});
                        actualRevenue.put(r.key(), r.revenueWon());
                    }
                }
                assertThat(actual.keySet()).as(by.name()).isEqualTo(expected.keySet());
                expected.forEach((key, counts) -> assertThat(actual.get(key)).as(by + " " + key).containsExactly(counts));
                assertThat(actualSales.keySet()).as(by + " leads and deals").isEqualTo(expectedSales.keySet());
                expectedSales.forEach((key, counts) -> assertThat(actualSales.get(key)).as(by + " " + key)
                        .containsExactly(counts));
                expectedRevenue.forEach((key, revenue) -> assertThat(actualRevenue.get(key)).as(by + " revenue " + key)
                        .isEqualByComparingTo(revenue));
            }
            status.setRollbackOnly();
        });
    }

    @Test
    void aRepsReportCountsOnlyWhatTheRepMaySee() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Report"));
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String repToken = api.token(rep.email(), TestUsers.PASSWORD);
        String strangerToken = api.token(stranger.email(), TestUsers.PASSWORD);
        String contact = api.read(api.post(repToken, "/api/v1/contacts", "{\"lastName\": \"Reported\"}"))
                .get("id").asString();
        String other = api.read(api.post(strangerToken, "/api/v1/contacts", "{\"lastName\": \"Hidden\"}"))
                .get("id").asString();
        for (String outcome : List.of("CONNECTED", "NO_ANSWER", "CONNECTED")) {
            call(repToken, contact, outcome);
        }
        call(strangerToken, other, "CONNECTED");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode rows = api.read(api.get(repToken, "/api/v1/reports/sales-activity?from=" + today + "&to=" + today
                + "&groupBy=rep")).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("key").asString()).isEqualTo(rep.id().toString());
        assertThat(rows.get(0).get("callsMade").asLong()).isEqualTo(3);
        assertThat(rows.get(0).get("connectedCalls").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("successRate").decimalValue()).isEqualByComparingTo(new BigDecimal("0.6667"));

        JsonNode all = api.read(api.get(api.token("admin@test.rapport", "admin-test-password"),
                "/api/v1/reports/sales-activity?from=" + today + "&to=" + today + "&groupBy=rep")).get("rows");
        assertThat(all.valueStream().map(r -> r.get("key").asString())).contains(rep.id().toString(),
                stranger.id().toString());
    }

    @Test
    void rangesOfWholeMonthsPartMonthsAndSingleDaysCountTheCallsOfEachDayOnce() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Months"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String contact = api.read(api.post(token, "/api/v1/contacts", "{\"lastName\": \"Monthly\"}")).get("id").asString();
        Map<String, String> calls = new HashMap<>();
        for (String day : List.of("2025-01-31", "2025-02-01", "2025-02-15", "2025-03-31", "2025-04-01")) {
            calls.put(day, api.read(api.post(token, "/api/v1/interactions", """
                    {"type": "CALL", "direction": "OUTBOUND", "outcome": "CONNECTED", "occurredAt": "%sT23:30:00Z",
                     "contactIds": ["%s"]}""".formatted(day, contact))).get("id").asString());
        }
        assertThat(callsMade(token, "2025-02-01", "2025-03-31")).isEqualTo(3);
        assertThat(callsMade(token, "2025-01-31", "2025-04-01")).isEqualTo(5);
        assertThat(callsMade(token, "2025-01-01", "2025-04-30")).isEqualTo(5);
        assertThat(callsMade(token, "2025-02-02", "2025-03-30")).isEqualTo(1);
        assertThat(callsMade(token, "2025-02-15", "2025-02-15")).isEqualTo(1);
        assertThat(callsMade(token, "2025-02-16", "2025-03-30")).isZero();

        assertThat(api.delete(token, "/api/v1/interactions/" + calls.get("2025-02-15"))).hasStatus2xxSuccessful();
        assertThat(callsMade(token, "2025-02-01", "2025-03-31")).isEqualTo(2);
        assertThat(callsMade(token, "2025-02-15", "2025-02-15")).isZero();
    }

    /** The calls the caller made in a range, as the report sums them (0 without a row). */
    private long callsMade(String token, String from, String to) {
        JsonNode rows = api.read(api.get(token, "/api/v1/reports/sales-activity?from=" + from + "&to=" + to
                + "&groupBy=rep")).get("rows");
        return rows.valueStream().mapToLong(r -> r.get("callsMade").asLong()).sum();
    }

    @Test
    void aDepartmentHeadCountsTheCallsOfTheirRepsAndNotThoseOfAnotherDepartment() {
        CurrentUser head = testUsers.create(Role.MANAGER, testUsers.department("Headed"));
        testUsers.makeHead(head.departmentId(), head.id());
        CurrentUser rep = testUsers.create(Role.SALES_REP, head.departmentId());
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Not headed"));
        String repToken = api.token(rep.email(), TestUsers.PASSWORD);
        String strangerToken = api.token(stranger.email(), TestUsers.PASSWORD);
        String contact = api.read(api.post(repToken, "/api/v1/contacts", "{\"lastName\": \"Headed\"}"))
                .get("id").asString();
        String other = api.read(api.post(strangerToken, "/api/v1/contacts", "{\"lastName\": \"Elsewhere\"}"))
                .get("id").asString();
        call(repToken, contact, "CONNECTED");
        call(repToken, contact, "BUSY");
        call(strangerToken, other, "CONNECTED");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode rows = api.read(api.get(api.token(head.email(), TestUsers.PASSWORD),
                "/api/v1/reports/sales-activity?from=" + today + "&to=" + today + "&groupBy=department")).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("key").asString()).isEqualTo(head.departmentId().toString());
        assertThat(rows.get(0).get("callsMade").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("successfulCalls").asLong()).isEqualTo(1);
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        String token = api.token("admin@test.rapport", "admin-test-password");
        assertThat(api.get(token, "/api/v1/reports/sales-activity?from=2026-01-01&to=2026-01-31&groupBy=planet"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("groupBy");
        assertThat(api.get(token, "/api/v1/reports/sales-activity?from=yesterday&to=2026-01-31"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("from");
        assertThat(api.get(token, "/api/v1/reports/sales-activity?from=2026-02-01&to=2026-01-31"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("\"field\":\"to\"");
    }

    @Test
    void thePageShowsTheRowsTheLeaderboardAndEachDepartmentsHeadAndTopPerformer() {
        CurrentUser head = testUsers.create(Role.MANAGER, testUsers.department("Board"));
        testUsers.makeHead(head.departmentId(), head.id());
        CurrentUser rep = testUsers.create(Role.SALES_REP, head.departmentId());
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String contact = api.read(api.post(token, "/api/v1/contacts", "{\"lastName\": \"Boarded\"}")).get("id").asString();
        call(token, contact, "CONNECTED");
        assertThat(mvc.get().uri("/reports/sales-activity").with(TestUsers.signedIn(head))).hasStatusOk().bodyText()
                .contains("id=\"leaderboard\"").contains(fullName(rep)).contains(fullName(head));
        assertThat(mvc.get().uri("/reports/sales-activity?groupBy=planet").with(TestUsers.signedIn(head)))
                .hasStatusOk().bodyText().contains("Use rep, department or origin");
    }

    /** The name TestUsers gives a user in the database. */
    private static String fullName(CurrentUser user) {
        return user.role().label() + " " + user.email().substring(0, 12);
    }

    private void call(String token, String contact, String outcome) {
        assertThat(api.post(token, "/api/v1/interactions", """
                {"type": "CALL", "direction": "OUTBOUND", "outcome": "%s", "to": "+13125550100", "contactIds": ["%s"]}
                """.formatted(outcome, contact))).hasStatus(HttpStatus.CREATED);
    }
}
