package org.rapport.tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The reminder job: a db-scheduler recurring task every 30 seconds, run by one node at a time. */
@Configuration(proxyBeanMethods = false)
class TaskJobs {

    static final String REMINDERS = "task-reminders";

    @Bean
    RecurringTask<Void> taskRemindersTask(TaskReminders reminders) {
        return Tasks.recurring(REMINDERS, FixedDelay.ofSeconds(30))
                .execute((instance, context) -> reminders.sendDue());
    }
}
