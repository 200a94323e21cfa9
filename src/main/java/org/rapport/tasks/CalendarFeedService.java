package org.rapport.tasks;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Due;
import net.fortuna.ical4j.model.property.Priority;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Personal iCalendar feeds: a secret token per user (256 random bits, only its SHA-256 stored, replaced on regenerate)
 * and the feed it opens: the user's open tasks with a due time as VTODOs, and the entries of every
 * {@link CalendarSource} as VEVENTs.
 */
@Service
class CalendarFeedService {

    private static final Logger log = LoggerFactory.getLogger(CalendarFeedService.class);
    static final String PREFIX = "cal_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TASKS = 1_000;
    private static final Duration PAST = Duration.ofDays(90);
    private static final Duration FUTURE = Duration.ofDays(366);

    private final CalendarFeedRepository feeds;
    private final TaskRepository tasks;
    private final List<CalendarSource> sources;
    private final Clock clock;

    CalendarFeedService(CalendarFeedRepository feeds, TaskRepository tasks, List<CalendarSource> sources, Clock clock) {
        this.feeds = feeds;
        this.tasks = tasks;
        this.sources = sources;
        this.clock = clock;
    }

    /** Issues a new feed token for the user, invalidating their previous one; the token is not available again. */
    @Transactional
    String regenerate(CurrentUser user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feeds.replace(user.id(), hash(token));
        return token;
    }

    @Transactional
    void turnOff(CurrentUser user) {
        feeds.delete(user.id());
    }

    boolean hasFeed(CurrentUser user) {
        return feeds.exists(user.id());
    }

    /** The feed of the token's user as iCalendar text, or empty for an unknown or replaced token. */
    Optional<String> feed(String token, String baseUrl) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return feeds.activeUserOf(hash(token)).map(userId -> render(userId, baseUrl));
    }

    private String render(UUID userId, String baseUrl) {
        Instant now = clock.instant();
        Calendar calendar = new Calendar().withProdId("-//Rapport//Rapport CRM//EN").withDefaults().getFluentTarget();
        for (TaskView task : tasks.openDueOf(userId, MAX_TASKS)) {
            calendar.add(todo(task, now, baseUrl));
        }
        for (CalendarSource source : sources) {
            try {
                for (CalendarEntry entry : source.entries(userId, now.minus(PAST), now.plus(FUTURE))) {
                    calendar.add(event(entry, now, baseUrl));
                }
            } catch (RuntimeException e) {
                log.warn("Calendar source {} failed; the feed leaves its entries out", source.getClass().getName(), e);
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Could not write the calendar feed", e);
        }
        return out.toString();
    }

    private static CalendarComponent todo(TaskView task, Instant now, String baseUrl) {
        VToDo todo = new VToDo();
        todo.add(new Uid("task-" + task.id() + "@rapport"));
        todo.add(new DtStamp(now));
        todo.add(new Summary(task.title()));
        todo.add(new Due<>(task.dueAt()));
        todo.add(new Priority(switch (task.priority()) {
            case URGENT -> 1;
            case HIGH -> 3;
            case NORMAL -> 5;
            case LOW -> 9;
        }));
        todo.add(new Status(task.status() == TaskStatus.IN_PROGRESS ? "IN-PROCESS" : "NEEDS-ACTION"));
        String description = task.description() == null ? "" : task.description();
        if (task.recordName() != null) {
            description = (description + "\n\nAbout: " + task.recordName()).strip();
        }
        if (!description.isEmpty()) {
            todo.add(new Description(description));
        }
        todo.add(new Url(URI.create(baseUrl + "/tasks/" + task.id())));
        return todo;
    }

    private static CalendarComponent event(CalendarEntry entry, Instant now, String baseUrl) {
        VEvent event = new VEvent();
        event.add(new Uid(entry.uid()));
        event.add(new DtStamp(now));
        event.add(new Summary(entry.summary()));
        event.add(new DtStart<>(entry.start()));
        if (entry.end() != null) {
            event.add(new DtEnd<>(entry.end()));
        }
        if (entry.description() != null && !entry.description().isBlank()) {
            event.add(new Description(entry.description()));
        }
        if (entry.url() != null) {
            event.add(new Url(URI.create(entry.url().startsWith("/") ? baseUrl + entry.url() : entry.url())));
        }
        return event;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
