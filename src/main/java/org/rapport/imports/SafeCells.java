package org.rapport.imports;

import java.util.regex.Pattern;

/**
 * Keeps text written to CSV from running as a formula when the file is opened in a spreadsheet program:
 * a cell starting with {@code = + - @}, tab or carriage return gets a leading apostrophe, unless it is a plain
 * number such as {@code +14155550123}.
 */
final class SafeCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9 .]*");

    private SafeCells() {
    }

    static String csv(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !NUMBER.matcher(value).matches());
        return risky ? "'" + value : value;
    }
}
