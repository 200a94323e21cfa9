package org.rapport.email;

import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * IMAP mailboxes: administrators manage shared inboxes and see every mailbox; every other internal user adds and
 * manages personal mailboxes and sees only those (another user's answers 404). Passwords are stored encrypted.
 */
@Service
class MailboxService {

    static final String PURPOSE = "imap";

    /** What the mailbox form sends; a blank password keeps the stored one. {@code shared} only when creating. */
    record Form(String name, String host, Integer port, boolean ssl, String username, String password, String folder,
                boolean enabled, boolean shared, int version) {
    }

    private final MailboxRepository mailboxes;
    private final SecretBox secrets;
    private final Scheduler scheduler;

    MailboxService(MailboxRepository mailboxes, SecretBox secrets, Scheduler scheduler) {
        this.mailboxes = mailboxes;
        this.secrets = secrets;
        this.scheduler = scheduler;
    }

    List<Mailbox> list(CurrentUser user) {
        return mailboxes.list(user.isAdmin() ? null : user.id());
    }

    Mailbox get(CurrentUser user, UUID id) {
        return mailboxes.find(id).filter(m -> user.isAdmin() || user.id().equals(m.ownerId()))
                .orElseThrow(() -> new NotFoundException("Mailbox"));
    }

    /** Adds a mailbox and asks for its first sync. */
    @Transactional
    UUID create(CurrentUser user, Form form) {
        requireMailUser(user);
        if (form.shared() && !user.isAdmin()) {
            throw new ForbiddenException("Only an administrator adds shared inboxes");
        }
        if (form.password() == null || form.password().isEmpty()) {
            throw new InvalidFieldException("password", "Enter the mailbox password");
        }
        UUID id = mailboxes.insert(form.shared() ? null : user.id(), settings(form), user.id());
        if (form.enabled()) {
            requestSync(id);
        }
        return id;
    }

    @Transactional
    void update(CurrentUser user, UUID id, Form form) {
        get(user, id);
        requireMailUser(user);
        if (!mailboxes.update(id, form.version(), settings(form))) {
            throw new ConflictException("The mailbox changed meanwhile; reload the page");
        }
        if (form.enabled()) {
            requestSync(id);
        }
    }

    @Transactional
    void delete(CurrentUser user, UUID id) {
        get(user, id);
        requireMailUser(user);
        mailboxes.delete(id);
    }

    /** Asks for a sync as soon as a node is free; what was logged stays logged. */
    @Transactional
    void syncNow(CurrentUser user, UUID id) {
        Mailbox mailbox = get(user, id);
        requireMailUser(user);
        if (!mailbox.enabled()) {
            throw new ConflictException("The mailbox is switched off; switch it on to sync it");
        }
        requestSync(id);
    }

    private void requestSync(UUID id) {
        mailboxes.requestSync(id);
        MailboxJobs.syncSoon(scheduler, id);
    }

    private MailboxRepository.Settings settings(Form form) {
        String password = Fields.password("password", form.password());
        return new MailboxRepository.Settings(Fields.line("name", form.name(), 200, true, "Name the mailbox"),
                Fields.host("host", form.host(), true), Fields.port("port", form.port()), form.ssl(),
                Fields.line("username", form.username(), 320, true, "Enter the username (often the email address)"),
                password == null ? null : secrets.encrypt(password, PURPOSE),
                Fields.line("folder", form.folder() == null || form.folder().isBlank() ? "INBOX" : form.folder(), 200,
                        true, null),
                form.enabled());
    }

    private static void requireMailUser(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role cannot sync mailboxes into Rapport");
        }
    }
}
