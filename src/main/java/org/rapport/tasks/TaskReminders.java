package org.rapport.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.rapport.notifications.NotificationService;
import org.rapport.notifications.OutboundMail;
import org.rapport.platform.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders that are due: a notification to the assignee (once, even when a run is retried: its dedup key
 * names the task and reminder time) and, when asked for and an SMTP sender is set up, a mail after the commit.
 * Several nodes may run this at once: each takes the rows it locked, skipping those another node holds.
 */
@Component
class TaskReminders {

    private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);
    static final String KIND = "TASK_REMINDER";
    private static final int BATCH = 500;

    private final TaskRepository tasks;
    private final NotificationService notifications;
    private final ObjectProvider<OutboundMail> mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Formats formats;

    TaskReminders(TaskRepository tasks, NotificationService notifications, ObjectProvider<OutboundMail> mail,
                  TransactionTemplate tx, Clock clock, Formats formats) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.mail = mail;
        this.tx = tx;
        this.clock = clock;
        this.formats = formats;
    }

    /** Sends the reminders due now; returns how many. */
    int sendDue() {
        return sendDue(clock.instant());
    }

    /** Sends the reminders due at {@code now}, batch after batch; returns how many. */
    int sendDue(Instant now) {
        int sent = 0;
        int batch;
        do {
            batch = sendBatch(now);
            sent += batch;
        } while (batch == BATCH);
        return sent;
    }

    private int sendBatch(Instant now) {
        List<TaskRepository.DueReminder> mails = new ArrayList<>();
        Integer count = tx.execute(status -> {
            List<TaskRepository.DueReminder> due = tasks.lockDueReminders(now, BATCH);
            for (TaskRepository.DueReminder reminder : due) {
                boolean added = notifications.notify(reminder.assigneeId(), KIND, "Reminder: " + reminder.title(),
                        reminder.dueAt() == null ? null : "Due " + formats.dateTime(reminder.dueAt()),
                        "/tasks/" + reminder.taskId(),
                        "task-reminder:" + reminder.taskId() + ":" + reminder.remindAt());
                if (added && reminder.byEmail()) {
                    mails.add(reminder);
                }
            }
            if (!due.isEmpty()) {
                tasks.markReminded(due.stream().map(TaskRepository.DueReminder::taskId).toList(), now);
            }
            return due.size();
        });
        mails.forEach(this::mail);
        return count == null ? 0 : count;
    }

    private void mail(TaskRepository.DueReminder reminder) {
        OutboundMail outbound = mail.getIfAvailable();
        if (outbound == null || !outbound.available()) {
            return;
        }
        try {
            outbound.send(reminder.assigneeEmail(), "Reminder: " + reminder.title(),
                    "Reminder: " + reminder.title()
                            + (reminder.dueAt() == null ? "" : "\nDue " + formats.dateTime(reminder.dueAt()))
                            + "\n\nOpen the task in Rapport: /tasks/" + reminder.taskId() + "\n");
        } catch (RuntimeException e) {
            log.warn("Could not mail the reminder of task {} to its assignee: {}", reminder.taskId(), e.getMessage());
        }
    }
}
