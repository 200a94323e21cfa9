package org.rapport.webforms;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Limits submissions per client address and form (default 10 a minute) with one token bucket each, kept in memory
 * for the most recent 10,000 pairs; each node of a cluster counts on its own.
 */
@Component
class SubmissionRateLimiter {

    private static final int MAX_BUCKETS = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_BUCKETS;
        }
    });

    SubmissionRateLimiter(@Value("${rapport.web-forms.submissions-per-minute:10}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one submission from the bucket; returns 0 when allowed, else the seconds until the next is. */
    long acquire(String clientAddress, String formKey) {
        Bucket bucket = buckets.computeIfAbsent(clientAddress + " " + formKey, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }
}
