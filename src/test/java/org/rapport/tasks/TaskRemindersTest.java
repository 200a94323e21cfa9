package org.rapport.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.notifications.Notification;
import org.rapport.notifications.NotificationService;
import org.rapport.notifications.OutboundMail;
import org.rapport.platform.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/** Reminders fire at their time, by the clock the run is given, once, and show in the bell. */
@IntegrationTest
class TaskRemindersTest {

    @Autowired TestUsers testUsers;
    @Autowired TaskService tasks;
    @Autowired TaskReminders reminders;
    @Autowired TaskRepository repository;
    @Autowired NotificationService notifications;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired Formats formats;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;
    @Autowired List<RecurringTask<?>> recurringTasks;

    /** A reminder time far enough ahead that the real reminder job, on the real clock, leaves it alone. */
    private final Instant remindAt = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void aReminderFiresAtItsTimeOnceAndShowsInTheBell() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        TaskView task = tasks.create(rep, new TaskFields("Call Ada back", null, remindAt.plus(Duration.ofHours(1)),
                null, null, null, null, null, null, remindAt, false));
        assertThat(mvc.get().uri("/notifications/bell").with(TestUsers.signedIn(rep)))
                .bodyText().doesNotContain("bell-count");

        reminders.sendDue(remindAt.minus(Duration.ofMinutes(1)));
        assertThat(reminderNotices(rep)).isEmpty();

        reminders.sendDue(remindAt);
        assertThat(reminderNotices(rep)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Reminder: Call Ada back");
            assertThat(n.link()).isEqualTo("/tasks/" + task.id());
        });
        assertThat(tasks.get(rep, task.id()).remindedAt()).isEqualTo(remindAt);
        assertThat(mvc.get().uri("/notifications/bell").with(TestUsers.signedIn(rep)))
                .bodyText().contains("id=\"bell-count\"").contains(">1<");

        reminders.sendDue(remindAt.plus(Duration.ofMinutes(5)));
        // A retry after a crash between notifying and marking the task as reminded notifies no second time.
        jdbc.sql("update tasks set reminded_at = null where id = :id").param("id", task.id()).update();
        reminders.sendDue(remindAt.plus(Duration.ofMinutes(5)));
        assertThat(reminderNotices(rep)).hasSize(1);
    }

    @Test
    void aNewReminderTimeFiresAgainAndDoneTasksDoNotRemind() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        TaskView task = tasks.create(rep, new TaskFields("Renewal", null, null, null, null, null, null, null, null,
                remindAt, false));
        TaskView done = tasks.create(rep, new TaskFields("Already done", null, null, null, null, null, null, null,
                null, remindAt, false));
        tasks.complete(rep, done.id());
        reminders.sendDue(remindAt);
        assertThat(reminderNotices(rep)).extracting(Notification::title).containsExactly("Reminder: Renewal");

        TaskView current = tasks.get(rep, task.id());
        tasks.update(rep, task.id(), current.version(), new TaskFields("Renewal", null, null, null, null, null, null,
                null, null, remindAt.plus(Duration.ofDays(1)), false));
        assertThat(tasks.get(rep, task.id()).remindedAt()).isNull();
        reminders.sendDue(remindAt.plus(Duration.ofDays(1)));
        assertThat(reminderNotices(rep)).hasSize(2);
    }

    @Test
    void mailsTheAssigneeWhenAskedAndASenderIsSetUp() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        List<String> sent = new CopyOnWriteArrayList<>();
        OutboundMail mail = new OutboundMail() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void send(String toAddress, String subject, String textBody) {
                sent.add(toAddress + " | " + subject);
            }
        };
        var provider = new StaticListableBeanFactory(Map.of("mail", mail)).getBeanProvider(OutboundMail.class);
        TaskReminders withMail = new TaskReminders(repository, notifications, provider, tx, clock, formats);
        tasks.create(rep, new TaskFields("By mail", null, null, null, null, null, null, null, null, remindAt, true));
        tasks.create(rep, new TaskFields("Bell only", null, null, null, null, null, null, null, null, remindAt, false));

        withMail.sendDue(remindAt);
        withMail.sendDue(remindAt);

        assertThat(sent).containsExactly(rep.email() + " | Reminder: By mail");
        assertThat(reminderNotices(rep)).hasSize(2);
    }

    @Test
    void theReminderJobIsScheduledEveryThirtySeconds() {
        assertThat(recurringTasks).anySatisfy(task -> assertThat(task.getName()).isEqualTo(TaskJobs.REMINDERS));
    }

    private List<Notification> reminderNotices(CurrentUser user) {
        return notifications.recent(user, false, 50).stream().filter(n -> n.kind().equals(TaskReminders.KIND)).toList();
    }
}
