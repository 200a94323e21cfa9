package org.rapport.sales;

import java.util.UUID;

/**
 * One ordered assignment rule. ROUND_ROBIN matches every lead and gives it to the next active sales rep of
 * {@code departmentId} (turns kept in the database); COUNTRY and SOURCE match leads whose country (ISO code) or source is one of the comma-separated {@code matchValue}, and give
 * them to {@code userId}, or else to the unassigned queue of {@code departmentId}.
 */
record AssignmentRule(UUID id, int position, Kind kind, String matchValue, UUID departmentId, String departmentName,
                      UUID userId, String userName, boolean active) {

    /** What a rule matches on. */
    enum Kind { ROUND_ROBIN, COUNTRY, SOURCE }

    boolean matches(LeadFields lead) {
        return switch (kind) {
            case ROUND_ROBIN -> true;
            case COUNTRY -> lead.country() != null && values().contains(lead.country());
            case SOURCE -> lead.source() != null && values().contains(lead.source().name());
        };
    }

    private java.util.List<String> values() {
        return java.util.Arrays.stream(matchValue == null ? new String[0] : matchValue.split(","))
                .map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).toList();
    }
}
