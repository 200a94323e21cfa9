package org.rapport.webforms;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML an admin pastes into a site: a plain form posting to Rapport, one labelled input per field, and the
 * robot trap ({@value WebFormService#HONEYPOT}), moved off screen so that people neither see nor fill it.
 */
final class WebFormSnippet {

    private WebFormSnippet() {
    }

    static String html(WebForm form, String baseUrl) {
        StringBuilder html = new StringBuilder();
        html.append("<form method=\"post\" action=\"").append(escape(baseUrl.replaceAll("/+$", "")))
                .append("/forms/").append(form.formKey()).append("\" accept-charset=\"UTF-8\">\n");
        for (WebForm.Field field : form.fields()) {
            String id = "rapport-" + field.name();
            String required = field.required() ? " required" : "";
            String label = escape(field.label());
            html.append("  <p>\n");
            switch (field.target().inputType()) {
                case "checkbox" -> html.append("    <label><input type=\"checkbox\" name=\"").append(field.name())
                        .append("\" value=\"yes\"").append(required).append("> ").append(label).append("</label>\n");
                case "textarea" -> html.append("    <label for=\"").append(id).append("\">").append(label)
                        .append("</label><br>\n    <textarea id=\"").append(id).append("\" name=\"")
                        .append(field.name()).append("\" rows=\"5\" maxlength=\"2000\"").append(required)
                        .append("></textarea>\n");
                default -> html.append("    <label for=\"").append(id).append("\">").append(label)
                        .append("</label><br>\n    <input type=\"").append(field.target().inputType())
                        .append("\" id=\"").append(id).append("\" name=\"").append(field.name())
                        .append("\" maxlength=\"").append(field.target() == FieldTarget.EMAIL ? 254 : 2000)
                        .append('"').append(required).append(">\n");
            }
            html.append("  </p>\n");
        }
        html.append("  <div style=\"position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden\"")
                .append(" aria-hidden=\"true\">\n")
                .append("    <label>Leave this empty <input type=\"text\" name=\"").append(WebFormService.HONEYPOT)
                .append("\" tabindex=\"-1\" autocomplete=\"off\"></label>\n")
                .append("  </div>\n")
                .append("  <p><button type=\"submit\">Send</button></p>\n")
                .append("</form>\n");
        return html.toString();
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
