package org.rapport.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.rapport.shared.DemoDataContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A second pipeline (Partnerships) and about 150 deals on the demo accounts across both pipelines and every stage,
 * each owned by its account's owner with the account's first contact as decision maker, with a stage history whose
 * stays end where the next begins; the same on every machine for the same accounts (seeded random).
 */
@Component
class DealsDemoData implements DemoDataContributor {

    static final int DEALS = 150;
    private static final List<String> PRODUCTS = List.of("Platform licence", "Support renewal", "Onboarding package",
            "Expansion seats", "Analytics add-on", "Consulting days", "Hardware refresh", "Training programme");
    private static final List<String> LOSS_REASONS = List.of("Price", "Chose a competitor", "No budget",
            "Timing", "No decision");

    /** A demo account a deal is for. */
    private record Target(UUID accountId, String name, UUID ownerId, UUID departmentId, UUID contactId) {
    }

    private final PipelineService pipelines;
    private final PipelineRepository pipelineRows;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String currency;

    DealsDemoData(PipelineService pipelines, PipelineRepository pipelineRows, JdbcClient jdbc, Clock clock,
                  @Value("${rapport.currency:USD}") String currency) {
        this.pipelines = pipelines;
        this.pipelineRows = pipelineRows;
        this.jdbc = jdbc;
        this.clock = clock;
        this.currency = currency;
    }

    @Override
    public int order() {
        return 220;
    }

    @Override
    public void load() {
        List<Target> targets = targets();
        if (targets.isEmpty()) {
            return;
        }
        PipelineView sales = pipelines.defaultPipeline();
        PipelineView partnerships = pipelines.list().stream().filter(p -> p.name().equals("Partnerships")).findFirst()
                .orElseGet(this::partnerships);
        Random random = new Random(50);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < DEALS; i++) {
            Target t = targets.get(i % targets.size());
            PipelineView pipeline = random.nextInt(5) == 0 ? partnerships : sales;
            deal(random, now, t, pipeline);
        }
    }

    private void deal(Random random, Instant now, Target t, PipelineView pipeline) {
        List<PipelineStage> open = pipeline.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        int outcome = random.nextInt(10);
        List<PipelineStage> path = new ArrayList<>();
        PipelineStage last;
        if (outcome < 6) {
            path.addAll(open.subList(0, 1 + random.nextInt(open.size())));
            last = path.getLast();
        } else {
            path.addAll(open.subList(0, 1 + random.nextInt(open.size())));
            last = pipeline.firstOf(outcome < 8 ? StageKind.WON : StageKind.LOST).orElseThrow();
            path.add(last);
        }
        List<Instant> entered = new ArrayList<>();
        Instant at = now.minus(Duration.ofDays(outcome < 6 ? random.nextInt(5) : 5 + random.nextInt(170)));
        for (int s = path.size() - 1; s >= 0; s--) {
            entered.addFirst(at);
            at = at.minus(Duration.ofHours(24L * (2 + random.nextInt(20)) + random.nextInt(24)));
        }
        DealStatus status = DealStatus.valueOf(last.kind().name());
        Instant closedAt = status == DealStatus.OPEN ? null : entered.getLast();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate close = closedAt != null ? LocalDate.ofInstant(closedAt, ZoneOffset.UTC)
                : today.plusDays(random.nextInt(10) == 0 ? -random.nextInt(30) : 7 + random.nextInt(270));
        BigDecimal amount = BigDecimal.valueOf(500L * (2 + random.nextInt(200)));
        UUID id = jdbc.sql("""
                insert into deals (name, pipeline_id, stage_id, amount, currency, expected_close_date, probability,
                    owner_id, department_id, account_id, status, loss_reason, closed_at, created_at, updated_at)
                values (:name, :pipeline, :stage, :amount, :currency, :close, :probability, :owner, :department,
                    :account, :status, :lossReason, :closedAt, :createdAt, :updatedAt)
                returning id
                """).param("name", t.name() + " – " + PRODUCTS.get(random.nextInt(PRODUCTS.size())))
                .param("pipeline", pipeline.id()).param("stage", last.id()).param("amount", amount)
                .param("currency", currency).param("close", close).param("probability", last.probability())
                .param("owner", t.ownerId()).param("department", t.departmentId()).param("account", t.accountId())
                .param("status", status.name())
                .param("lossReason", status == DealStatus.LOST ? LOSS_REASONS.get(random.nextInt(LOSS_REASONS.size())) : null)
                .param("closedAt", closedAt == null ? null : Timestamp.from(closedAt))
                .param("createdAt", Timestamp.from(entered.getFirst()))
                .param("updatedAt", Timestamp.from(entered.getLast()))
                .query(UUID.class).single();
        for (int s = 0; s < path.size(); s++) {
            jdbc.sql("""
                    insert into deal_stage_history (deal_id, stage_id, entered_at, left_at, changed_by)
                    values (:deal, :stage, :entered, :left, :by)
                    """).param("deal", id).param("stage", path.get(s).id())
                    .param("entered", Timestamp.from(entered.get(s)))
                    .param("left", s + 1 < path.size() ? Timestamp.from(entered.get(s + 1)) : null)
                    .param("by", t.ownerId()).update();
        }
        if (t.contactId() != null) {
            jdbc.sql("insert into deal_contacts (deal_id, contact_id, role) values (:deal, :contact, 'Decision maker')")
                    .param("deal", id).param("contact", t.contactId()).update();
        }
    }

    private PipelineView partnerships() {
        UUID id = pipelineRows.insert("Partnerships", 1, false);
        pipelineRows.insertStage(id, "Introduction", 0, 10, StageKind.OPEN);
        pipelineRows.insertStage(id, "Evaluation", 1, 40, StageKind.OPEN);
        pipelineRows.insertStage(id, "Contract", 2, 80, StageKind.OPEN);
        pipelineRows.insertStage(id, "Signed", 3, 100, StageKind.WON);
        pipelineRows.insertStage(id, "Dropped", 4, 0, StageKind.LOST);
        return pipelines.get(id);
    }

    /** The demo accounts with an active internal owner, by name, with their first contact. */
    private List<Target> targets() {
        return jdbc.sql("""
                select a.id, a.name, a.owner_id, u.department_id,
                       (select ca.contact_id from contact_accounts ca join contacts c on c.id = ca.contact_id
                        where ca.account_id = a.id and c.erased_at is null order by c.last_name, c.id limit 1) as contact_id
                from accounts a join users u on u.id = a.owner_id
                where u.active and u.role <> 'PARTNER'
                order by lower(a.name), a.id
                limit 120
                """).query((rs, n) -> new Target(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("owner_id", UUID.class), rs.getObject("department_id", UUID.class),
                        rs.getObject("contact_id", UUID.class))).list();
    }
}
