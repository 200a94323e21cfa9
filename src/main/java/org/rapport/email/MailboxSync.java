package org.rapport.email;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.rapport.notifications.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

/**
 * Syncs one mailbox: takes its lease, reads the messages after the last UID it read (all of them again when the
 * folder's UIDVALIDITY changed), logs each through {@link InboundMailLogger} in a transaction that also moves the
 * sync position, and records the outcome on the mailbox: status, last success, last error in words, counts. The
 * owner (or, for a shared inbox, whoever added it) is notified once when a mailbox that worked starts failing.
 * A message that cannot be read is counted and skipped; a lost connection ends the sync where it stood.
 */
@Component
class MailboxSync {

    private static final Logger log = LoggerFactory.getLogger(MailboxSync.class);
    static final int LEASE_SECONDS = 600;
    static final int MAX_MESSAGES = 500;
    static final Duration TIME_BUDGET = Duration.ofMinutes(4);

    private final MailboxRepository mailboxes;
    private final InboundMailLogger logger;
    private final SecretBox secrets;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailboxSync(MailboxRepository mailboxes, InboundMailLogger logger, SecretBox secrets,
                NotificationService notifications, TransactionTemplate tx, Clock clock) {
        this.mailboxes = mailboxes;
        this.logger = logger;
        this.secrets = secrets;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** Syncs the mailbox now; false when it is switched off or another sync of it is running. */
    boolean sync(UUID id) {
        Optional<MailboxRepository.Claim> claimed = mailboxes.claim(id, LEASE_SECONDS);
        if (claimed.isEmpty()) {
            return false;
        }
        MailboxRepository.Claim mailbox = claimed.get();
        try {
            run(mailbox);
            mailboxes.succeeded(id);
        } catch (Exception e) {
            String error = MailErrors.describe(e, mailbox.host(), mailbox.port());
            log.warn("Mailbox {} ({}@{}) failed to sync: {}", mailbox.name(), mailbox.username(), mailbox.host(), error);
            mailboxes.failed(id, error);
            if (mailbox.status() != MailboxStatus.ERROR) {
                notifyFailure(mailbox, error);
            }
        }
        return true;
    }

    private void run(MailboxRepository.Claim mailbox) throws MessagingException {
        String password = secrets.decrypt(mailbox.passwordSecret(), MailboxService.PURPOSE);
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        try (Store store = Session.getInstance(properties(protocol)).getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), password);
            Folder folder = store.getFolder(mailbox.folder());
            if (!folder.exists()) {
                throw new FolderNotFoundException(folder, "no folder '" + mailbox.folder() + "'");
            }
            folder.open(Folder.READ_ONLY);
            try {
                read(mailbox, store, folder);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        }
    }

    private void read(MailboxRepository.Claim mailbox, Store store, Folder folder) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        long after = Objects.equals(mailbox.uidValidity(), validity) ? mailbox.lastUid() : 0;
        Message[] found = uids.getMessagesByUID(after + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(found, profile);
        List<Message> fresh = new ArrayList<>();
        for (Message m : found) {
            if (m != null && uids.getUID(m) > after) {
                fresh.add(m);
            }
        }
        fresh.sort(Comparator.comparingLong(m -> uid(uids, m)));
        mailboxes.advance(mailbox.id(), validity, after, MailboxRepository.Counts.NONE, null);
        InboundMailLogger.OwnAddresses own = logger.ownAddresses(mailbox);
        Instant stop = clock.instant().plus(TIME_BUDGET);
        for (Message message : fresh.subList(0, Math.min(MAX_MESSAGES, fresh.size()))) {
            if (clock.instant().isAfter(stop)) {
                break;
            }
            process(mailbox, validity, uids.getUID(message), message, own, store, folder);
        }
    }

    private void process(MailboxRepository.Claim mailbox, long validity, long uid, Message message,
                         InboundMailLogger.OwnAddresses own, Store store, Folder folder) throws MessagingException {
        InboundMessage parsed;
        try {
            parsed = MessageParser.parse(message, uid);
        } catch (MessagingException | IOException | RuntimeException e) {
            if (!folder.isOpen() || !store.isConnected()) {
                throw e instanceof MessagingException m ? m : new MessagingException("Connection lost", (Exception) e);
            }
            unreadable(mailbox, validity, uid, e.getMessage());
            return;
        }
        InboundMailLogger.Outcome outcome;
        try {
            outcome = tx.execute(status -> {
                InboundMailLogger.Outcome o = logger.log(mailbox, validity, own, parsed);
                mailboxes.advance(mailbox.id(), validity, uid, new MailboxRepository.Counts(1, o.logged() ? 1 : 0,
                        o.unmatched() ? 1 : 0, 0, 0), null);
                return o;
            });
        } catch (DataIntegrityViolationException e) {
            unreadable(mailbox, validity, uid, "it does not fit the timeline (" + e.getMostSpecificCause().getMessage() + ")");
            return;
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            unreadable(mailbox, validity, uid, e.getMessage());
            return;
        }
        if (outcome != null && outcome.logged() && !parsed.attachments().isEmpty()) {
            int skipped = logger.keepAttachments(outcome.interactionId(), parsed);
            if (skipped > 0) {
                mailboxes.advance(mailbox.id(), validity, uid, new MailboxRepository.Counts(0, 0, 0, 0, skipped), null);
            }
        }
    }

    private void unreadable(MailboxRepository.Claim mailbox, long validity, long uid, String why) {
        String message = "Message with UID " + uid + " skipped: " + why;
        log.info("Mailbox {}: {}", mailbox.name(), message);
        mailboxes.advance(mailbox.id(), validity, uid, new MailboxRepository.Counts(1, 0, 0, 1, 0),
                message.length() <= 1000 ? message : message.substring(0, 999) + "…");
    }

    private void notifyFailure(MailboxRepository.Claim mailbox, String error) {
        UUID recipient = mailbox.ownerId() != null ? mailbox.ownerId() : mailbox.createdBy();
        if (recipient == null) {
            return;
        }
        notifications.notify(recipient, "MAILBOX_FAILING", "Mailbox " + mailbox.name() + " cannot sync", error,
                "/mailboxes/" + mailbox.id(), "mailbox-failing:" + mailbox.id() + ":"
                        + (mailbox.lastSuccessAt() == null ? "never" : mailbox.lastSuccessAt().toString()));
    }

    private static long uid(UIDFolder uids, Message m) {
        try {
            return uids.getUID(m);
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Properties properties(String protocol) {
        Properties p = new Properties();
        p.put("mail." + protocol + ".connectiontimeout", "15000");
        p.put("mail." + protocol + ".timeout", "30000");
        p.put("mail." + protocol + ".writetimeout", "30000");
        p.put("mail." + protocol + ".peek", "true");
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (protocol.equals("imap")) {
            p.put("mail.imap.starttls.enable", "true");
        }
        return p;
    }
}
