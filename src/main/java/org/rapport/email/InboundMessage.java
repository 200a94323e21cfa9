package org.rapport.email;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;

/**
 * A message read from a mailbox, reduced to what the timeline keeps.
 *
 * @param messageId  its Message-ID with angle brackets, or null
 * @param references the Message-IDs it replies to or references, the direct parent (In-Reply-To) first
 * @param automatic  sent by a machine (auto-reply, bounce, list or bulk mail)
 */
record InboundMessage(long uid, String messageId, String inReplyTo, List<String> references, Address from,
                      List<Address> to, List<Address> cc, String subject, Instant receivedAt, String body,
                      boolean html, List<Attachment> attachments, boolean automatic) {

    /** A lower-cased address and the name shown with it. */
    record Address(String address, String name) {
    }

    /** A file that came with the message, read when it is kept. */
    record Attachment(String fileName, Content content) {
    }

    /** Opens an attachment's decoded content. */
    interface Content {
        InputStream open() throws IOException, MessagingException;
    }
}
