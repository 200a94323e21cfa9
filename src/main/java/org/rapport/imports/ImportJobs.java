package org.rapport.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The import and undo jobs as db-scheduler one-time tasks, one execution per import, persisted in
 * {@code scheduled_tasks}: any node may run it, and an execution whose node died is revived on another (or the
 * same, restarted) node once its heartbeat is stale. Failures are retried with back-off; after the last retry the
 * import is marked failed. A recurring task deletes drafts nobody started.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobs {

    static final String IMPORT = "contact-import";
    static final String UNDO = "contact-import-undo";
    static final String CLEANUP = "import-drafts-cleanup";
    /** Drafts (uploaded, never started) are deleted with their file after this long. */
    static final Duration DRAFT_LIFETIME = Duration.ofDays(7);
    private static final int RETRIES = 5;

    @Bean
    OneTimeTask<Void> contactImportTask(ImportRunner runner) {
        return Tasks.oneTime(IMPORT)
                .onFailure(retryThenFail(runner))
                .execute((instance, context) -> runner.runImport(UUID.fromString(instance.getId()),
                        () -> context.getSchedulerState().isShuttingDown()));
    }

    @Bean
    OneTimeTask<Void> contactImportUndoTask(ImportRunner runner) {
        return Tasks.oneTime(UNDO)
                .onFailure(retryThenFail(runner))
                .execute((instance, context) -> runner.runUndo(UUID.fromString(instance.getId()),
                        () -> context.getSchedulerState().isShuttingDown()));
    }

    @Bean
    RecurringTask<Void> importDraftsCleanupTask(ImportRepository imports) {
        return Tasks.recurring(CLEANUP, FixedDelay.ofHours(6))
                .execute((instance, context) -> imports.deleteDraftsBefore(Instant.now().minus(DRAFT_LIFETIME)));
    }

    /** Schedules a job for the import in the current transaction and, once that commits, asks for it to run now. */
    static void schedule(Scheduler scheduler, String task, UUID importId) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(task, importId.toString()), Instant.now());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.triggerCheckForDueExecutions();
            }
        });
    }

    private static FailureHandler<Void> retryThenFail(ImportRunner runner) {
        return FailureHandler.<Void>maxRetries(RETRIES)
                .withBackoff(Duration.ofSeconds(10), 2)
                .then((complete, operations) -> {
                    runner.fail(UUID.fromString(complete.getExecution().taskInstance.getId()),
                            "Stopped after " + RETRIES + " attempts: " + complete.getCause()
                                    .map(Throwable::getMessage).orElse("unknown error"));
                    operations.remove();
                });
    }
}
