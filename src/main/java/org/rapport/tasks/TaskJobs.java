package org.rapport.tasks;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The reminder job: a db-scheduler recurring task, run by one node at a time, every
 * {@code rapport.tasks.reminder-interval} (30 seconds) after the previous run ended.
 */
@Configuration(proxyBeanMethods = false)
class TaskJobs {

    static final String REMINDERS = "task-reminders";

    @Bean
    RecurringTask<Void> taskRemindersTask(TaskReminders reminders,
                                          @Value("${rapport.tasks.reminder-interval:30s}") Duration interval) {
        return Tasks.recurring(REMINDERS, FixedDelay.of(interval))
                .execute((instance, context) -> reminders.sendDue());
    }
}
