package org.rapport.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rapport.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/**}. The request runs in one transaction with the claim of its
 * key, and a successful (2xx) response is stored with it: a repeat of the request with the same key by the same
 * user gets that response again (status, headers, body) without running, a different request with the key gets
 * 422, and a repeat sent while the first still runs waits for it. Failed requests keep nothing, so they can be
 * retried with the same key. Keys expire after {@code rapport.api.idempotency-key-lifetime} (24 hours).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.ETAG, HttpHeaders.CONTENT_LOCATION);

    private final IdempotencyRepository keys;
    private final TransactionTemplate transaction;
    private final Problems problems;
    private final Duration lifetime;

    IdempotencyFilter(IdempotencyRepository keys, TransactionTemplate transaction, Problems problems,
                      @Value("${rapport.api.idempotency-key-lifetime:24h}") Duration lifetime) {
        this.keys = keys;
        this.transaction = transaction;
        this.problems = problems;
        this.lifetime = lifetime;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        UUID user = currentUser();
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches() || key.isBlank()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        RequestFingerprint fingerprinted;
        try {
            fingerprinted = RequestFingerprint.of(request);
        } catch (PayloadTooLargeException e) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
            return;
        }
        if (fingerprinted == null) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> once(user, key, fingerprinted, chain, buffered, status));
        } catch (ChainFailure e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
        switch (outcome.kind()) {
            case RAN -> buffered.copyBodyToResponse();
            case REPLAY -> replay(outcome.stored(), response);
            case MISMATCH -> problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was already used for a different request; use a new key");
            case ROLLED_BACK -> {
                response.reset();
                problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR,
                        "The request could not be completed; nothing was saved");
            }
        }
    }

    /**
     * In the request's transaction: claims the key, or answers with what the first request with it left; runs the
     * request and keeps a success, or rolls everything back.
     */
    private Outcome once(UUID user, String key, RequestFingerprint request, FilterChain chain,
                         ContentCachingResponseWrapper response, TransactionStatus status) {
        if (!keys.claim(user, key, request.hash(), lifetime)) {
            return keys.find(user, key).filter(stored -> Arrays.equals(stored.requestHash(), request.hash()))
                    .map(Outcome::replay).orElse(Outcome.MISMATCH);
        }
        run(chain, request.request(), response);
        boolean success = response.getStatus() >= 200 && response.getStatus() < 300;
        if (success && !status.isRollbackOnly()) {
            keys.complete(user, key, response.getStatus(), headers(response), response.getContentAsByteArray());
            return Outcome.RAN;
        }
        status.setRollbackOnly();
        return success ? Outcome.ROLLED_BACK : Outcome.RAN;
    }

    private static void replay(IdempotencyRepository.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static Map<String, String> headers(HttpServletResponse response) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new ChainFailure(e);
        }
    }

    /** A checked failure of the rest of the chain, carried out of the transaction. */
    private static final class ChainFailure extends RuntimeException {
        ChainFailure(Exception cause) {
            super(cause);
        }
    }

    private static UUID currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor.userId() : null;
    }

    /** What became of a keyed request. */
    private record Outcome(Kind kind, IdempotencyRepository.Stored stored) {
        static final Outcome RAN = new Outcome(Kind.RAN, null);
        static final Outcome MISMATCH = new Outcome(Kind.MISMATCH, null);
        static final Outcome ROLLED_BACK = new Outcome(Kind.ROLLED_BACK, null);

        static Outcome replay(IdempotencyRepository.Stored stored) {
            return new Outcome(Kind.REPLAY, stored);
        }

        enum Kind { RAN, REPLAY, MISMATCH, ROLLED_BACK }
    }
}
