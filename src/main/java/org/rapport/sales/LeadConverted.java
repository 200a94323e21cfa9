package org.rapport.sales;

import java.util.UUID;

/** A lead became a contact (created or existing), maybe an account and a deal; its timeline and tasks moved along. */
public record LeadConverted(UUID leadId, UUID contactId, UUID accountId, UUID dealId) {
}
