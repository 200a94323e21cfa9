package org.rapport.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    /** @throws IllegalArgumentException when it is not a plausible address */
    public static EmailAddress parse(String raw) {
        String clean = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (clean.length() > 254 || !SHAPE.matcher(clean).matches()) {
            throw new IllegalArgumentException("'" + (raw == null ? "" : raw.strip()) + "' is not a valid email address");
        }
        return new EmailAddress(clean);
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }
}
