package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The writable values of a deal; a null probability means the stage's default. */
record DealFields(String name, UUID pipelineId, UUID stageId, BigDecimal amount, String currency,
                  LocalDate expectedCloseDate, Integer probability, UUID ownerId, UUID accountId, String lossReason,
                  List<ContactRole> contacts) {

    /** A contact of the deal and their role. */
    record ContactRole(UUID contactId, String role) {
    }

    static DealFields of(NewDeal d) {
        List<ContactRole> contacts = d.contactIds() == null ? List.of()
                : d.contactIds().stream().map(id -> new ContactRole(id, null)).toList();
        return new DealFields(d.name(), d.pipelineId(), d.stageId(), d.amount(), d.currency(), d.expectedCloseDate(),
                null, d.ownerId(), d.accountId(), null, contacts);
    }
}
