package org.rapport.email;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills merge fields such as {@code {{contact.firstName}}} in one pass: values go in literally (a value that looks
 * like a merge field is not filled again), unknown fields stay visible as typed so the writer notices them, and known
 * fields without a value become empty and are reported.
 */
final class MergeFields {

    static final List<String> KNOWN = List.of("contact.firstName", "contact.lastName", "account.name", "user.name");
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]{0,99})\\s*}}");

    /** The filled text, the fields nobody knows, and the known fields that had no value. */
    record Result(String text, Set<String> unknown, Set<String> empty) {
    }

    private MergeFields() {
    }

    static Result fill(String text, Map<String, String> values) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> empty = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (!KNOWN.contains(name)) {
                unknown.add(name);
                replacement = m.group();
            } else {
                String value = values.get(name);
                if (value == null || value.isBlank()) {
                    empty.add(name);
                    replacement = "";
                } else {
                    replacement = value;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Result(out.toString(), unknown, empty);
    }

    /** A subject line: filled, with any line break a value brought in turned into a space. */
    static Result fillLine(String text, Map<String, String> values) {
        Result r = fill(text, values);
        return new Result(r.text().replaceAll("[\\r\\n\\t]+", " ").strip(), r.unknown(), r.empty());
    }
}
