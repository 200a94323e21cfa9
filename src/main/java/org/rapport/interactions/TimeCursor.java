package org.rapport.interactions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.rapport.shared.CursorPage;
import org.rapport.shared.Cursors;
import org.rapport.shared.InvalidFieldException;

/** The keyset position after a row of a newest-first list ordered by time and id; null parts mean the first page. */
record TimeCursor(Instant time, UUID id) {

    static final TimeCursor FIRST = new TimeCursor(null, null);

    /** The position a client's cursor names, after checking the page size it asks for (1 to 200). */
    static TimeCursor decode(String cursor, int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to 200");
        }
        if (cursor == null || cursor.isBlank()) {
            return FIRST;
        }
        String[] key = Cursors.decode(cursor, 2);
        return new TimeCursor(Cursors.time(key[0]).toInstant(), UUID.fromString(key[1]));
    }

    /** The page of {@code limit} rows out of up to {@code limit + 1} read, with the cursor of the next when any. */
    static <T> CursorPage<T> page(List<T> rows, int limit, Function<T, Instant> time, Function<T, UUID> id) {
        if (rows.size() <= limit) {
            return new CursorPage<>(List.copyOf(rows), null);
        }
        List<T> page = rows.subList(0, limit);
        T last = page.getLast();
        return new CursorPage<>(List.copyOf(page),
                Cursors.encode(time.apply(last).toString(), id.apply(last).toString()));
    }
}
