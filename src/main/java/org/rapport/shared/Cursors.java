package org.rapport.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.rapport.shared.InvalidFieldException;

/** Keyset cursors: the sort key of a page's last row, opaque to clients (base64url of NUL-separated parts). */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** A timestamp part of a cursor, as written by {@code Instant.toString()}. */
    public static java.time.OffsetDateTime time(String part) {
        try {
            return java.time.Instant.parse(part).atOffset(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException("cursor", "Not a cursor returned by this API");
        }
    }

    public static String[] decode(String cursor, int parts) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", -1);
            if (key.length != parts) {
                throw new IllegalArgumentException("wrong shape");
            }
            java.util.UUID.fromString(key[parts - 1]);
            return key;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("cursor", "Not a cursor returned by this API");
        }
    }
}
