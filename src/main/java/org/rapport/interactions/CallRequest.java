package org.rapport.interactions;

import java.time.Instant;

import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.PhoneNumber;

/** The JSON a phone system posts for one call to {@code /api/v1/telephony/calls}. */
record CallRequest(String from, String to, Direction direction, Instant startedAt, Integer durationSeconds,
                   CallOutcome outcome, String recordingUrl, String externalId) {

    /** The call with its numbers in E.164 ({@code region} for numbers without a country code). */
    PhoneCall toCall(String region) {
        if (externalId == null || externalId.isBlank()) {
            throw new InvalidFieldException("externalId", "Give the phone system's id of the call");
        }
        if (direction == null) {
            throw new InvalidFieldException("direction", "Say whether the call was INBOUND or OUTBOUND");
        }
        if (startedAt == null) {
            throw new InvalidFieldException("startedAt", "Give when the call started (ISO-8601 instant)");
        }
        return new PhoneCall(number("from", from, region), number("to", to, region), direction, startedAt,
                durationSeconds, outcome, recordingUrl, externalId.strip());
    }

    private static String number(String field, String raw, String region) {
        try {
            return PhoneNumber.parse(raw, region).e164();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }
}
