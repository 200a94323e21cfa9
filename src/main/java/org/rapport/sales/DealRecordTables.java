package org.rapport.sales;

import org.rapport.identity.RecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares deals to the record directory, so that interactions, tasks and search can point at them. */
@Configuration(proxyBeanMethods = false)
class DealRecordTables {

    @Bean
    RecordTable dealRecords() {
        return new RecordTable(DealService.TYPE, "deals", "r.name", "/deals/");
    }
}
