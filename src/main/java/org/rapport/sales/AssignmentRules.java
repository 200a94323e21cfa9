package org.rapport.sales;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.platform.AuditService;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's ordered lead assignment rules: add, reorder, switch on/off, remove; every change audited. */
@Service
class AssignmentRules {

    static final String TYPE = "lead_assignment_rule";

    private final AssignmentRepository rules;
    private final UserService users;
    private final AuditService audit;

    AssignmentRules(AssignmentRepository rules, UserService users, AuditService audit) {
        this.rules = rules;
        this.users = users;
        this.audit = audit;
    }

    List<AssignmentRule> all() {
        return rules.all();
    }

    @Transactional
    UUID add(CurrentUser admin, AssignmentRule.Kind kind, String matchValue, UUID departmentId, UUID userId) {
        requireAdmin(admin);
        if (kind == null) {
            throw new InvalidFieldException("kind", "Choose round robin, country or source");
        }
        String match = matchValue == null || matchValue.isBlank() ? null : matchValue.strip().toUpperCase();
        if (kind == AssignmentRule.Kind.ROUND_ROBIN) {
            match = null;
            userId = null;
            if (departmentId == null) {
                throw new InvalidFieldException("departmentId", "Choose the department whose reps take turns");
            }
        } else if (match == null || match.length() > 500) {
            throw new InvalidFieldException("matchValue", kind == AssignmentRule.Kind.COUNTRY
                    ? "Enter country codes, e.g. US, CA" : "Enter sources, e.g. WEB_FORM, REFERRAL");
        } else if (kind == AssignmentRule.Kind.SOURCE) {
            for (String s : match.split(",")) {
                try {
                    LeadSource.valueOf(s.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("matchValue", "Unknown source " + s.strip());
                }
            }
        } else if (!match.matches("[A-Z]{2}( *, *[A-Z]{2})*")) {
            throw new InvalidFieldException("matchValue", "Enter two-letter country codes separated by commas");
        }
        if (departmentId == null && userId == null) {
            throw new InvalidFieldException("userId", "Choose a user or a department");
        }
        if (departmentId != null && users.department(departmentId).isEmpty()) {
            throw new InvalidFieldException("departmentId", "No such department");
        }
        if (userId != null && users.find(userId).filter(u -> u.active() && u.role() != Role.PARTNER).isEmpty()) {
            throw new InvalidFieldException("userId", "Choose an active internal user");
        }
        UUID id = rules.insert(kind, match, departmentId, userId);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("matchValue", match);
        fields.put("departmentId", departmentId);
        fields.put("userId", userId);
        audit.created(new RecordRef(TYPE, id), fields);
        return id;
    }

    @Transactional
    void move(CurrentUser admin, UUID id, boolean up) {
        requireAdmin(admin);
        int before = find(id).position();
        rules.move(id, up);
        audit.updated(new RecordRef(TYPE, id), Map.of("position", before), Map.of("position", find(id).position()));
    }

    @Transactional
    void setActive(CurrentUser admin, UUID id, boolean active) {
        requireAdmin(admin);
        AssignmentRule rule = find(id);
        rules.setActive(id, active);
        audit.updated(new RecordRef(TYPE, id), Map.of("active", rule.active()), Map.of("active", active));
    }

    @Transactional
    void delete(CurrentUser admin, UUID id) {
        requireAdmin(admin);
        AssignmentRule rule = find(id);
        rules.delete(id);
        audit.deleted(new RecordRef(TYPE, id), Map.of("kind", rule.kind(), "position", rule.position()));
    }

    private AssignmentRule find(UUID id) {
        return rules.all().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Assignment rule"));
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("Only administrators change assignment rules");
        }
    }
}
