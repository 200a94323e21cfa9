package org.rapport.email;

import java.util.regex.Pattern;

import org.rapport.shared.EmailAddress;
import org.rapport.shared.InvalidFieldException;

/** Checks shared by the mail server forms (SMTP sender, IMAP mailboxes). */
final class Fields {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}]");

    private Fields() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String host(String field, String value, boolean required) {
        String host = blankToNull(value);
        if (host == null) {
            if (required) {
                throw new InvalidFieldException(field, "Enter the server's host name, e.g. mail.example.com");
            }
            return null;
        }
        if (!HOST.matcher(host).matches()) {
            throw new InvalidFieldException(field, "Enter a host name such as mail.example.com or an IP address");
        }
        return host;
    }

    static int port(String field, Integer value) {
        if (value == null || value < 1 || value > 65535) {
            throw new InvalidFieldException(field, "Use a port from 1 to 65535");
        }
        return value;
    }

    /** A single line of text (no line breaks, which could forge mail headers) of at most {@code max} characters. */
    static String line(String field, String value, int max, boolean required, String missing) {
        String clean = blankToNull(value);
        if (clean == null) {
            if (required) {
                throw new InvalidFieldException(field, missing);
            }
            return null;
        }
        if (clean.length() > max) {
            throw new InvalidFieldException(field, "Keep it under " + max + " characters");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException(field, "Use a single line without control characters");
        }
        return clean;
    }

    static String email(String field, String value, boolean required) {
        String clean = blankToNull(value);
        if (clean == null) {
            if (required) {
                throw new InvalidFieldException(field, "Enter an email address");
            }
            return null;
        }
        try {
            return EmailAddress.parse(clean).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    static String password(String field, String value) {
        if (value != null && value.length() > 500) {
            throw new InvalidFieldException(field, "Keep the password under 500 characters");
        }
        return value == null || value.isEmpty() ? null : value;
    }
}
