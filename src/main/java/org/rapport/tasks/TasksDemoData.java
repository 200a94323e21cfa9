package org.rapport.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.rapport.identity.RecordTable;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * About 300 open tasks (overdue, due today, upcoming, undated) on the demo contacts and accounts, each assigned to
 * the record's owner, plus some done ones; the same on every machine for the same records (seeded random). Runs after
 * the customer demo data, whose records it needs.
 */
@Component
class TasksDemoData implements DemoDataContributor {

    static final int OPEN_TASKS = 300;
    static final int DONE_TASKS = 60;
    private static final List<String> RECORD_TYPES = List.of("contact", "account");
    private static final List<String> CONTACT_TITLES = List.of("Call back about the proposal", "Send the price list",
            "Follow up on the demo", "Confirm the meeting", "Ask for a referral", "Check in after onboarding",
            "Send the contract draft", "Introduce the support team");
    private static final List<String> ACCOUNT_TITLES = List.of("Prepare the quarterly review", "Renewal discussion",
            "Update the account plan", "Collect the open invoices", "Plan the site visit", "Review the credit limit");

    /** A demo record a task can be about: its reference and owner. */
    private record Target(String type, UUID id, UUID ownerId) {
    }

    private final List<RecordTable> recordTables;
    private final UserService users;
    private final TaskRepository tasks;
    private final JdbcClient jdbc;
    private final Clock clock;

    TasksDemoData(List<RecordTable> recordTables, UserService users, TaskRepository tasks, JdbcClient jdbc,
                  Clock clock) {
        this.recordTables = recordTables;
        this.users = users;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 130;
    }

    @Override
    public void load() {
        List<Target> targets = targets();
        if (targets.isEmpty()) {
            return;
        }
        var owners = users.list().stream().filter(u -> u.active() && u.role() != Role.PARTNER)
                .collect(java.util.stream.Collectors.toMap(UserView::id, u -> u));
        Random random = new Random(30);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < OPEN_TASKS + DONE_TASKS; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            UserView owner = owners.get(target.ownerId());
            if (owner == null) {
                continue;
            }
            List<String> titles = target.type().equals("contact") ? CONTACT_TITLES : ACCOUNT_TITLES;
            boolean done = i >= OPEN_TASKS;
            Instant due = due(random, now);
            TaskPriority priority = TaskPriority.values()[random.nextInt(10) < 6 ? 1 : random.nextInt(4)];
            TaskFields fields = new TaskFields(titles.get(random.nextInt(titles.size())), null, due, priority,
                    done ? TaskStatus.DONE : random.nextInt(8) == 0 ? TaskStatus.IN_PROGRESS : TaskStatus.OPEN,
                    owner.id(), target.type(), target.id(), null,
                    due != null && due.isAfter(now) && random.nextInt(4) == 0 ? due.minus(Duration.ofHours(1)) : null,
                    false);
            tasks.insert(fields, owner.departmentId(), null, done ? now.minus(Duration.ofHours(random.nextInt(120))) : null);
        }
    }

    /** Overdue (a quarter), today (a fifth), in the next five weeks, or without a due time (a tenth). */
    private static Instant due(Random random, Instant now) {
        int kind = random.nextInt(20);
        Instant startOfDay = now.truncatedTo(ChronoUnit.DAYS);
        if (kind < 2) {
            return null;
        }
        if (kind < 7) {
            return startOfDay.minus(Duration.ofDays(1 + random.nextInt(20))).plus(Duration.ofHours(9 + random.nextInt(8)));
        }
        if (kind < 11) {
            return startOfDay.plus(Duration.ofMinutes(8 * 60 + random.nextInt(10 * 60)));
        }
        return startOfDay.plus(Duration.ofDays(1 + random.nextInt(35))).plus(Duration.ofHours(9 + random.nextInt(8)));
    }

    /** The demo contacts and accounts, found through their record tables, in a stable order. */
    private List<Target> targets() {
        return recordTables.stream().filter(t -> RECORD_TYPES.contains(t.type()))
                .sorted(java.util.Comparator.comparing(RecordTable::type))
                .flatMap(t -> jdbc.sql("select r.id, r.owner_id from " + t.table() + " r order by " + t.labelSql()
                                + ", r.id limit 2000")
                        .query((rs, n) -> new Target(t.type(), rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                        .list().stream())
                .toList();
    }
}
