package org.rapport.platform;

import org.rapport.shared.InvalidFieldException;

/** Reads the record version an API client sends back in {@code If-Match} (the ETag of its last GET: {@code "3"}). */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version, or null when the header is missing (the service then answers 428).
     *
     * @param what names the record in the error message, e.g. "the task"
     */
    public static Integer version(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "Send the ETag of " + what + " as returned by GET");
        }
    }

    /** The ETag header value of a version. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
