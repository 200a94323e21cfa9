package org.rapport.sales;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scores leads by the admin's rules and explains each score. The score column is recomputed whenever the lead
 * changes, when an interaction on its timeline is logged, changed or deleted (see {@link LeadRescoring}), and when
 * rules change (for every open lead); the reasons are computed again when shown.
 */
@Component
class LeadScoring {

    /** One reason behind a score. */
    record Reason(String description, int points) {
    }

    private final JdbcClient jdbc;
    private final LeadRepository leads;

    LeadScoring(JdbcClient jdbc, LeadRepository leads) {
        this.jdbc = jdbc;
        this.leads = leads;
    }

    List<ScoringRule> rules() {
        return jdbc.sql("select * from lead_scoring_rules order by kind, created_at")
                .query((rs, n) -> new ScoringRule(rs.getObject("id", UUID.class),
                        ScoringRule.Kind.valueOf(rs.getString("kind")),
                        rs.getString("field") == null ? null : ScoringRule.Field.valueOf(rs.getString("field")),
                        rs.getString("value"),
                        rs.getString("behaviour") == null ? null : ScoringRule.Behaviour.valueOf(rs.getString("behaviour")),
                        rs.getInt("points")))
                .list();
    }

    /** The rules that give the lead points, in rule order. */
    List<Reason> reasons(LeadView lead) {
        List<ScoringRule> rules = rules();
        return reasons(lead, rules, behaviours(rules, List.of(lead.id())).getOrDefault(lead.id(), Set.of()));
    }

    /** Locks the lead's row first, so that concurrent recomputations of one lead end with the latest timeline's. */
    void rescore(UUID leadId) {
        leads.lock(leadId);
        rescoreAll(List.of(leadId));
    }

    /** Recomputes the scores of many leads with a fixed number of statements (an import). */
    void rescoreAll(Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        List<ScoringRule> rules = rules();
        Map<UUID, Set<ScoringRule.Behaviour>> seen = behaviours(rules, leadIds);
        Map<UUID, Integer> scores = new HashMap<>();
        for (LeadView lead : leads.findAll(leadIds)) {
            scores.put(lead.id(), reasons(lead, rules, seen.getOrDefault(lead.id(), Set.of())).stream()
                    .mapToInt(Reason::points).sum());
        }
        leads.setScores(scores);
    }

    /** Every open lead again, after the rules changed. */
    void rescoreOpenLeads() {
        rescoreAll(jdbc.sql("select id from leads where status not in ('CONVERTED', 'DISQUALIFIED')")
                .query(UUID.class).list());
    }

    private static List<Reason> reasons(LeadView lead, List<ScoringRule> rules, Set<ScoringRule.Behaviour> seen) {
        List<Reason> reasons = new ArrayList<>();
        for (ScoringRule rule : rules) {
            boolean hit = rule.kind() == ScoringRule.Kind.FIELD ? rule.matches(lead) : seen.contains(rule.behaviour());
            if (hit) {
                reasons.add(new Reason(rule.describe(), rule.points()));
            }
        }
        return reasons;
    }

    /**
     * Behaviours on the timelines of the leads (read from the interaction tables, like the sales reports); not read
     * when no rule scores behaviour.
     */
    private Map<UUID, Set<ScoringRule.Behaviour>> behaviours(List<ScoringRule> rules, Collection<UUID> leadIds) {
        Map<UUID, Set<ScoringRule.Behaviour>> found = new HashMap<>();
        if (rules.stream().noneMatch(r -> r.kind() == ScoringRule.Kind.BEHAVIOUR)) {
            return found;
        }
        jdbc.sql("""
                        select k.record_id,
                               bool_or(i.type = 'EMAIL' and i.direction = 'INBOUND') as replied,
                               bool_or(i.type = 'WEB_FORM') as form,
                               bool_or(i.type = 'CALL' and i.outcome = 'CONNECTED') as connected
                        from interaction_links k join interactions i on i.id = k.interaction_id
                        where k.record_type = 'lead' and k.record_id = any(:ids)
                        group by k.record_id
                        """)
                .param("ids", leadIds.toArray(UUID[]::new)).query((rs, n) -> {
                    Set<ScoringRule.Behaviour> seen = found.computeIfAbsent(rs.getObject(1, UUID.class),
                            id -> EnumSet.noneOf(ScoringRule.Behaviour.class));
                    if (rs.getBoolean("replied")) {
                        seen.add(ScoringRule.Behaviour.EMAIL_REPLIED);
                    }
                    if (rs.getBoolean("form")) {
                        seen.add(ScoringRule.Behaviour.FORM_SUBMITTED);
                    }
                    if (rs.getBoolean("connected")) {
                        seen.add(ScoringRule.Behaviour.CALL_CONNECTED);
                    }
                    return 1;
                }).list();
        return found;
    }
}
