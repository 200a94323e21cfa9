package org.rapport.tasks;

import java.time.Instant;

/**
 * One entry of a user's calendar feed, contributed by a {@link CalendarSource} (a meeting, say).
 *
 * @param uid   stable and unique across Rapport (e.g. {@code meeting-<id>@rapport}), so calendar apps update it
 * @param end   null for an entry without a duration
 * @param url   a path inside Rapport (e.g. {@code /contacts/<id>}) or an absolute URL, or null
 */
public record CalendarEntry(String uid, String summary, String description, Instant start, Instant end, String url) {
}
