package org.rapport.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.customers.ContactLookup;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.interactions.BodyFormat;
import org.rapport.interactions.Direction;
import org.rapport.interactions.InteractionAttachments;
import org.rapport.interactions.InteractionService;
import org.rapport.interactions.InteractionSource;
import org.rapport.interactions.InteractionType;
import org.rapport.interactions.NewInteraction;
import org.rapport.shared.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;

/**
 * Puts a synced message on the timeline: matches its From, To and Cc addresses to contacts, logs it once (keyed by
 * its Message-ID, or mailbox, UIDVALIDITY and UID without one), threads it with the message it replies to, and keeps
 * its attachments. A message already on a timeline (sent from Rapport, or synced from another mailbox) is skipped, and
 * so is mail among colleagues with no contact in it. Mail from an unknown outside sender is logged unlinked and
 * announced as {@link UnknownSenderEmailReceived}, unless a machine sent it (auto-replies, bounces, lists).
 */
@Component
class InboundMailLogger {

    private static final Logger log = LoggerFactory.getLogger(InboundMailLogger.class);

    /** What logging one message did. */
    record Outcome(boolean logged, boolean unmatched, UUID interactionId) {

        static final Outcome SKIPPED = new Outcome(false, false, null);
    }

    /** The addresses of Rapport's own people (and of the mailbox and the shared sender), with their users. */
    record OwnAddresses(Map<String, UUID> users, Set<String> others) {

        boolean contains(String address) {
            return users.containsKey(address) || others.contains(address);
        }
    }

    private final InteractionService interactions;
    private final InteractionAttachments attachments;
    private final ContactLookup contacts;
    private final UserService users;
    private final SmtpSettingsService smtp;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundMailLogger(InteractionService interactions, InteractionAttachments attachments, ContactLookup contacts,
                      UserService users, SmtpSettingsService smtp, ApplicationEventPublisher events, Clock clock) {
        this.interactions = interactions;
        this.attachments = attachments;
        this.contacts = contacts;
        this.users = users;
        this.smtp = smtp;
        this.events = events;
        this.clock = clock;
    }

    OwnAddresses ownAddresses(MailboxRepository.Claim mailbox) {
        Map<String, UUID> byAddress = new HashMap<>();
        for (UserView u : users.list()) {
            if (u.role() != Role.PARTNER) {
                byAddress.put(u.email().toLowerCase(Locale.ROOT), u.id());
            }
        }
        Set<String> others = new LinkedHashSet<>();
        if (mailbox.username().contains("@")) {
            others.add(mailbox.username().toLowerCase(Locale.ROOT));
        }
        String sender = smtp.current().fromAddress();
        if (sender != null) {
            others.add(sender);
        }
        return new OwnAddresses(byAddress, others);
    }

    /** Logs the message (in the caller's transaction) unless it is skipped. */
    Outcome log(MailboxRepository.Claim mailbox, long uidValidity, OwnAddresses own, InboundMessage m) {
        if (m.messageId() != null && alreadyLogged(m.messageId())) {
            return Outcome.SKIPPED;
        }
        List<InboundMessage.Address> everyone = new ArrayList<>();
        if (m.from() != null) {
            everyone.add(m.from());
        }
        everyone.addAll(m.to());
        everyone.addAll(m.cc());
        boolean outbound = m.from() != null && own.contains(m.from().address());
        List<String> outside = everyone.stream().map(InboundMessage.Address::address).filter(a -> !own.contains(a))
                .distinct().toList();
        Map<String, List<UUID>> matched = contacts.byEmail(outside);
        Set<UUID> contactIds = new LinkedHashSet<>();
        outside.forEach(a -> contactIds.addAll(matched.getOrDefault(a, List.of())));
        Set<UUID> userIds = new LinkedHashSet<>();
        everyone.forEach(a -> {
            UUID user = own.users().get(a.address());
            if (user != null) {
                userIds.add(user);
            }
        });
        if (contactIds.isEmpty() && (outbound || m.from() == null || m.automatic())) {
            return Outcome.SKIPPED;
        }
        List<String> recipients = new ArrayList<>();
        m.to().forEach(a -> recipients.add(a.address()));
        m.cc().forEach(a -> recipients.add(a.address()));
        var delivery = interactions.deliver(new NewInteraction(InteractionType.EMAIL,
                outbound ? Direction.OUTBOUND : Direction.INBOUND, MessageParser.orNow(m.receivedAt(), clock.instant()),
                null, m.subject(), m.body(), m.html() ? BodyFormat.HTML : BodyFormat.TEXT, null, null,
                List.copyOf(contactIds), List.copyOf(userIds), null, m.from() == null ? null : m.from().address(),
                joined(recipients, 2000), null, InteractionSource.IMAP, externalId(mailbox, uidValidity, m),
                m.messageId(), parent(m), mailbox.ownerId()));
        boolean unmatched = contactIds.isEmpty();
        if (delivery.created() && unmatched) {
            events.publishEvent(new UnknownSenderEmailReceived(delivery.interaction().id(), m.from().address(),
                    m.from().name()));
        }
        return new Outcome(delivery.created(), delivery.created() && unmatched, delivery.interaction().id());
    }

    /** Keeps the message's files with the interaction; returns how many were not kept (type refused, too large). */
    int keepAttachments(UUID interactionId, InboundMessage m) {
        int skipped = 0;
        for (InboundMessage.Attachment a : m.attachments()) {
            try (InputStream in = a.content().open()) {
                attachments.store(interactionId, a.fileName(), in, null);
            } catch (InvalidFieldException | IOException | MessagingException e) {
                log.info("Attachment '{}' of {} not kept: {}", a.fileName(), m.messageId(), e.getMessage());
                skipped++;
            }
        }
        return skipped;
    }

    /** Whether a message with this Message-ID is on a timeline already: it then has a thread. */
    private boolean alreadyLogged(String messageId) {
        return interactions.threadOf(List.of(messageId)).isPresent();
    }

    /** The message it answers: the closest one in its references that is on a timeline, else its In-Reply-To. */
    private String parent(InboundMessage m) {
        for (String ref : m.references().subList(0, Math.min(20, m.references().size()))) {
            if (alreadyLogged(ref)) {
                return ref;
            }
        }
        return m.inReplyTo();
    }

    private static String externalId(MailboxRepository.Claim mailbox, long uidValidity, InboundMessage m) {
        if (m.messageId() == null) {
            return "imap:" + mailbox.id() + ":" + uidValidity + ":" + m.uid();
        }
        return m.messageId().length() <= 500 ? m.messageId() : "sha256:" + sha256(m.messageId());
    }

    private static String joined(List<String> addresses, int max) {
        StringBuilder out = new StringBuilder();
        for (String a : addresses) {
            if (out.length() + a.length() + 2 > max) {
                break;
            }
            out.append(out.isEmpty() ? "" : ", ").append(a);
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
