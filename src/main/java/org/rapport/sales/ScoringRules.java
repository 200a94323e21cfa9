package org.rapport.sales;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.AuditService;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's lead scoring rules; a change scores every open lead again. Changes are audited. */
@Service
class ScoringRules {

    static final String TYPE = "lead_scoring_rule";

    private final JdbcClient jdbc;
    private final LeadScoring scoring;
    private final AuditService audit;

    ScoringRules(JdbcClient jdbc, LeadScoring scoring, AuditService audit) {
        this.jdbc = jdbc;
        this.scoring = scoring;
        this.audit = audit;
    }

    List<ScoringRule> all() {
        return scoring.rules();
    }

    /** @param target a {@link ScoringRule.Field} or {@link ScoringRule.Behaviour} name */
    @Transactional
    UUID add(CurrentUser admin, String target, String value, Integer points) {
        requireAdmin(admin);
        if (points == null || points < -1000 || points > 1000) {
            throw new InvalidFieldException("points", "Give from -1000 to 1000 points");
        }
        ScoringRule.Field field = null;
        ScoringRule.Behaviour behaviour = null;
        try {
            field = ScoringRule.Field.valueOf(target == null ? "" : target);
        } catch (IllegalArgumentException notField) {
            try {
                behaviour = ScoringRule.Behaviour.valueOf(target == null ? "" : target);
            } catch (IllegalArgumentException neither) {
                throw new InvalidFieldException("target", "Choose a field or a behaviour");
            }
        }
        String v = value == null || value.isBlank() ? null : value.strip();
        if (field != null && field != ScoringRule.Field.COMPANY_PRESENT && (v == null || v.length() > 200)) {
            throw new InvalidFieldException("value", "Enter the value to match (at most 200 characters)");
        }
        if (field == ScoringRule.Field.SOURCE) {
            try {
                v = LeadSource.valueOf(v.toUpperCase()).name();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("value", "Unknown source");
            }
        }
        if (behaviour != null || field == ScoringRule.Field.COMPANY_PRESENT) {
            v = null;
        }
        UUID id = jdbc.sql("""
                        insert into lead_scoring_rules (kind, field, value, behaviour, points)
                        values (:kind, :field, :value, :behaviour, :points) returning id
                        """)
                .param("kind", field != null ? "FIELD" : "BEHAVIOUR")
                .param("field", field == null ? null : field.name()).param("value", v)
                .param("behaviour", behaviour == null ? null : behaviour.name()).param("points", points)
                .query(UUID.class).single();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("target", target);
        fields.put("value", v);
        fields.put("points", points);
        audit.created(new RecordRef(TYPE, id), fields);
        scoring.rescoreOpenLeads();
        return id;
    }

    @Transactional
    void delete(CurrentUser admin, UUID id) {
        requireAdmin(admin);
        ScoringRule rule = all().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Scoring rule"));
        jdbc.sql("delete from lead_scoring_rules where id = :id").param("id", id).update();
        audit.deleted(new RecordRef(TYPE, id), Map.of("rule", rule.describe(), "points", rule.points()));
        scoring.rescoreOpenLeads();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("Only administrators change scoring rules");
        }
    }
}
