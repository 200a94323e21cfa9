package org.rapport.interactions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rapport.shared.RecordRef;

/** An interaction as read back, with its participants, records and attachments. */
public record InteractionView(UUID id, InteractionType type, Direction direction, Instant occurredAt,
                              Integer durationSeconds, String subject, String body, BodyFormat bodyFormat,
                              CallOutcome outcome, Sentiment sentiment, String fromAddress, String toAddress,
                              Origin origin, String recordingUrl, InteractionSource source, String externalId,
                              String messageId, String inReplyTo, UUID threadId, UUID ownerId, UUID departmentId,
                              List<UUID> contactIds, List<UUID> userIds, List<RecordRef> records,
                              List<Attachment> attachments, Instant createdAt, Instant updatedAt, int version) {

    /** Where a call or email came from: a call's country and region from its number, an email's domain. */
    public record Origin(String country, String region, String domain) {
    }

    /** A file kept with an interaction. */
    public record Attachment(UUID id, String fileName, String contentType, long sizeBytes) {
    }
}
