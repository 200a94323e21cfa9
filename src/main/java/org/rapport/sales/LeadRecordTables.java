package org.rapport.sales;

import org.rapport.identity.RecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares leads to the record directory, so that interactions, tasks and notifications can point at them, under
 * the leads' own visibility rule (the queue included).
 */
@Configuration(proxyBeanMethods = false)
class LeadRecordTables {

    @Bean
    RecordTable leadRecords(LeadVisibility visibility) {
        return new RecordTable(LeadService.TYPE, "leads",
                "concat_ws(' ', r.first_name, r.last_name) || coalesce(' (' || r.company || ')', '')", "/leads/",
                null, visibility::filter);
    }
}
