package org.rapport.sales;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code lead_assignment_rules} and the round-robin turn of each rule. */
@Repository
class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AssignmentRule> all() {
        return jdbc.sql("""
                        select r.*, d.name as department_name, u.name as user_name from lead_assignment_rules r
                        left join departments d on d.id = r.department_id left join users u on u.id = r.user_id
                        order by r.position, r.created_at
                        """)
                .query((rs, n) -> new AssignmentRule(rs.getObject("id", UUID.class), rs.getInt("position"),
                        AssignmentRule.Kind.valueOf(rs.getString("kind")), rs.getString("match_value"),
                        rs.getObject("department_id", UUID.class), rs.getString("department_name"),
                        rs.getObject("user_id", UUID.class), rs.getString("user_name"), rs.getBoolean("active")))
                .list();
    }

    UUID insert(AssignmentRule.Kind kind, String matchValue, UUID departmentId, UUID userId) {
        return jdbc.sql("""
                        insert into lead_assignment_rules (position, kind, match_value, department_id, user_id)
                        values ((select coalesce(max(position), 0) + 1 from lead_assignment_rules), :kind, :match,
                                :department, :user)
                        returning id
                        """)
                .param("kind", kind.name()).param("match", matchValue).param("department", departmentId)
                .param("user", userId).query(UUID.class).single();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from lead_assignment_rules where id = :id").param("id", id).update() == 1;
    }

    void setActive(UUID id, boolean active) {
        jdbc.sql("update lead_assignment_rules set active = :active where id = :id").param("id", id)
                .param("active", active).update();
    }

    /** Swaps the rule with its neighbour above ({@code up}) or below. */
    void move(UUID id, boolean up) {
        jdbc.sql("""
                        with me as (select id, position from lead_assignment_rules where id = :id),
                        other as (select r.id, r.position from lead_assignment_rules r, me
                                  where case when :up then r.position < me.position else r.position > me.position end
                                  order by case when :up then -r.position else r.position end limit 1)
                        update lead_assignment_rules r set position = case when r.id = me.id then other.position
                                                                          else me.position end
                        from me, other where r.id in (me.id, other.id)
                        """)
                .param("id", id).param("up", up).update();
    }

    /** The reps a round-robin rule hands leads to in turn, and the last one it gave a lead to. */
    record Turns(List<UUID> reps, UUID last) {
    }

    /**
     * Locks a round-robin rule's row with {@code select ... for update} until the transaction ends, so that two nodes
     * never give out the same turn, and reads its turns: the department's active sales reps (by name, then id).
     */
    Turns lockTurns(UUID ruleId, UUID departmentId) {
        UUID last = jdbc.sql("select last_assigned_to from lead_assignment_rules where id = :id for update")
                .param("id", ruleId).query((rs, n) -> rs.getObject(1, UUID.class)).optional().orElse(null);
        List<UUID> reps = jdbc.sql("""
                        select id from users where department_id = :department and active and role = 'SALES_REP'
                        order by name, id
                        """)
                .param("department", departmentId).query(UUID.class).list();
        return new Turns(reps, last);
    }

    void saveTurn(UUID ruleId, UUID last) {
        jdbc.sql("update lead_assignment_rules set last_assigned_to = :last where id = :id").param("id", ruleId)
                .param("last", last).update();
    }
}
