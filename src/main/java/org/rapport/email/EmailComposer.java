package org.rapport.email;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.customers.AccountService;
import org.rapport.customers.AccountView;
import org.rapport.customers.ContactService;
import org.rapport.customers.ContactView;
import org.rapport.identity.CurrentUser;
import org.rapport.interactions.BodyFormat;
import org.rapport.interactions.Direction;
import org.rapport.interactions.InteractionService;
import org.rapport.interactions.InteractionSource;
import org.rapport.interactions.InteractionType;
import org.rapport.interactions.InteractionView;
import org.rapport.interactions.NewInteraction;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an email to a contact the user may see, from a template or from scratch, fills its merge fields, sends it
 * through the shared SMTP sender and logs it on the contact's timeline (EMAIL, OUTBOUND, source SMTP, with its
 * Message-ID so that replies thread with it). Contacts who asked not to be emailed, or have no address, are refused.
 */
@Service
class EmailComposer {

    /** What the user wrote; a template fills the subject or body left blank. {@code to} defaults to the primary address. */
    record Draft(String to, UUID templateId, String subject, String body) {
    }

    /** The mail as it will go out, with the merge fields that could not be filled. */
    record Preview(String to, String subject, String body, Set<String> unknownFields, Set<String> emptyFields) {

        public boolean clean() {
            return unknownFields.isEmpty() && emptyFields.isEmpty();
        }
    }

    private final ContactService contacts;
    private final AccountService accounts;
    private final EmailTemplateService templates;
    private final InteractionService interactions;
    private final SmtpSettingsService settings;
    private final SmtpSender sender;

    EmailComposer(ContactService contacts, AccountService accounts, EmailTemplateService templates,
                  InteractionService interactions, SmtpSettingsService settings, SmtpSender sender) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.templates = templates;
        this.interactions = interactions;
        this.settings = settings;
        this.sender = sender;
    }

    /** The contact (404 when the user may not see it). */
    ContactView contact(CurrentUser user, UUID contactId) {
        return contacts.get(user, contactId);
    }

    /** Why this contact cannot be emailed, or null when it can. */
    static String refusal(ContactView contact) {
        if (contact.consent() != null && contact.consent().doNotEmail()) {
            return contact.displayName() + " asked not to be emailed (do not email is set on the contact).";
        }
        if (contact.emails().isEmpty()) {
            return contact.displayName() + " has no email address.";
        }
        return null;
    }

    Preview preview(CurrentUser user, UUID contactId, Draft draft) {
        return preview(user, contact(user, contactId), draft);
    }

    /** Sends the mail and logs it; nothing is logged when the server refuses it. */
    @Transactional
    InteractionView send(CurrentUser user, UUID contactId, Draft draft) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role cannot send email from Rapport");
        }
        ContactView contact = contact(user, contactId);
        Preview mail = preview(user, contact, draft);
        SmtpSettings from = settings.current();
        if (!from.usable()) {
            throw new MailDeliveryException(SmtpSender.NOT_SET_UP, null);
        }
        String messageId = SmtpSender.newMessageId(from);
        InteractionView logged = interactions.log(user, new NewInteraction(InteractionType.EMAIL, Direction.OUTBOUND,
                null, null, mail.subject(), mail.body(), BodyFormat.TEXT, null, null, List.of(contact.id()), null,
                null, from.fromAddress(), mail.to(), null, InteractionSource.SMTP, messageId, messageId, null,
                user.id())).interaction();
        sender.send(new SmtpSender.Outgoing(messageId, List.of(mail.to()), mail.subject(), mail.body(), user.email()));
        return logged;
    }

    private Preview preview(CurrentUser user, ContactView contact, Draft draft) {
        String refused = refusal(contact);
        if (refused != null) {
            throw new ConflictException(refused);
        }
        String to = recipient(contact, draft.to());
        String subject = draft.subject();
        String body = draft.body();
        if (draft.templateId() != null) {
            EmailTemplate template = templates.get(draft.templateId());
            subject = subject == null || subject.isBlank() ? template.subject() : subject;
            body = body == null || body.isBlank() ? template.body() : body;
        }
        Map<String, String> values = values(user, contact);
        MergeFields.Result filledSubject = MergeFields.fillLine(EmailTemplateService.validSubject(subject), values);
        MergeFields.Result filledBody = MergeFields.fill(EmailTemplateService.validBody(body), values);
        if (filledSubject.text().isBlank()) {
            throw new InvalidFieldException("subject", "The subject is empty once its merge fields are filled");
        }
        Set<String> unknown = new LinkedHashSet<>(filledSubject.unknown());
        unknown.addAll(filledBody.unknown());
        Set<String> empty = new LinkedHashSet<>(filledSubject.empty());
        empty.addAll(filledBody.empty());
        return new Preview(to, filledSubject.text(), filledBody.text(), unknown, empty);
    }

    private static String recipient(ContactView contact, String requested) {
        if (requested == null || requested.isBlank()) {
            return contact.primaryEmail();
        }
        return contact.emails().stream().map(ContactView.Email::address)
                .filter(a -> a.equalsIgnoreCase(requested.strip())).findFirst()
                .orElseThrow(() -> new InvalidFieldException("to", "Choose one of the contact's email addresses"));
    }

    private Map<String, String> values(CurrentUser user, ContactView contact) {
        Map<String, String> values = new HashMap<>();
        values.put("contact.firstName", contact.firstName());
        values.put("contact.lastName", contact.lastName());
        values.put("user.name", user.name());
        List<AccountView> visible = contact.accountIds().isEmpty() ? List.of()
                : accounts.visibleAmong(user, contact.accountIds());
        values.put("account.name", visible.isEmpty() ? null : visible.getFirst().name());
        return values;
    }
}
