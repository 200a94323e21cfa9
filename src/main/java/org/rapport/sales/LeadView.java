package org.rapport.sales;

import java.time.Instant;
import java.util.UUID;

/** A lead as read: person and company, source, status, owner (null while in the queue), score and what it became. */
public record LeadView(UUID id, String firstName, String lastName, String email, String phone, String company,
                       String title, String country, LeadSource source, UUID campaignId, LeadStatus status,
                       String disqualifiedReason, UUID ownerId, String ownerName, UUID departmentId,
                       String departmentName, UUID generatedBy, Instant convertedAt, UUID convertedContactId,
                       UUID convertedAccountId, UUID convertedDealId, int score, Instant createdAt, Instant updatedAt,
                       int version) {

    /** The person's full name. */
    public String name() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }

    /** Whether the lead waits in the unassigned queue. */
    public boolean queued() {
        return ownerId == null;
    }
}
