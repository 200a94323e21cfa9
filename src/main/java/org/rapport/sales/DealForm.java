package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;

/**
 * The deal form as posted: text fields are parsed here so that bad input is an error next to its field. A new deal
 * started from a contact's page carries that contact ({@code contactId}), who goes on the deal.
 */
record DealForm(String name, UUID stageId, String amount, String currency, String expectedCloseDate,
                String probability, UUID ownerId, UUID accountId, String lossReason, Integer version,
                UUID contactId) {

    static DealForm blank(UUID stageId, UUID ownerId, String currency, UUID accountId, UUID contactId) {
        return new DealForm("", stageId, "", currency, "", "", ownerId, accountId, "", null, contactId);
    }

    static DealForm of(DealView d) {
        return new DealForm(d.name(), d.stageId(), d.amount().toPlainString(), d.currency(),
                d.expectedCloseDate() == null ? "" : d.expectedCloseDate().toString(),
                String.valueOf(d.probability()), d.ownerId(), d.accountId(), d.lossReason(), d.version(), null);
    }

    /** The values to write; the contacts stay those of {@code before}, or are the form's contact for a new deal. */
    DealFields fields(DealView before) {
        Integer chance = null;
        if (probability != null && !probability.isBlank()) {
            try {
                chance = Integer.valueOf(probability.strip());
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("probability", "Enter a whole number from 0 to 100");
            }
        }
        return new DealFields(name, null, stageId, parsedAmount(), currency, closeDate(), chance, ownerId, accountId,
                lossReason, before != null ? DealService.roles(before)
                        : contactId == null ? List.of() : List.of(new DealFields.ContactRole(contactId, null)));
    }

    private BigDecimal parsedAmount() {
        if (amount == null || amount.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(amount.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("amount", "Enter an amount such as 1200.50");
        }
    }

    private LocalDate closeDate() {
        if (expectedCloseDate == null || expectedCloseDate.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(expectedCloseDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("expectedCloseDate", "Enter a date as YYYY-MM-DD");
        }
    }
}
