package org.rapport.platform;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Deletes expired idempotency keys every hour (a key past its lifetime is also claimed afresh when it comes back). */
@Configuration(proxyBeanMethods = false)
class IdempotencyJobs {

    @Bean
    RecurringTask<Void> idempotencyKeysCleanupTask(IdempotencyRepository keys) {
        return Tasks.recurring("idempotency-keys-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> keys.deleteExpired(Instant.now()));
    }
}
