package org.rapport.interactions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rapport.shared.RecordRef;

/**
 * An interaction to log. Contacts taking part are linked to it (and so are their accounts); {@code related} adds
 * other records whose timeline it belongs on. Machine deliveries set {@code source} and {@code externalId}.
 *
 * @param fromAddress the caller's number or the sender's address
 * @param toAddress   the called number or the recipients' addresses (comma-separated)
 * @param ownerId     the rep the interaction is credited to; the logging user when null
 */
public record NewInteraction(InteractionType type, Direction direction, Instant occurredAt, Integer durationSeconds,
                             String subject, String body, BodyFormat bodyFormat, CallOutcome outcome,
                             Sentiment sentiment, List<UUID> contactIds, List<UUID> userIds, List<RecordRef> related,
                             String fromAddress, String toAddress, String recordingUrl, InteractionSource source,
                             String externalId, String messageId, String inReplyTo, UUID ownerId) {

    public NewInteraction {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        related = related == null ? List.of() : List.copyOf(related);
        bodyFormat = bodyFormat == null ? BodyFormat.MARKDOWN : bodyFormat;
        source = source == null ? InteractionSource.MANUAL : source;
    }

    /** A note, call or meeting typed by a person about the given records. */
    public static NewInteraction manual(InteractionType type, Direction direction, Instant occurredAt,
                                        Integer durationSeconds, String subject, String body, CallOutcome outcome,
                                        List<UUID> contactIds, List<RecordRef> related) {
        return new NewInteraction(type, direction, occurredAt, durationSeconds, subject, body, BodyFormat.MARKDOWN,
                outcome, null, contactIds, null, related, null, null, null, InteractionSource.MANUAL, null, null, null,
                null);
    }
}
