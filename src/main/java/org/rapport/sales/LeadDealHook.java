package org.rapport.sales;

import java.util.UUID;

import org.rapport.identity.CurrentUser;

/**
 * Extension point for the deals side: when a bean implements it, converting a lead with a deal asks it to create the
 * deal inside the conversion's transaction (throwing rolls the whole conversion back). Without such a bean a
 * conversion that asks for a deal is refused (400 on {@code deal}).
 */
public interface LeadDealHook {

    /** What the converting user asked for; every value may be null but {@code name}. */
    record LeadDealRequest(String name, java.math.BigDecimal amount, String currency, java.time.LocalDate expectedCloseDate,
                           UUID pipelineId) {
    }

    /** Creates the deal of a converted lead and returns its id. */
    UUID createDeal(CurrentUser user, LeadView lead, UUID contactId, UUID accountId, LeadDealRequest request);
}
