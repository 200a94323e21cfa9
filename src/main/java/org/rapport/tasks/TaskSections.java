package org.rapport.tasks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Open tasks as "My tasks" groups them; "today" is the current UTC day, as the pages show times in UTC. */
record TaskSections(List<TaskView> overdue, List<TaskView> today, List<TaskView> upcoming, List<TaskView> noDate) {

    static TaskSections of(List<TaskView> open, Instant now) {
        Instant tomorrow = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        List<TaskView> overdue = new ArrayList<>();
        List<TaskView> today = new ArrayList<>();
        List<TaskView> upcoming = new ArrayList<>();
        List<TaskView> noDate = new ArrayList<>();
        for (TaskView task : open) {
            if (task.dueAt() == null) {
                noDate.add(task);
            } else if (task.dueAt().isBefore(now)) {
                overdue.add(task);
            } else if (task.dueAt().isBefore(tomorrow)) {
                today.add(task);
            } else {
                upcoming.add(task);
            }
        }
        return new TaskSections(overdue, today, upcoming, noDate);
    }

    public int size() {
        return overdue.size() + today.size() + upcoming.size() + noDate.size();
    }
}
