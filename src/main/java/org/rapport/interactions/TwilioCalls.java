package org.rapport.interactions;

import java.util.Locale;

import org.rapport.shared.InvalidFieldException;

/** How Twilio's call statuses and directions map to Rapport's call outcomes and directions. */
final class TwilioCalls {

    private TwilioCalls() {
    }

    /**
     * The outcome of a final status; null for a status that is not final yet (queued, initiated, ringing,
     * in-progress), which logs nothing. A completed call without a second of talk counts as not answered; a failed
     * call (Twilio could not route the number) as a wrong number; a canceled one (hung up before an answer) as not
     * answered.
     */
    static CallOutcome outcome(String status, Integer durationSeconds) {
        if (status == null || status.isBlank()) {
            throw new InvalidFieldException("CallStatus", "Missing");
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "completed" -> durationSeconds != null && durationSeconds > 0 ? CallOutcome.CONNECTED
                    : CallOutcome.NO_ANSWER;
            case "busy" -> CallOutcome.BUSY;
            case "no-answer", "canceled" -> CallOutcome.NO_ANSWER;
            case "failed" -> CallOutcome.WRONG_NUMBER;
            case "queued", "initiated", "ringing", "in-progress" -> null;
            default -> throw new InvalidFieldException("CallStatus", "Unknown status '" + status.strip() + "'");
        };
    }

    /** {@code inbound} is inbound; {@code outbound-api} and {@code outbound-dial} are outbound. */
    static Direction direction(String direction) {
        if (direction == null || direction.isBlank()) {
            throw new InvalidFieldException("Direction", "Missing");
        }
        String d = direction.strip().toLowerCase(Locale.ROOT);
        if (d.equals("inbound")) {
            return Direction.INBOUND;
        }
        if (d.startsWith("outbound")) {
            return Direction.OUTBOUND;
        }
        throw new InvalidFieldException("Direction", "Unknown direction '" + direction.strip() + "'");
    }
}
