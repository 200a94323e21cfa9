package org.rapport.webforms;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits submissions per client address and form (default 10 a minute) with one token bucket each, kept in
 * PostgreSQL so that all the nodes of a cluster share it. A token is taken by one statement; call it outside a
 * transaction, so that it counts even when the submission then fails.
 */
@Component
class SubmissionRateLimiter {

    /** A bucket last refilled this long ago is full again; its row can go. */
    static final Duration FULL_AGAIN = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final int perMinute;

    SubmissionRateLimiter(JdbcClient jdbc, @Value("${rapport.web-forms.submissions-per-minute:10}") int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("rapport.web-forms.submissions-per-minute must be at least 1");
        }
        this.jdbc = jdbc;
        this.perMinute = perMinute;
    }

    /** Takes one submission from the bucket; returns 0 when allowed, else the seconds until the next is. */
    long acquire(String clientAddress, String formKey) {
        String key = formKey + " " + clientAddress;
        double perSecond = perMinute / 60.0;
        boolean taken = jdbc.sql("""
                insert into web_form_submission_buckets as b (bucket_key, tokens, refilled_at)
                values (:key, :capacity - 1, now())
                on conflict (bucket_key) do update
                   set tokens = least(:capacity, b.tokens + extract(epoch from now() - b.refilled_at) * :perSecond) - 1,
                       refilled_at = now()
                 where least(:capacity, b.tokens + extract(epoch from now() - b.refilled_at) * :perSecond) >= 1
                """)
                .param("key", key).param("capacity", perMinute).param("perSecond", perSecond)
                .update() == 1;
        if (taken) {
            return 0;
        }
        double seconds = jdbc.sql("""
                select (1 - least(:capacity, tokens + extract(epoch from now() - refilled_at) * :perSecond))
                       / :perSecond
                from web_form_submission_buckets where bucket_key = :key
                """)
                .param("key", key).param("capacity", perMinute).param("perSecond", perSecond)
                .query(Double.class).optional().orElse(0.0);
        return Math.max(1, (long) Math.ceil(seconds));
    }

    /** Deletes the buckets that are full again; returns how many. */
    int deleteFullBuckets() {
        return jdbc.sql("delete from web_form_submission_buckets where refilled_at < now() - cast(:age as interval)")
                .param("age", FULL_AGAIN.toSeconds() + " seconds").update();
    }
}
