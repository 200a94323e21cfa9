package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** A lead's score follows its timeline: logging, changing or deleting an interaction on it recomputes the score. */
@IntegrationTest
class LeadRescoringTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired ScoringRules scoring;

    @Test
    void aConnectedCallLoggedOnTheLeadLaterRaisesItsScoreAndDeletingItLowersItAgain() throws InterruptedException {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Rescoring"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        UUID rule = scoring.add(admin, "CALL_CONNECTED", null, 25);
        try {
            String lead = api.read(api.post(token, "/api/v1/leads",
                    "{\"lastName\": \"Caller %s\", \"ownerId\": \"%s\"}".formatted(UUID.randomUUID(), rep.id())))
                    .get("id").asString();
            int base = score(token, lead);

            var call = api.post(token, "/api/v1/interactions", """
                    {"type": "CALL", "direction": "OUTBOUND", "durationSeconds": 300, "outcome": "NO_ANSWER",
                     "related": [{"type": "lead", "id": "%s"}]}
                    """.formatted(lead));
            assertThat(call).hasStatus(HttpStatus.CREATED);
            String callId = api.read(call).get("id").asString();
            var answered = api.patch(token, "/api/v1/interactions/" + callId, "\"0\"", "{\"outcome\": \"CONNECTED\"}");
            assertThat(answered).hasStatusOk();
            assertThat(awaitScore(token, lead, base + 25)).isEqualTo(base + 25);

            assertThat(api.delete(token, "/api/v1/interactions/" + callId)).hasStatus2xxSuccessful();
            assertThat(awaitScore(token, lead, base)).isEqualTo(base);

            api.post(token, "/api/v1/interactions", """
                    {"type": "CALL", "direction": "INBOUND", "durationSeconds": 60, "outcome": "CONNECTED",
                     "related": [{"type": "lead", "id": "%s"}]}
                    """.formatted(lead));
            assertThat(awaitScore(token, lead, base + 25)).isEqualTo(base + 25);
        } finally {
            scoring.delete(admin, rule);
        }
    }

    private int score(String token, String lead) {
        return api.read(api.get(token, "/api/v1/leads/" + lead)).get("score").asInt();
    }

    /** The lead's score once it is {@code expected}, or after ten seconds. */
    private int awaitScore(String token, String lead, int expected) throws InterruptedException {
        int score = score(token, lead);
        for (int tries = 0; tries < 100 && score != expected; tries++) {
            Thread.sleep(100);
            score = score(token, lead);
        }
        return score;
    }
}
