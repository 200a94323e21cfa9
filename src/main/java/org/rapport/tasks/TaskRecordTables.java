package org.rapport.tasks;

import org.rapport.identity.RecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares tasks to the record directory, so that notifications, search or audit pages can name and link them. */
@Configuration(proxyBeanMethods = false)
class TaskRecordTables {

    @Bean
    RecordTable taskRecords() {
        return new RecordTable(TaskService.TYPE, "tasks", "r.title", "/tasks/");
    }
}
