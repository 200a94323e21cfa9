package org.rapport.email;

import java.time.Instant;
import java.util.UUID;

/**
 * An IMAP mailbox synced onto the timeline, with its sync status and counts since it was added; a shared inbox has no
 * owner. The password is never part of it.
 *
 * @param syncing   a sync is running now
 * @param queued    "sync now" was asked and has not started yet
 */
record Mailbox(UUID id, String name, UUID ownerId, String ownerName, String host, int port, boolean ssl,
               String username, String folder, boolean enabled, MailboxStatus status, Instant lastAttemptAt,
               Instant lastSuccessAt, String lastError, Instant lastErrorAt, int failures, long messagesSeen,
               long messagesLogged, long messagesUnmatched, long messagesFailed, long attachmentsSkipped,
               String lastMessageError, boolean syncing, boolean queued, Instant createdAt, int version) {

    public boolean shared() {
        return ownerId == null;
    }

    /** Whether the page should keep polling for the status. */
    public boolean busy() {
        return syncing || queued;
    }
}
