package org.rapport.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;

/** The keyset position after a task in the list order (due time, no due time last, then id), opaque to clients. */
record TaskCursor(Instant dueAt, UUID id) {

    private static final String NO_DUE = "-";

    String encode() {
        String key = (dueAt == null ? NO_DUE : dueAt.toString()) + "_" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a null or blank cursor; a 400 naming {@code cursor} for one this API did not write. */
    static TaskCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int split = key.lastIndexOf('_');
            String due = key.substring(0, split);
            return new TaskCursor(due.equals(NO_DUE) ? null : Instant.parse(due), UUID.fromString(key.substring(split + 1)));
        } catch (RuntimeException e) {
            throw new InvalidFieldException("cursor", "Not a cursor returned by this API");
        }
    }
}
