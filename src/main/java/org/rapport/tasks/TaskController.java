package org.rapport.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.platform.AuditService;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PreconditionFailedException;
import org.rapport.shared.RecordRef;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * Task pages: My tasks (overdue, today, upcoming, no date, recently done; managers can see all visible tasks), the
 * task page with its form and history, the new-task form (prefilled for follow-ups), one-click complete and reopen,
 * a record's task panel with quick add, and the calendar feed's URL.
 */
@Controller
@RequestMapping("/tasks")
class TaskController {

    private static final int OPEN_LIMIT = TaskService.MAX_PAGE;
    private static final Duration RECENTLY_DONE = Duration.ofDays(7);

    private final TaskService tasks;
    private final UserService users;
    private final AuditService audit;
    private final CalendarFeedService feeds;
    private final Clock clock;

    TaskController(TaskService tasks, UserService users, AuditService audit, CalendarFeedService feeds, Clock clock) {
        this.tasks = tasks;
        this.users = users;
        this.audit = audit;
        this.feeds = feeds;
        this.clock = clock;
    }

    @GetMapping
    String myTasks(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "mine") String scope,
                   Model model) {
        boolean all = "all".equals(scope) && mayViewAll(user);
        Instant now = clock.instant();
        var open = tasks.list(user, TaskFilter.openAssignedTo(all ? null : user.id()), null, OPEN_LIMIT);
        model.addAttribute("sections", TaskSections.of(open.items(), now));
        model.addAttribute("more", open.nextCursor() != null);
        model.addAttribute("done", tasks.completedSince(user, !all, now.minus(RECENTLY_DONE), 20));
        model.addAttribute("all", all);
        model.addAttribute("mayViewAll", mayViewAll(user));
        model.addAttribute("hasFeed", feeds.hasFeed(user));
        model.addAttribute("now", now);
        return "tasks/tasks";
    }

    @GetMapping("/new")
    String newTask(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String recordType, @RequestParam(required = false) UUID recordId,
                   @RequestParam(required = false) UUID interactionId, @RequestParam(required = false) String returnTo,
                   Model model) {
        return form(user, model, TaskForm.prefilled(title, recordType, recordId, interactionId, user.id(), returnTo),
                null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TaskForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            TaskView created = tasks.create(user, form.fields());
            redirect.addFlashAttribute("toast", "Task " + created.title() + " created.");
            return form.redirectOr("/tasks");
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return form(user, model, form, null);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        TaskView task = tasks.get(user, id);
        return form(user, model, TaskForm.of(task), task);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute TaskForm form,
                  Model model, RedirectAttributes redirect) {
        TaskView task = tasks.get(user, id);
        try {
            tasks.update(user, id, form.version(), form.fields());
            redirect.addFlashAttribute("toast", "Task saved.");
            return "redirect:/tasks/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (PreconditionFailedException e) {
            model.addAttribute("errors", Map.of("version",
                    "Someone else saved this task meanwhile. Reload it to see their changes."));
        }
        return form(user, model, form, task);
    }

    @PostMapping("/{id}/complete")
    String complete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                  @RequestParam(required = false) String returnTo, HtmxRequest htmx, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return statusChanged(tasks.complete(user, id), "Task done.", returnTo, htmx, model, response, redirect);
    }

    @PostMapping("/{id}/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                  @RequestParam(required = false) String returnTo, HtmxRequest htmx, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return statusChanged(tasks.reopen(user, id), "Task reopened.", returnTo, htmx, model, response, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        TaskView task = tasks.get(user, id);
        tasks.delete(user, id);
        redirect.addFlashAttribute("toast", "Task " + task.title() + " deleted.");
        return "redirect:/tasks";
    }

    /** A record's open tasks with a quick-add form, for the record's page to load with htmx. */
    @GetMapping("/panel")
    String panel(@AuthenticationPrincipal CurrentUser user, @RequestParam String recordType,
                 @RequestParam UUID recordId, Model model) {
        return panel(user, new RecordRef(recordType, recordId), null, null, model);
    }

    @PostMapping("/panel")
    String quickAdd(@AuthenticationPrincipal CurrentUser user, @RequestParam String recordType,
                    @RequestParam UUID recordId, @ModelAttribute TaskForm form, Model model,
                    HttpServletResponse response) {
        RecordRef record = new RecordRef(recordType, recordId);
        TaskForm quick = new TaskForm(form.title(), null, form.dueAt(), null, null, null, recordType, recordId, null,
                null, false, null, null);
        try {
            tasks.create(user, quick.fields());
            response.setHeader("HX-Trigger", "{\"toast\": \"Task added.\"}");
            return panel(user, record, null, null, model);
        } catch (InvalidFieldException e) {
            return panel(user, record, quick, Map.of(e.field(), e.getMessage()), model);
        }
    }

    @PostMapping("/calendar-feed")
    String regenerateFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String token = feeds.regenerate(user);
        redirect.addFlashAttribute("feedUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/{token}.ics")
                        .buildAndExpand(token).toUriString());
        redirect.addFlashAttribute("toast", "New calendar feed URL created; the old one no longer works.");
        return "redirect:/tasks";
    }

    @PostMapping("/calendar-feed/delete")
    String turnOffFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        feeds.turnOff(user);
        redirect.addFlashAttribute("toast", "Calendar feed turned off.");
        return "redirect:/tasks";
    }

    private String statusChanged(TaskView task, String message, String returnTo, HtmxRequest htmx, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        if (htmx.isHtmxRequest()) {
            response.setHeader("HX-Trigger", "{\"toast\": \"" + message + "\"}");
            model.addAttribute("task", task);
            model.addAttribute("now", clock.instant());
            return "tasks/fragments :: row";
        }
        redirect.addFlashAttribute("toast", message);
        String target = TaskForm.safeReturnTo(returnTo);
        return "redirect:" + (target == null ? "/tasks" : target);
    }

    private String panel(CurrentUser user, RecordRef record, TaskForm form, Map<String, String> errors, Model model) {
        var label = tasks.describe(user, record).orElseThrow(() -> new NotFoundException("Record"));
        model.addAttribute("record", label);
        model.addAttribute("tasks", tasks.openTasksOf(user, record));
        model.addAttribute("quick", form);
        model.addAttribute("errors", errors);
        model.addAttribute("now", clock.instant());
        return "tasks/fragments :: panel";
    }

    private String form(CurrentUser user, Model model, TaskForm form, TaskView task) {
        model.addAttribute("form", form);
        model.addAttribute("task", task);
        model.addAttribute("pageTitle", task == null ? "New task" : task.title());
        model.addAttribute("record", form.recordType() == null || form.recordId() == null ? null
                : tasks.describe(user, new RecordRef(form.recordType(), form.recordId())).orElse(null));
        model.addAttribute("assignees", assignees(form.assigneeId()));
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("now", clock.instant());
        if (task != null) {
            model.addAttribute("history", audit.history(TaskService.ref(task.id()), 50));
            model.addAttribute("names", users.list().stream()
                    .collect(java.util.stream.Collectors.toMap(u -> u.id().toString(), UserView::name)));
        }
        return "tasks/task";
    }

    /** Active internal users, and the current assignee even when no longer active. */
    private List<UserView> assignees(UUID current) {
        List<UserView> possible = users.possibleOwners();
        if (current == null || possible.stream().anyMatch(u -> u.id().equals(current))) {
            return possible;
        }
        return java.util.stream.Stream.concat(users.find(current).stream(), possible.stream()).toList();
    }

    private static boolean mayViewAll(CurrentUser user) {
        return user.role() == Role.MANAGER || user.role() == Role.ADMIN;
    }
}
