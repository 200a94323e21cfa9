package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LeadCaptureTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;

    @Test
    void anUnmatchedCallBecomesALeadCreditedToTheRepWithTheCallOnItsTimeline() throws InterruptedException {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String token = api.token(admin.email(), TestUsers.PASSWORD);
        String number = "+1312555" + String.format("%04d", (int) (Math.random() * 10_000));
        jdbc.sql("delete from leads where phone = :p").param("p", number).update();
        for (int i = 0; i < 2; i++) {
            var call = api.post(token, "/api/v1/telephony/calls", """
                    {"from": "%s", "to": "+17735550100", "direction": "INBOUND", "startedAt": "2026-11-20T15:0%d:00Z",
                     "durationSeconds": 95, "outcome": "CONNECTED", "externalId": "lead-capture-%s"}
                    """.formatted(number, i, UUID.randomUUID()));
            assertThat(call).hasStatus(HttpStatus.CREATED);
        }
        List<UUID> leads = List.of();
        for (int tries = 0; tries < 100; tries++) {
            leads = jdbc.sql("""
                    select l.id from leads l where l.phone = :p and l.source = 'PHONE'
                    and (select count(*) from interaction_links k where k.record_type = 'lead' and k.record_id = l.id) = 2
                    """).param("p", number).query(UUID.class).list();
            if (!leads.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(leads).hasSize(1);
        assertThat(jdbc.sql("select count(*)::int from leads where phone = :p").param("p", number)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void splitsDisplayNames() {
        assertThat(LeadCapture.split("\"Ada King Lovelace\"", "ada")).containsExactly("Ada King", "Lovelace");
        assertThat(LeadCapture.split(null, "ada")).containsExactly(null, "ada");
    }
}
