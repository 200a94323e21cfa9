package org.rapport.sales;

import org.rapport.customers.AccountsMerged;
import org.rapport.customers.ContactsMerged;
import org.rapport.identity.RecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Keeps deals with their records: declares deals to the record directory (so that interactions, tasks and search can
 * point at them, and what is logged on a deal also goes on its account's timeline) and moves a deal's account and contacts to the survivor of a merge, in the merge's transaction.
 */
@Configuration(proxyBeanMethods = false)
class DealRecordTables {

    private final DealRepository deals;

    DealRecordTables(DealRepository deals) {
        this.deals = deals;
    }

    @Bean
    RecordTable dealRecords() {
        return new RecordTable(DealService.TYPE, "deals", "r.name", "/deals/",
                "(select a.id from accounts a where a.id = r.account_id)", null);
    }

    @EventListener
    void on(AccountsMerged merged) {
        deals.repointAccount(merged.survivorId(), merged.mergedIds());
    }

    @EventListener
    void on(ContactsMerged merged) {
        deals.repointContact(merged.survivorId(), merged.mergedIds());
    }
}
