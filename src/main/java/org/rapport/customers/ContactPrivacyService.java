package org.rapport.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordSharingService;
import org.rapport.platform.AuditService;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-subject requests on a contact: the consent history, the export of everything held about the contact, and
 * the erasure of its personal data from its rows and its audit entries. Export and erasure are for an admin or
 * the contact's owner.
 */
@Service
class ContactPrivacyService {

    /** The audit-entry fields of a contact that hold personal data (see {@link ContactService#auditFields}). */
    static final Set<String> PERSONAL_AUDIT_FIELDS = Set.of("firstName", "lastName", "title", "emails", "phones",
            "preferences", "address", "tags", "customFields");
    private static final int MIN_QUOTED_LENGTH = 3;

    private final ContactService contacts;
    private final ContactPrivacyRepository privacy;
    private final ContactRepository contactRows;
    private final SearchWords searchWords;
    private final RecordSharingService sharing;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    ContactPrivacyService(ContactService contacts, ContactPrivacyRepository privacy, ContactRepository contactRows,
                          SearchWords searchWords, RecordSharingService sharing, AuditService audit,
                          ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.privacy = privacy;
        this.contactRows = contactRows;
        this.searchWords = searchWords;
        this.sharing = sharing;
        this.audit = audit;
        this.events = events;
    }

    List<ConsentEvent> consentHistory(CurrentUser user, UUID id) {
        contacts.get(user, id);
        return privacy.consentHistory(id);
    }

    PersonalData personalData(CurrentUser user, UUID id) {
        ContactView contact = contacts.get(user, id);
        requireAdminOrOwner(user, contact);
        List<PersonalData.Recipient> recipients = sharing.sharedWith(ContactService.ref(id)).stream()
                .map(u -> new PersonalData.Recipient(u.id(), u.name(), u.email())).toList();
        return new PersonalData(Instant.now(), contact, privacy.accounts(id), privacy.consentHistory(id), recipients,
                audit.historyWithMerged(ContactService.ref(id), 500));
    }

    /** Whether the caller may erase this contact: an admin, or its owner, with a role (and token) that may write. */
    static boolean mayErase(CurrentUser user, ContactView contact) {
        return user.canWrite() && (user.isAdmin() || user.id().equals(contact.ownerId()));
    }

    @Transactional
    void erase(CurrentUser user, UUID id) {
        ContactView contact = contacts.get(user, id);
        if (!mayErase(user, contact)) {
            throw new ForbiddenException("Only an administrator or the contact's owner may erase its personal data");
        }
        String formerSearchKey = privacy.erase(id).orElseThrow(() -> new NotFoundException("Contact"));
        searchWords.forget(formerSearchKey);
        privacy.scrubConsentSources(id, quotable(contact), AuditService.ERASED);
        if (contact.consent().marketingOptIn()) {
            contactRows.recordConsent(id, "MARKETING_OPT_IN", false, "erasure", user.id());
        }
        audit.erased(ContactService.ref(id), PERSONAL_AUDIT_FIELDS);
        events.publishEvent(new ContactErased(id));
    }

    private static void requireAdminOrOwner(CurrentUser user, ContactView contact) {
        if (!user.isAdmin() && !user.id().equals(contact.ownerId())) {
            throw new ForbiddenException("Only an administrator or the contact's owner may export its personal data");
        }
    }

    /** The contact's values that a free-text consent source might quote. */
    private static List<String> quotable(ContactView contact) {
        List<String> values = new ArrayList<>();
        values.add(contact.firstName());
        values.add(contact.lastName());
        contact.emails().forEach(e -> values.add(e.address()));
        contact.phones().forEach(p -> values.add(p.number()));
        return values.stream().filter(v -> v != null && v.strip().length() >= MIN_QUOTED_LENGTH).map(String::strip)
                .toList();
    }
}
