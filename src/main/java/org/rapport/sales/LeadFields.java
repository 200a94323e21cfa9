package org.rapport.sales;

import java.util.UUID;

/** The editable fields of a lead; a null owner on create lets the assignment rules choose (or the queue). */
record LeadFields(String firstName, String lastName, String email, String phone, String company, String title,
                  String country, LeadSource source, UUID campaignId, LeadStatus status, String disqualifiedReason,
                  UUID ownerId, UUID departmentId) {

    LeadFields withOwner(UUID owner, UUID department) {
        return new LeadFields(firstName, lastName, email, phone, company, title, country, source, campaignId, status,
                disqualifiedReason, owner, department);
    }

    static LeadFields of(LeadView l) {
        return new LeadFields(l.firstName(), l.lastName(), l.email(), l.phone(), l.company(), l.title(), l.country(),
                l.source(), l.campaignId(), l.status(), l.disqualifiedReason(), l.ownerId(), l.departmentId());
    }
}
