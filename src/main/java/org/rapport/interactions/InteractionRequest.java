package org.rapport.interactions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rapport.shared.RecordRef;

/** The JSON of an interaction written through the API. */
record InteractionRequest(InteractionType type, Direction direction, Instant occurredAt, Integer durationSeconds,
                          String subject, String body, CallOutcome outcome, Sentiment sentiment,
                          List<UUID> contactIds, List<UUID> userIds, List<RecordRef> related, String from, String to,
                          String recordingUrl, UUID ownerId, String externalId) {

    static InteractionRequest from(InteractionView v) {
        return new InteractionRequest(v.type(), v.direction(), v.occurredAt(), v.durationSeconds(), v.subject(),
                v.body(), v.outcome(), v.sentiment(), v.contactIds(), v.userIds(), related(v), v.fromAddress(),
                v.toAddress(), v.recordingUrl(), v.ownerId(), v.externalId());
    }

    /** The records named in the request beyond those that the contacts bring. */
    private static List<RecordRef> related(InteractionView v) {
        return v.records();
    }

    NewInteraction toNew(InteractionSource source) {
        return new NewInteraction(type, direction, occurredAt, durationSeconds, subject, body, BodyFormat.MARKDOWN,
                outcome, sentiment, contactIds, userIds, related, from, to, recordingUrl, source, externalId, null,
                null, ownerId);
    }
}
