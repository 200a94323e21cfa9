package org.rapport.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code deals}, {@code deal_contacts} and {@code deal_stage_history}. */
@Repository
class DealRepository {

    private static final String SELECT = """
            select d.*, p.name as pipeline_name, s.name as stage_name, u.name as owner_name, acc.id as live_account_id
            from deals d
            join pipelines p on p.id = d.pipeline_id
            join pipeline_stages s on s.id = d.stage_id
            join users u on u.id = d.owner_id
            left join accounts acc on acc.id = d.account_id
            """;

    private final JdbcClient jdbc;

    DealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DealView> find(UUID id, SqlFilter visible) {
        return jdbc.sql(SELECT + " where d.id = :id and " + visible.sql()).params(visible.params()).param("id", id)
                .query(DealRepository::row).optional();
    }

    /** Deals by lower-case name then id, after the cursor (name, id), at most {@code limit + 1}. */
    List<DealView> list(SqlFilter visible, DealFilter filter, String afterName, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        appendFilter(sql, params, filter);
        if (afterId != null) {
            sql.append(" and (lower(d.name), d.id) > (:afterName, :afterId)");
            params.put("afterName", afterName);
            params.put("afterId", afterId);
        }
        sql.append(" order by lower(d.name), d.id limit :limit");
        params.put("limit", limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(DealRepository::row).list();
    }

    /** The deals of a board: every deal of the pipeline matching the filter, by close date. */
    List<DealView> board(SqlFilter visible, DealFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        appendFilter(sql, params, filter);
        sql.append(" order by d.expected_close_date nulls last, lower(d.name), d.id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(DealRepository::row).list();
    }

    /**
     * Deals of an account, or with a contact: open ones by expected close date, or closed ones latest first.
     * The record's type is {@code account} or {@code contact}.
     */
    List<DealView> ofRecord(SqlFilter visible, RecordRef record, boolean open, int limit) {
        String of = switch (record.type()) {
            case "account" -> "d.account_id = :record";
            case "contact" -> "exists (select 1 from deal_contacts dc where dc.deal_id = d.id and dc.contact_id = :record)";
            default -> throw new IllegalArgumentException("Deals belong to accounts and contacts, not " + record.type());
        };
        String which = open ? " and d.status = 'OPEN' order by d.expected_close_date nulls last, lower(d.name), d.id"
                : " and d.status <> 'OPEN' order by d.closed_at desc, d.id";
        return jdbc.sql(SELECT + " where " + of + " and " + visible.sql() + which + " limit :limit")
                .params(visible.params()).param("record", record.id()).param("limit", limit)
                .query(DealRepository::row).list();
    }

    static void appendFilter(StringBuilder sql, Map<String, Object> params, DealFilter f) {
        if (f.pipelineId() != null) {
            sql.append(" and d.pipeline_id = :fPipeline");
            params.put("fPipeline", f.pipelineId());
        }
        if (f.stageId() != null) {
            sql.append(" and d.stage_id = :fStage");
            params.put("fStage", f.stageId());
        }
        if (f.status() != null) {
            sql.append(" and d.status = :fStatus");
            params.put("fStatus", f.status().name());
        }
        if (f.ownerId() != null) {
            sql.append(" and d.owner_id = :fOwner");
            params.put("fOwner", f.ownerId());
        }
        if (f.departmentId() != null) {
            sql.append(" and d.department_id = :fDepartment");
            params.put("fDepartment", f.departmentId());
        }
        if (f.accountId() != null) {
            sql.append(" and d.account_id = :fAccount");
            params.put("fAccount", f.accountId());
        }
        if (f.closeFrom() != null) {
            sql.append(" and d.expected_close_date >= :fCloseFrom");
            params.put("fCloseFrom", f.closeFrom());
        }
        if (f.closeTo() != null) {
            sql.append(" and d.expected_close_date <= :fCloseTo");
            params.put("fCloseTo", f.closeTo());
        }
    }

    UUID insert(DealFields f, int probability, UUID departmentId, DealStatus status, Instant closedAt, UUID createdBy) {
        return jdbc.sql("""
                insert into deals (name, pipeline_id, stage_id, amount, currency, expected_close_date, probability,
                    owner_id, department_id, account_id, status, loss_reason, closed_at, created_by)
                values (:name, :pipeline, :stage, :amount, :currency, :closeDate, :probability, :owner, :department,
                    :account, :status, :lossReason, :closedAt, :createdBy)
                returning id
                """).params(params(f, probability, departmentId, status, closedAt)).param("createdBy", createdBy)
                .query(UUID.class).single();
    }

    boolean update(UUID id, int version, DealFields f, int probability, UUID departmentId, DealStatus status,
                   Instant closedAt) {
        return jdbc.sql("""
                update deals set name = :name, pipeline_id = :pipeline, stage_id = :stage, amount = :amount,
                       currency = :currency, expected_close_date = :closeDate, probability = :probability,
                       owner_id = :owner, department_id = :department, account_id = :account, status = :status,
                       loss_reason = :lossReason, closed_at = :closedAt, updated_at = now(), version = version + 1
                where id = :id and version = :version
                """).params(params(f, probability, departmentId, status, closedAt)).param("id", id)
                .param("version", version).update() == 1;
    }

    void delete(UUID id) {
        jdbc.sql("delete from deals where id = :id").param("id", id).update();
    }

    private static Map<String, Object> params(DealFields f, int probability, UUID departmentId, DealStatus status,
                                              Instant closedAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", f.name());
        p.put("pipeline", f.pipelineId());
        p.put("stage", f.stageId());
        p.put("amount", f.amount());
        p.put("currency", f.currency());
        p.put("closeDate", f.expectedCloseDate());
        p.put("probability", probability);
        p.put("owner", f.ownerId());
        p.put("department", departmentId);
        p.put("account", f.accountId());
        p.put("status", status.name());
        p.put("lossReason", f.lossReason());
        p.put("closedAt", closedAt == null ? null : Timestamp.from(closedAt));
        return p;
    }

    void replaceContacts(UUID dealId, List<DealFields.ContactRole> contacts) {
        jdbc.sql("delete from deal_contacts where deal_id = :deal").param("deal", dealId).update();
        for (DealFields.ContactRole c : contacts) {
            jdbc.sql("insert into deal_contacts (deal_id, contact_id, role) values (:deal, :contact, :role)")
                    .param("deal", dealId).param("contact", c.contactId()).param("role", c.role()).update();
        }
    }

    Map<UUID, List<DealContact>> contacts(List<UUID> dealIds) {
        Map<UUID, List<DealContact>> byDeal = new HashMap<>();
        if (dealIds.isEmpty()) {
            return byDeal;
        }
        jdbc.sql("""
                select dc.deal_id, dc.contact_id, dc.role from deal_contacts dc
                join contacts c on c.id = dc.contact_id
                where dc.deal_id = any(:ids) order by dc.deal_id, dc.contact_id
                """).param("ids", dealIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    byDeal.computeIfAbsent(rs.getObject("deal_id", UUID.class), k -> new ArrayList<>())
                            .add(new DealContact(rs.getObject("contact_id", UUID.class), rs.getString("role"), null));
                    return null;
                }).list();
        return byDeal;
    }

    /** Moves the deals of merged accounts to the survivor. */
    void repointAccount(UUID survivor, List<UUID> merged) {
        jdbc.sql("update deals set account_id = :survivor where account_id = any(:merged)")
                .param("survivor", survivor).param("merged", merged.toArray(UUID[]::new)).update();
    }

    /** Makes the survivor of a contact merge a contact of every deal a merged contact was on (keeping one role). */
    void repointContact(UUID survivor, List<UUID> merged) {
        UUID[] ids = merged.toArray(UUID[]::new);
        jdbc.sql("""
                insert into deal_contacts (deal_id, contact_id, role)
                select distinct on (dc.deal_id) dc.deal_id, :survivor, dc.role from deal_contacts dc
                where dc.contact_id = any(:merged)
                order by dc.deal_id, dc.role nulls last
                on conflict (deal_id, contact_id) do nothing
                """).param("survivor", survivor).param("merged", ids).update();
        jdbc.sql("delete from deal_contacts where contact_id = any(:merged)").param("merged", ids).update();
    }

    /** Closes the current stay (if any) and opens one in the new stage. */
    void enterStage(UUID dealId, UUID stageId, UUID changedBy) {
        jdbc.sql("update deal_stage_history set left_at = now() where deal_id = :deal and left_at is null")
                .param("deal", dealId).update();
        jdbc.sql("insert into deal_stage_history (deal_id, stage_id, changed_by) values (:deal, :stage, :by)")
                .param("deal", dealId).param("stage", stageId).param("by", changedBy).update();
    }

    List<DealStageStay> history(UUID dealId, Instant now) {
        return jdbc.sql("""
                select h.stage_id, s.name as stage_name, h.entered_at, h.left_at, h.changed_by, u.name as user_name
                from deal_stage_history h
                join pipeline_stages s on s.id = h.stage_id
                left join users u on u.id = h.changed_by
                where h.deal_id = :deal
                order by h.entered_at, h.left_at nulls last
                """).param("deal", dealId).query((rs, n) -> {
                    Instant entered = rs.getTimestamp("entered_at").toInstant();
                    Instant left = instant(rs, "left_at");
                    return new DealStageStay(rs.getObject("stage_id", UUID.class), rs.getString("stage_name"), entered,
                            left, rs.getObject("changed_by", UUID.class), rs.getString("user_name"),
                            Duration.between(entered, left == null ? now : left));
                }).list();
    }

    static DealView row(ResultSet rs, int n) throws SQLException {
        LocalDate close = rs.getObject("expected_close_date", LocalDate.class);
        BigDecimal amount = rs.getBigDecimal("amount");
        return new DealView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("pipeline_id", UUID.class), rs.getString("pipeline_name"),
                rs.getObject("stage_id", UUID.class), rs.getString("stage_name"), amount.stripTrailingZeros().scale() < 2
                        ? amount.setScale(2) : amount.stripTrailingZeros(),
                rs.getString("currency"), close, rs.getInt("probability"), rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"), rs.getObject("department_id", UUID.class),
                rs.getObject("live_account_id", UUID.class), DealStatus.valueOf(rs.getString("status")),
                rs.getString("loss_reason"), instant(rs, "closed_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
