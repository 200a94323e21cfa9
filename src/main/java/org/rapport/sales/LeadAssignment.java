package org.rapport.sales;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** Runs the ordered assignment rules on a new lead without an owner: the first active rule that matches decides. */
@Component
class LeadAssignment {

    /** The owner (null for the queue) and department a lead goes to. */
    record Target(UUID ownerId, UUID departmentId) {
    }

    private final AssignmentRepository rules;

    LeadAssignment(AssignmentRepository rules) {
        this.rules = rules;
    }

    /** Must run inside the transaction that inserts the lead, so that a rolled-back lead gives its turn back. */
    Target assign(LeadFields lead) {
        for (AssignmentRule rule : rules.all()) {
            if (!rule.active() || !rule.matches(lead)) {
                continue;
            }
            if (rule.kind() == AssignmentRule.Kind.ROUND_ROBIN) {
                UUID rep = rules.nextTurn(rule.id(), rule.departmentId());
                if (rep != null) {
                    return new Target(rep, rule.departmentId());
                }
                continue;
            }
            return new Target(rule.userId(), rule.departmentId());
        }
        return new Target(null, lead.departmentId());
    }
}
