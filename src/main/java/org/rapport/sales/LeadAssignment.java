package org.rapport.sales;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Runs the ordered assignment rules on new leads without an owner: the first active rule that matches decides. */
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
        return assignAll(List.of(lead)).getFirst();
    }

    /**
     * Places several new leads in order, with the rules read once and each round-robin rule's turns taken under its
     * row lock once and written back at the end; must run inside the transaction that inserts the leads.
     */
    List<Target> assignAll(List<LeadFields> leads) {
        List<AssignmentRule> all = rules.all();
        Map<UUID, Turn> turns = new HashMap<>();
        List<Target> targets = new ArrayList<>(leads.size());
        for (LeadFields lead : leads) {
            targets.add(assign(lead, all, turns));
        }
        turns.forEach((rule, turn) -> {
            if (turn.given) {
                rules.saveTurn(rule, turn.last);
            }
        });
        return targets;
    }

    private Target assign(LeadFields lead, List<AssignmentRule> all, Map<UUID, Turn> turns) {
        for (AssignmentRule rule : all) {
            if (!rule.active() || !rule.matches(lead)) {
                continue;
            }
            if (rule.kind() == AssignmentRule.Kind.ROUND_ROBIN) {
                UUID rep = turns.computeIfAbsent(rule.id(), id -> new Turn(rules.lockTurns(id, rule.departmentId())))
                        .next();
                if (rep != null) {
                    return new Target(rep, rule.departmentId());
                }
                continue;
            }
            return new Target(rule.userId(), rule.departmentId());
        }
        return new Target(null, lead.departmentId());
    }

    /** A round-robin rule's turns while leads are being placed. */
    private static final class Turn {
        private final List<UUID> reps;
        private UUID last;
        private boolean given;

        Turn(AssignmentRepository.Turns turns) {
            this.reps = turns.reps();
            this.last = turns.last();
        }

        /** The next rep, or null when the department has none. */
        UUID next() {
            if (reps.isEmpty()) {
                return null;
            }
            last = reps.get((reps.indexOf(last) + 1) % reps.size());
            given = true;
            return last;
        }
    }
}
