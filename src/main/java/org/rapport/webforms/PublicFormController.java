package org.rapport.webforms;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /forms/{formKey}}: a web form's public submission, form-encoded (a browser) or JSON (a script), at most
 * 64 KB. A browser ({@code Accept: text/html}) gets the thank-you page, the form's success redirect or an error page;
 * anything else gets JSON (problem+json on errors).
 */
@Controller
class PublicFormController {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PublicFormController.class);

    private final WebFormSubmissions submissions;
    private final JsonMapper json;

    PublicFormController(WebFormSubmissions submissions, JsonMapper json) {
        this.submissions = submissions;
        this.json = json;
    }

    @PostMapping("/forms/{formKey}")
    @CrossOrigin(origins = "*", methods = RequestMethod.POST)
    ModelAndView submit(@PathVariable String formKey, HttpServletRequest request) throws IOException {
        WebForm form = submissions.activeForm(formKey);
        submissions.submit(form, values(request), request.getRemoteAddr());
        if (!wantsHtml(request)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "received");
            body.put("message", form.message());
            body.put("redirectUrl", form.successUrl());
            return jsonView(HttpStatus.OK, MediaType.APPLICATION_JSON, body);
        }
        if (form.successUrl() != null) {
            RedirectView redirect = new RedirectView(form.successUrl());
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        }
        return page(HttpStatus.OK, form.name(), form.message(), null);
    }

    @ExceptionHandler(FormRejected.class)
    ModelAndView rejected(FormRejected e, HttpServletRequest request, HttpServletResponse response) {
        if (e.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        ModelAndView answer;
        if (wantsHtml(request)) {
            answer = page(e.status(), "Not sent", e.getMessage(), backLink(request));
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", e.status().getReasonPhrase());
            problem.put("status", e.status().value());
            problem.put("detail", e.getMessage());
            if (e.field() != null) {
                problem.put("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
            }
            answer = jsonView(e.status(), MediaType.APPLICATION_PROBLEM_JSON, problem);
        }
        return answer;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Web form submission failed", e);
        return rejected(new FormRejected(HttpStatus.SERVICE_UNAVAILABLE, null,
                "Your message could not be saved right now; please try again later"), request, response);
    }

    /** The submitted values by name; several values of one name are joined with commas. */
    private Map<String, String> values(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Map<String, String> values = new LinkedHashMap<>();
        if (type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            JsonNode object = parse(body);
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (e.getValue().isContainer()) {
                    throw new FormRejected(HttpStatus.BAD_REQUEST, e.getKey(), "Send text, a number or true/false");
                }
                if (!e.getValue().isNull()) {
                    values.put(e.getKey(), e.getValue().asString());
                }
            }
            return values;
        }
        if (!type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            throw new FormRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null,
                    "Send the form as application/x-www-form-urlencoded or application/json");
        }
        long total = 0;
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            String value = String.join(", ", e.getValue());
            total += e.getKey().length() + value.length();
            values.put(e.getKey(), value);
        }
        if (total > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return values;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new FormRejected(HttpStatus.BAD_REQUEST, null, "Send a JSON object of field names and values");
            }
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw new FormRejected(HttpStatus.BAD_REQUEST, null, "The request body is not valid JSON");
        }
    }

    private static FormRejected tooLarge() {
        return new FormRejected(HttpStatus.CONTENT_TOO_LARGE, null,
                "The submission is larger than " + MAX_BODY_BYTES / 1024 + " KB");
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
    }

    private static String backLink(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        return referer != null && referer.length() <= 2000 && referer.matches("(?i)https?://[^\\s<>\"]+")
                ? referer : null;
    }

    private static ModelAndView page(HttpStatus status, String title, String message, String back) {
        ModelAndView page = new ModelAndView("webforms/public");
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("ok", status.is2xxSuccessful());
        page.addObject("back", back);
        page.setStatus(status);
        return page;
    }

    private ModelAndView jsonView(HttpStatus status, MediaType type, Map<String, Object> body) {
        View view = (model, request, response) -> {
            response.setContentType(type.toString());
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), body);
        };
        ModelAndView answer = new ModelAndView(view);
        answer.setStatus(status);
        return answer;
    }
}
