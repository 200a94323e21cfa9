package org.rapport.customers;

import org.rapport.identity.RecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares accounts and contacts to the record directory, so that other modules can point at them. */
@Configuration(proxyBeanMethods = false)
class CustomerRecordTables {

    @Bean
    RecordTable contactRecords() {
        return new RecordTable(ContactService.TYPE, "contacts",
                "case when r.erased_at is not null then '(erased contact)'"
                        + " else nullif(concat_ws(' ', r.first_name, r.last_name), '') end", "/contacts/");
    }

    @Bean
    RecordTable accountRecords() {
        return new RecordTable(AccountService.TYPE, "accounts", "r.name", "/accounts/");
    }
}
