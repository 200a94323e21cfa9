package org.rapport.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.Summary;

/** The personal iCalendar feed: parsed by ical4j it holds the user's open tasks at their due time, and nobody else's. */
@IntegrationTest
class CalendarFeedTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired TaskService tasks;
    @Autowired CalendarFeedService feeds;
    @Autowired CalendarFeedRepository feedRepository;
    @Autowired TaskRepository taskRepository;
    @Autowired Clock clock;

    @Test
    void theFeedHoldsTheUsersOpenTasksAtTheirDueTime() throws Exception {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        CurrentUser other = testUsers.create(Role.SALES_REP, null);
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        TaskView task = tasks.create(rep, new TaskFields("Send the quote", "With the new prices", due, null, null,
                null, null, null, null, null, false));
        TaskView done = tasks.create(rep, new TaskFields("Done already", null, due, null, null, null, null, null,
                null, null, false));
        tasks.complete(rep, done.id());
        tasks.create(other, new TaskFields("Someone else's", null, due, null, null, null, null, null, null, null, false));
        String token = feeds.regenerate(rep);

        var response = mvc.get().uri("/calendar/" + token + ".ics").exchange();
        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getContentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ApiClient.text(response)));

        List<VToDo> todos = calendar.getComponents(Component.VTODO);
        assertThat(todos).hasSize(1);
        VToDo todo = todos.getFirst();
        assertThat(todo.<Summary>getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Send the quote");
        assertThat(Instant.from(todo.getDue().orElseThrow().getDate())).isEqualTo(due);
        assertThat(todo.getProperty("URL").orElseThrow().getValue()).endsWith("/tasks/" + task.id());
    }

    @Test
    void anUnknownOrReplacedTokenIsNotFound() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String first = feeds.regenerate(rep);
        assertThat(mvc.get().uri("/calendar/" + first + ".ics").exchange()).hasStatusOk();

        String second = feeds.regenerate(rep);
        assertThat(mvc.get().uri("/calendar/" + first + ".ics").exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/calendar/" + second + ".ics").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/calendar/cal_not-a-token.ics").exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/calendar/whatever.ics").exchange()).hasStatus(HttpStatus.NOT_FOUND);

        feeds.turnOff(rep);
        assertThat(mvc.get().uri("/calendar/" + second + ".ics").exchange()).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void calendarSourcesAddTheirEntriesAsEvents() throws Exception {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        CalendarSource meetings = (userId, from, to) -> userId.equals(rep.id())
                ? List.of(new CalendarEntry("meeting-1@rapport", "Demo with Acme", "Bring the slides", start,
                        start.plus(1, ChronoUnit.HOURS), "/contacts/1"))
                : List.of();
        CalendarFeedService withMeetings = new CalendarFeedService(feedRepository, taskRepository, List.of(meetings), clock);
        String token = withMeetings.regenerate(rep);

        Calendar calendar = new CalendarBuilder().build(new StringReader(
                withMeetings.feed(token, "https://crm.example").orElseThrow()));

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getSummary().getValue()).isEqualTo("Demo with Acme");
            assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start);
            assertThat(event.getProperty("URL").orElseThrow().getValue()).isEqualTo("https://crm.example/contacts/1");
        });
    }

    @Test
    void myTasksPageCreatesAFeedUrlShownOnce() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        var created = mvc.post().uri("/tasks/calendar-feed").with(TestUsers.signedIn(rep)).with(csrf()).exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String url = (String) created.getMvcResult().getFlashMap().get("feedUrl");
        assertThat(url).matches("http://localhost/calendar/cal_[A-Za-z0-9_-]{43}\\.ics");
        assertThat(mvc.get().uri(url.substring("http://localhost".length())).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/tasks").with(TestUsers.signedIn(rep))).bodyText()
                .contains("Your feed is on").doesNotContain(url);
    }
}
