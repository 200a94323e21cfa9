package org.rapport.email;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Mailbox syncs as db-scheduler tasks: every minute one node syncs every enabled mailbox in turn, and "sync now"
 * schedules a one-time sync of one mailbox. A lease on the mailbox row keeps two nodes from syncing it at once.
 */
@Configuration(proxyBeanMethods = false)
class MailboxJobs {

    static final String SYNC_ALL = "email-mailboxes-sync";
    static final String SYNC_ONE = "email-mailbox-sync-now";

    @Bean
    RecurringTask<Void> mailboxesSyncTask(MailboxRepository mailboxes, MailboxSync sync) {
        return Tasks.recurring(SYNC_ALL, FixedDelay.ofMinutes(1))
                .execute((instance, context) -> {
                    for (UUID id : mailboxes.idle()) {
                        if (context.getSchedulerState().isShuttingDown()) {
                            return;
                        }
                        sync.sync(id);
                    }
                });
    }

    @Bean
    OneTimeTask<Void> mailboxSyncNowTask(MailboxSync sync) {
        return Tasks.oneTime(SYNC_ONE)
                .execute((instance, context) -> sync.sync(UUID.fromString(instance.getId())));
    }

    /** Schedules a sync of the mailbox in the current transaction and, once that commits, asks for it to run now. */
    static void syncSoon(Scheduler scheduler, UUID mailboxId) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(SYNC_ONE, mailboxId.toString()), Instant.now());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.triggerCheckForDueExecutions();
            }
        });
    }
}
