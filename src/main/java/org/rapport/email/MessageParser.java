package org.rapport.email;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Reads a fetched IMAP message into an {@link InboundMessage}: addresses, threading headers, body, attachments. */
final class MessageParser {

    static final int MAX_BODY = 100_000;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,995}>");
    private static final String TRUNCATED = "\n\n[… the rest of this message was cut]";

    private MessageParser() {
    }

    static InboundMessage parse(Message message, long uid) throws MessagingException, IOException {
        MimeMessage mime = (MimeMessage) message;
        String messageId = firstId(mime.getMessageID());
        String inReplyTo = firstId(mime.getHeader("In-Reply-To", " "));
        Set<String> references = new LinkedHashSet<>();
        if (inReplyTo != null) {
            references.add(inReplyTo);
        }
        List<String> chain = ids(mime.getHeader("References", " "));
        for (int i = chain.size() - 1; i >= 0; i--) {
            references.add(chain.get(i));
        }
        references.remove(messageId);
        List<InboundMessage.Address> from = addresses(mime.getFrom());
        Body body = new Body();
        collect(mime, body);
        Date received = mime.getReceivedDate() != null ? mime.getReceivedDate() : mime.getSentDate();
        return new InboundMessage(uid, messageId, inReplyTo, List.copyOf(references),
                from.isEmpty() ? null : from.getFirst(), addresses(mime.getRecipients(Message.RecipientType.TO)),
                addresses(mime.getRecipients(Message.RecipientType.CC)), subject(mime),
                received == null ? null : received.toInstant(), body.text(), body.text == null && body.html != null,
                List.copyOf(body.attachments), automatic(mime));
    }

    /** The body found so far: the first plain-text part, else the first HTML part; files beside it. */
    private static final class Body {
        String text;
        String html;
        final List<InboundMessage.Attachment> attachments = new ArrayList<>();

        String text() {
            String chosen = text != null ? text : html;
            if (chosen == null) {
                return null;
            }
            return chosen.length() <= MAX_BODY ? chosen : chosen.substring(0, MAX_BODY - TRUNCATED.length()) + TRUNCATED;
        }
    }

    private static void collect(Part part, Body body) throws MessagingException, IOException {
        String fileName = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (part.isMimeType("multipart/*") && !attached) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body);
            }
        } else if (!attached && fileName == null && part.isMimeType("text/plain")) {
            if (body.text == null) {
                body.text = text(part);
            }
        } else if (!attached && fileName == null && part.isMimeType("text/html")) {
            if (body.html == null) {
                body.html = text(part);
            }
        } else if (fileName != null || attached || part.isMimeType("message/rfc822")) {
            String name = fileName != null ? fileName : part.isMimeType("message/rfc822") ? "message.eml" : "attachment";
            body.attachments.add(new InboundMessage.Attachment(name, part::getInputStream));
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // an unknown charset: read the bytes as UTF-8 below
        }
        try (var in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_BODY * 4), StandardCharsets.UTF_8);
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return "attachment";
        }
    }

    private static String subject(MimeMessage mime) {
        try {
            String subject = mime.getSubject();
            if (subject == null || subject.isBlank()) {
                return null;
            }
            String line = subject.replaceAll("\\s+", " ").strip();
            return line.length() <= 500 ? line : line.substring(0, 499) + "…";
        } catch (MessagingException e) {
            return null;
        }
    }

    private static boolean automatic(MimeMessage mime) throws MessagingException {
        String autoSubmitted = mime.getHeader("Auto-Submitted", null);
        String precedence = mime.getHeader("Precedence", null);
        return (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no"))
                || (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list"))
                || mime.getHeader("List-Id") != null || mime.getHeader("List-Unsubscribe") != null;
    }

    private static List<InboundMessage.Address> addresses(Address[] addresses) {
        List<InboundMessage.Address> out = new ArrayList<>();
        if (addresses == null) {
            return out;
        }
        for (Address a : addresses) {
            if (a instanceof InternetAddress internet && internet.getAddress() != null
                    && internet.getAddress().contains("@")) {
                out.add(new InboundMessage.Address(internet.getAddress().strip().toLowerCase(Locale.ROOT),
                        internet.getPersonal()));
            }
        }
        return out;
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find() && ids.size() < 100) {
            ids.add(m.group());
        }
        return ids;
    }

    static Instant orNow(Instant at, Instant now) {
        return at == null || at.isAfter(now) ? now : at;
    }
}
