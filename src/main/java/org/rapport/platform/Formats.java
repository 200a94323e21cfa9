package org.rapport.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Date formatting for templates, as {@code ${@fmt.dateTime(x)}}; times are shown in UTC for now. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** A stored value as text; lists are joined with commas. */
    public String value(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof java.util.Collection<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
