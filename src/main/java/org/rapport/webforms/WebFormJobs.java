package org.rapport.webforms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Deletes the rate-limit buckets of web forms that are full again, every 10 minutes on one node. */
@Configuration(proxyBeanMethods = false)
class WebFormJobs {

    @Bean
    RecurringTask<Void> webFormBucketsCleanupTask(SubmissionRateLimiter limiter) {
        return Tasks.recurring("web-form-buckets-cleanup", FixedDelay.ofMinutes(10))
                .execute((instance, context) -> limiter.deleteFullBuckets());
    }
}
