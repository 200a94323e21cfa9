package org.rapport.sales;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
        Set<ScoringRule.Behaviour> seen = rules.stream().anyMatch(r -> r.kind() == ScoringRule.Kind.BEHAVIOUR)
                ? behaviours(lead.id()) : EnumSet.noneOf(ScoringRule.Behaviour.class);
        List<Reason> reasons = new ArrayList<>();
        for (ScoringRule rule : rules) {
            boolean hit = rule.kind() == ScoringRule.Kind.FIELD ? rule.matches(lead) : seen.contains(rule.behaviour());
            if (hit) {
                reasons.add(new Reason(rule.describe(), rule.points()));
            }
        }
        return reasons;
    }

    /** Locks the lead's row first, so that concurrent recomputations of one lead end with the latest timeline's. */
    void rescore(UUID leadId) {
        leads.lock(leadId);
        leads.find(leadId, org.rapport.identity.SqlFilter.UNRESTRICTED).ifPresent(lead -> leads.setScore(leadId,
                reasons(lead).stream().mapToInt(Reason::points).sum()));
    }

    /** Every open lead again, after the rules changed. */
    void rescoreOpenLeads() {
        jdbc.sql("select id from leads where status not in ('CONVERTED', 'DISQUALIFIED')").query(UUID.class).list()
                .forEach(this::rescore);
    }

    /** Behaviours on the lead's timeline (read from the interaction tables, like the sales reports). */
    private Set<ScoringRule.Behaviour> behaviours(UUID leadId) {
        Set<ScoringRule.Behaviour> found = EnumSet.noneOf(ScoringRule.Behaviour.class);
        jdbc.sql("""
                        select bool_or(i.type = 'EMAIL' and i.direction = 'INBOUND') as replied,
                               bool_or(i.type = 'WEB_FORM') as form,
                               bool_or(i.type = 'CALL' and i.outcome = 'CONNECTED') as connected
                        from interaction_links k join interactions i on i.id = k.interaction_id
                        where k.record_type = 'lead' and k.record_id = :id
                        """)
                .param("id", leadId).query((rs, n) -> {
                    if (rs.getBoolean("replied")) {
                        found.add(ScoringRule.Behaviour.EMAIL_REPLIED);
                    }
                    if (rs.getBoolean("form")) {
                        found.add(ScoringRule.Behaviour.FORM_SUBMITTED);
                    }
                    if (rs.getBoolean("connected")) {
                        found.add(ScoringRule.Behaviour.CALL_CONNECTED);
                    }
                    return 1;
                }).list();
        return found;
    }
}
