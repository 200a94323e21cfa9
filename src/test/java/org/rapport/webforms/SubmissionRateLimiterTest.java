package org.rapport.webforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web form rate limit is one budget for all the nodes of a cluster, not one per node. */
@IntegrationTest
class SubmissionRateLimiterTest {

    @Autowired JdbcClient jdbc;

    @Test
    void twoNodesShareOneBucketPerFormAndClient() {
        SubmissionRateLimiter nodeA = new SubmissionRateLimiter(jdbc, 10);
        SubmissionRateLimiter nodeB = new SubmissionRateLimiter(jdbc, 10);
        String form = "form-" + UUID.randomUUID();

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(nodeA.acquire("203.0.113.7", form));
            waits.add(nodeB.acquire("203.0.113.7", form));
        }

        assertThat(waits.subList(0, 10)).containsOnly(0L);
        assertThat(waits.subList(10, 12)).allSatisfy(wait -> assertThat(wait).isBetween(1L, 60L));
        assertThat(nodeB.acquire("198.51.100.1", form)).as("another client").isZero();
        assertThat(nodeA.acquire("203.0.113.7", "form-" + UUID.randomUUID())).as("another form").isZero();
    }

    @Test
    void aBucketRefillsOverAMinuteAndIsDeletedOnceFull() {
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(jdbc, 10);
        String form = "form-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("203.0.113.8", form)).isZero();
        }
        assertThat(limiter.acquire("203.0.113.8", form)).isPositive();

        jdbc.sql("""
                update web_form_submission_buckets set refilled_at = refilled_at - interval '30 seconds'
                where bucket_key = :key
                """).param("key", form + " 203.0.113.8").update();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("203.0.113.8", form)).as("refilled half way: 5 more").isZero();
        }
        assertThat(limiter.acquire("203.0.113.8", form)).isPositive();

        jdbc.sql("""
                update web_form_submission_buckets set refilled_at = refilled_at - interval '61 seconds'
                where bucket_key = :key
                """).param("key", form + " 203.0.113.8").update();
        assertThat(limiter.deleteFullBuckets()).isPositive();
        assertThat(jdbc.sql("select count(*) from web_form_submission_buckets where bucket_key = :key")
                .param("key", form + " 203.0.113.8").query(Integer.class).single()).isZero();
    }
}
