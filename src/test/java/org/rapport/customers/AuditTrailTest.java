package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.platform.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class AuditTrailTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired AuditService audit;

    @Test
    void everyChangeRecordsWhoWhenAndEachFieldOldToNew() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String id = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Audited Ltd\",\"industry\":\"Retail\"}"))
                .get("id").asString();
        api.patch(token, "/api/v1/accounts/" + id, "\"0\"", "{\"industry\":\"Wholesale\"}");
        api.delete(token, "/api/v1/accounts/" + id);

        List<AuditService.Entry> history = audit.history(AccountService.ref(java.util.UUID.fromString(id)), 10);
        assertThat(history).extracting(AuditService.Entry::action)
                .containsExactly(AuditService.Action.DELETE, AuditService.Action.UPDATE, AuditService.Action.CREATE);
        assertThat(history).allSatisfy(e -> assertThat(e.actorId()).isEqualTo(rep.id()));
        AuditService.Entry update = history.get(1);
        assertThat(update.changes()).containsOnlyKeys("industry");
        assertThat(update.changes().get("industry")).isEqualTo(new AuditService.Change("Retail", "Wholesale"));
        assertThat(history.get(2).changes().get("name")).isEqualTo(new AuditService.Change(null, "Audited Ltd"));
    }

    @Test
    void adminBrowsesTheTrailByUserAndRecordAndOthersCannot() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        String id = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Browsed Inc\"}")).get("id").asString();
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        assertThat(mvc.get().uri("/admin/audit?userId=" + rep.id() + "&recordType=account&recordId=" + id)
                .with(TestUsers.signedIn(admin)))
                .hasStatusOk().bodyText().contains("Browsed Inc").contains(id);
        assertThat(mvc.get().uri("/admin/audit?from=2000-01-01&to=2000-01-02").with(TestUsers.signedIn(admin)))
                .hasStatusOk().bodyText().contains("Nothing matches");
        assertThat(mvc.get().uri("/admin/audit").with(TestUsers.signedIn(rep))).hasStatus(403);
    }
}
