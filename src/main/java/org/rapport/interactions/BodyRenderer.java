package org.rapport.interactions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Turns an interaction body (markdown, plain text or an email's HTML) into HTML that is safe to show. */
@Component
public class BodyRenderer {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final PolicyFactory policy = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS).and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br").toFactory())
            .and(new HtmlPolicyBuilder().allowElements("a").requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .toFactory());

    /** Safe HTML for the body, or an empty string. */
    public String toHtml(String body, BodyFormat format) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String unsafe = switch (format) {
            case MARKDOWN -> html.render(markdown.parse(body));
            case TEXT -> linkify(HtmlUtils.htmlEscape(body)).replace("\n", "<br>");
            case HTML -> body;
        };
        return policy.sanitize(unsafe);
    }

    private static String linkify(String escaped) {
        Matcher m = URL.matcher(escaped);
        return m.replaceAll(r -> "<a href=\"" + r.group() + "\">" + r.group() + "</a>");
    }
}
