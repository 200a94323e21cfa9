package org.rapport.sales;

import java.util.UUID;

/** Filters of the lead list; null means any. {@code queued} keeps only leads without an owner. */
record LeadFilter(LeadStatus status, LeadSource source, UUID ownerId, UUID departmentId, boolean queued, String q) {

    static final LeadFilter ALL = new LeadFilter(null, null, null, null, false, null);
}
