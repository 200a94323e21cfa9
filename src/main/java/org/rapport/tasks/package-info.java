/**
 * Tasks: follow-ups with a due time, a priority, an assignee and an optional related record; "My tasks", reminders as
 * notifications (and optional mail), and a personal iCalendar feed. Other modules use
 * {@link org.rapport.tasks.TaskService} and add calendar entries through {@link org.rapport.tasks.CalendarSource}.
 */
package org.rapport.tasks;
