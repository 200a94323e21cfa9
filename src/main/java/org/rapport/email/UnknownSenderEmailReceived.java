package org.rapport.email;

import java.util.UUID;

/**
 * An email from an address that matches no contact (and no colleague) was logged, unlinked, from a synced mailbox:
 * the hook for turning unknown senders into leads. Published in the transaction that logged it.
 *
 * @param interactionId the logged email
 * @param address       the sender's address, lower-cased
 * @param name          the name shown with it, or null
 */
public record UnknownSenderEmailReceived(UUID interactionId, String address, String name) {
}
