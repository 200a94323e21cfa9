package org.rapport.interactions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /telephony/twilio/status}: Twilio's call status callback, authenticated by its
 * {@code X-Twilio-Signature} (404 while no auth token is configured, 403 on a bad signature). A final status logs the
 * call once per CallSid; intermediate ones (ringing, in progress...) are acknowledged and ignored.
 */
@RestController
class TwilioStatusCallback {

    private final CallLogger calls;
    private final String authToken;
    private final String publicBaseUrl;
    private final String phoneRegion;
    private final Clock clock;

    TwilioStatusCallback(CallLogger calls, @Value("${rapport.telephony.twilio-auth-token:}") String authToken,
                         @Value("${rapport.public-base-url:}") String publicBaseUrl,
                         @Value("${rapport.phone-region:US}") String phoneRegion, Clock clock) {
        this.calls = calls;
        this.clock = clock;
        this.authToken = authToken;
        this.publicBaseUrl = publicBaseUrl;
        this.phoneRegion = phoneRegion;
    }

    @PostMapping(path = "/telephony/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request,
                                @RequestHeader(value = "X-Twilio-Signature", required = false) String signature) {
        if (authToken.isBlank()) {
            throw new NotFoundException("Twilio callbacks are off: no Twilio auth token is configured");
        }
        Map<String, List<String>> params = postParameters(request);
        if (!TwilioSignature.valid(authToken, signedUrl(request), params, signature)) {
            throw new ForbiddenException("The X-Twilio-Signature does not match this request");
        }
        CallOutcome outcome = TwilioCalls.outcome(one(params, "CallStatus"), duration(params));
        if (outcome != null) {
            calls.log(call(params, outcome));
        }
        return ResponseEntity.noContent().build();
    }

    private PhoneCall call(Map<String, List<String>> params, CallOutcome outcome) {
        String sid = one(params, "CallSid");
        if (sid == null || sid.isBlank()) {
            throw new InvalidFieldException("CallSid", "Missing");
        }
        Integer duration = duration(params);
        Instant reported = timestamp(one(params, "Timestamp"));
        Instant started = duration == null ? reported : reported.minusSeconds(duration);
        return new PhoneCall(number(params, "From"), number(params, "To"), TwilioCalls.direction(one(params, "Direction")),
                started, duration, outcome, blankToNull(one(params, "RecordingUrl")), sid.strip());
    }

    /** The URL Twilio called: the configured public base URL, else the URL this request arrived at. */
    private String signedUrl(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        if (publicBaseUrl.isBlank()) {
            return request.getRequestURL() + query;
        }
        return publicBaseUrl.replaceAll("/+$", "") + request.getRequestURI() + query;
    }

    /** The parameters of the form body: the request's parameters minus those of the query string. */
    private static Map<String, List<String>> postParameters(HttpServletRequest request) {
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString())
                .build().getQueryParams();
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> body = new ArrayList<>(Arrays.asList(values));
            List<String> inQuery = query.getOrDefault(name, List.of());
            body.subList(0, Math.min(inQuery.size(), body.size())).clear();
            if (!body.isEmpty()) {
                params.put(name, body);
            }
        });
        return params;
    }

    private String number(Map<String, List<String>> params, String name) {
        String raw = one(params, name);
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(name, "Missing");
        }
        try {
            return PhoneNumber.parse(raw, phoneRegion).e164();
        } catch (IllegalArgumentException e) {
            return raw.strip();
        }
    }

    private static Integer duration(Map<String, List<String>> params) {
        String raw = one(params, "CallDuration");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("CallDuration", "Not a number of seconds");
        }
    }

    private Instant timestamp(String raw) {
        if (raw == null || raw.isBlank()) {
            return clock.instant();
        }
        try {
            return ZonedDateTime.parse(raw.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("Timestamp", "Not an RFC 1123 date");
        }
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
