package org.rapport.platform;

import org.rapport.shared.InvalidFieldException;

/** Reads the version an API client sends back in {@code If-Match} (the ETag it got, {@code "3"} or {@code W/"3"}). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version, or null when the header is missing (the service then answers 428). */
    public static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "Send the ETag as returned by GET");
        }
    }

    /** The ETag header value of a version. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
