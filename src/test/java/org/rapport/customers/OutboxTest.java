package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Customer events go through the outbox: stored with the change, delivered to module listeners after the commit,
 * kept until handled and delivered again when unfinished; a change rolled back publishes nothing.
 */
@IntegrationTest
class OutboxTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;
    @Autowired RecordedEvents events;
    @Autowired IncompleteEventPublications incomplete;
    @Autowired EventSerializer serializer;

    String token;

    @BeforeEach
    void signIn() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Outbox"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void aListenerReceivesContactsMergedAfterTheMergeCommits() {
        UUID survivor = contact("Ada");
        UUID merged = contact("Ada B");
        assertThat(api.post(token, "/api/v1/contacts/merge", """
                {"survivorId": "%s", "mergedIds": ["%s"]}
                """.formatted(survivor, merged))).hasStatusOk();

        await().atMost(DELIVERY).until(() -> events.received().contains(new ContactsMerged(survivor, List.of(merged))));
        await().atMost(DELIVERY).until(() -> publicationsAbout(survivor) == 0);
        assertThat(serializer.getClass().getName()).isEqualTo("org.springframework.modulith.events.jackson.JacksonEventSerializer");
    }

    @Test
    void aMergeThatFailsPublishesNothing() {
        UUID survivor = contact("Grace");
        CurrentUser outsider = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String outsiderToken = api.token(outsider.email(), TestUsers.PASSWORD);
        UUID foreign = UUID.fromString(api.read(api.post(outsiderToken, "/api/v1/contacts", "{\"lastName\": \"Foreign\"}"))
                .get("id").asString());

        assertThat(api.post(token, "/api/v1/contacts/merge", """
                {"survivorId": "%s", "mergedIds": ["%s"]}
                """.formatted(survivor, foreign))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(publicationsAbout(survivor)).isZero();
        assertThat(events.received()).noneMatch(e -> e instanceof ContactsMerged m && m.survivorId().equals(survivor));
    }

    @Test
    void anUnfinishedDeliveryStaysStoredAndIsMadeAgainOnResubmission() {
        UUID survivor = contact("Edsger");
        UUID merged = contact("Edsger D");
        events.failNextAbout(survivor);
        assertThat(api.post(token, "/api/v1/contacts/merge", """
                {"survivorId": "%s", "mergedIds": ["%s"]}
                """.formatted(survivor, merged))).hasStatusOk();

        await().atMost(DELIVERY).until(() -> jdbc.sql("""
                select count(*) from event_publication
                where serialized_event like :survivor and completion_date is null and status = 'FAILED'
                """).param("survivor", "%" + survivor + "%").query(Integer.class).single() == 1);
        String stored = jdbc.sql("select serialized_event from event_publication where serialized_event like :survivor")
                .param("survivor", "%" + survivor + "%").query(String.class).single();
        assertThat(stored).contains("\"survivorId\":\"" + survivor + "\"", "\"mergedIds\":[\"" + merged + "\"]");
        assertThat(events.received()).noneMatch(e -> e instanceof ContactsMerged m && m.survivorId().equals(survivor));

        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof ContactsMerged m
                && m.survivorId().equals(survivor));
        await().atMost(DELIVERY).until(() -> events.received().contains(new ContactsMerged(survivor, List.of(merged))));
        await().atMost(DELIVERY).until(() -> publicationsAbout(survivor) == 0);
    }

    private int publicationsAbout(UUID id) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + id + "%").query(Integer.class).single();
    }

    private UUID contact(String name) {
        return UUID.fromString(api.read(api.post(token, "/api/v1/contacts", "{\"lastName\": \"" + name + "\"}"))
                .get("id").asString());
    }
}
