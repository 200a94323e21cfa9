package org.rapport.interactions;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The @mentions in a body: {@code @} followed by the part of a colleague's email address before the {@code @}
 * (e.g. {@code @elena.marsh}), or by the whole address.
 */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([a-z0-9][a-z0-9._%+-]*(?:@[a-z0-9.-]+)?)",
            Pattern.CASE_INSENSITIVE);

    private Mentions() {
    }

    static Set<String> handles(String body) {
        Set<String> handles = new LinkedHashSet<>();
        if (body == null) {
            return handles;
        }
        Matcher m = MENTION.matcher(body);
        while (m.find() && handles.size() < 20) {
            String handle = m.group(1).toLowerCase(Locale.ROOT);
            handles.add(handle.endsWith(".") ? handle.substring(0, handle.length() - 1) : handle);
        }
        return handles;
    }
}
