package org.rapport.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rapport.platform.AuditService;

/** Everything Rapport holds about one contact, as exported on a data subject's request. */
record PersonalData(Instant exportedAt, ContactView contact, List<LinkedAccount> accounts,
                    List<ConsentEvent> consentHistory, List<Recipient> sharedWith,
                    List<AuditService.Entry> auditHistory) {

    /** An account the contact is linked to, with the contact's role there. */
    record LinkedAccount(UUID id, String name, String role) {
    }

    /** A partner user the contact's record is shared with. */
    record Recipient(UUID userId, String name, String email) {
    }
}
