package org.rapport.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bean that adds entries to every user's personal iCalendar feed (beside their tasks), e.g. their meetings. */
public interface CalendarSource {

    /** The user's entries that start in {@code [from, to)}. */
    List<CalendarEntry> entries(UUID userId, Instant from, Instant to);
}
