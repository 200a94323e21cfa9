package org.rapport.notifications;

/**
 * Sends a plain system mail (a reminder, a notice) through the organization's shared SMTP sender. Implemented by the
 * module that owns the SMTP settings; callers check {@link #available()} first, since a new installation has none.
 */
public interface OutboundMail {

    /** Whether an SMTP sender is configured and enabled. */
    boolean available();

    /** Sends now; throws {@link IllegalStateException} when it cannot (no sender, SMTP refused). */
    void send(String toAddress, String subject, String textBody);
}
