package org.rapport.interactions;


import org.rapport.customers.AccountsMerged;
import org.rapport.customers.ContactErased;
import org.rapport.customers.ContactsMerged;
import org.rapport.identity.RecordTable;
import org.rapport.platform.AuditService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Keeps interactions with their records: declares them to the record directory, moves them to the survivor of a
 * merge and erases their personal content with the contact's, in the same transaction as the merge or erasure.
 */
@Configuration(proxyBeanMethods = false)
class InteractionRecords {

    private final InteractionRepository interactions;

    InteractionRecords(InteractionRepository interactions) {
        this.interactions = interactions;
    }

    @Bean
    RecordTable interactionTable() {
        return new RecordTable(InteractionService.TYPE, "interactions",
                "coalesce(r.subject, initcap(replace(r.type, '_', ' ')))", "/interactions/");
    }

    @EventListener
    void on(ContactsMerged merged) {
        interactions.repoint("contact", merged.survivorId(), merged.mergedIds());
    }

    @EventListener
    void on(AccountsMerged merged) {
        interactions.repoint("account", merged.survivorId(), merged.mergedIds());
    }

    @EventListener
    void on(ContactErased erased) {
        interactions.erasePersonalContent(erased.contactId(), AuditService.ERASED);
    }

}
