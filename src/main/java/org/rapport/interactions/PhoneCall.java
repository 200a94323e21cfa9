package org.rapport.interactions;

import java.time.Instant;

/**
 * A call as a phone system reported it, numbers already normalized: E.164 where they are phone numbers, else as sent
 * (e.g. a Twilio {@code client:} identity).
 */
record PhoneCall(String from, String to, Direction direction, Instant startedAt, Integer durationSeconds,
                 CallOutcome outcome, String recordingUrl, String externalId) {

    /** The customer's side: the caller of an inbound call, the called party of an outbound one. */
    String customerNumber() {
        return direction == Direction.INBOUND ? from : to;
    }

    /** The rep's side: the other number. */
    String repNumber() {
        return direction == Direction.INBOUND ? to : from;
    }
}
