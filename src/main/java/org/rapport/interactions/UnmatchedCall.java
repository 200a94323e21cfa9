package org.rapport.interactions;

import java.time.Instant;
import java.util.UUID;

import org.rapport.shared.PhoneNumber;

/**
 * A call that matched no contact, waiting for triage.
 *
 * @param number  the customer side's number (E.164 when it is a phone number)
 * @param ownerId the rep whose number took or made the call; null when no user has that number
 */
public record UnmatchedCall(UUID interactionId, String number, Instant occurredAt, Direction direction,
                            Integer durationSeconds, CallOutcome outcome, String from, String to, UUID ownerId) {

    /** The number as people read it ({@code +1 312-555-0147}), or as sent when it is no phone number. */
    public String numberLabel() {
        return number.startsWith("+") ? new PhoneNumber(number).international() : number;
    }
}
