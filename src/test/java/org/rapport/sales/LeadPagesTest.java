package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class LeadPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;
    @Autowired ScoringRules scoring;

    @Test
    void createsShowsScoresEditsAndConvertsALeadInTheBrowser() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Lead pages"));
        String company = "Pages Co " + UUID.randomUUID();
        UUID rule = scoring.add(admin, "COMPANY_PRESENT", null, 15);
        try {
            var created = mvc.post().uri("/leads").with(TestUsers.signedIn(rep)).with(csrf())
                    .param("lastName", "Browser").param("company", company).param("source", "REFERRAL")
                    .param("status", "NEW").param("ownerId", rep.id().toString()).exchange();
            assertThat(created).hasStatus3xxRedirection();
            String location = created.getResponse().getRedirectedUrl();
            assertThat(mvc.get().uri(location).with(TestUsers.signedIn(rep))).hasStatusOk().bodyText()
                    .contains("Browser", company, "Company given", "recordType=lead");
            assertThat(mvc.get().uri("/leads").param("q", company).with(TestUsers.signedIn(rep))).hasStatusOk()
                    .bodyText().contains(company);
            assertThat(mvc.get().uri(location + "/edit").with(TestUsers.signedIn(rep))).hasStatusOk();
            assertThat(mvc.post().uri("/leads").with(TestUsers.signedIn(rep)).with(csrf()).param("lastName", " ")
                    .param("email", "x").exchange()).hasStatusOk().bodyText().contains("is-invalid");

            var converted = mvc.post().uri(location + "/convert").with(TestUsers.signedIn(rep)).with(csrf()).exchange();
            assertThat(converted).hasStatus3xxRedirection();
            assertThat(converted.getResponse().getRedirectedUrl()).startsWith("/contacts/");
            assertThat(mvc.get().uri(location).with(TestUsers.signedIn(rep))).hasStatusOk().bodyText()
                    .contains("Converted on");
        } finally {
            scoring.delete(admin, rule);
        }
    }

    @Test
    void adminPagesListAndAddRules() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        assertThat(mvc.get().uri("/admin/lead-assignment").with(TestUsers.signedIn(admin))).hasStatusOk();
        assertThat(mvc.get().uri("/admin/lead-scoring").with(TestUsers.signedIn(admin))).hasStatusOk();
        assertThat(mvc.post().uri("/admin/lead-assignment").with(TestUsers.signedIn(admin)).with(csrf())
                .param("kind", "COUNTRY").param("matchValue", "not a country").exchange()).hasStatusOk()
                .bodyText().contains("two-letter");
        assertThat(mvc.post().uri("/admin/lead-scoring").with(TestUsers.signedIn(admin)).with(csrf())
                .param("target", "SOURCE").param("value", "NOPE").param("points", "5").exchange()).hasStatusOk()
                .bodyText().contains("Unknown source");
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        assertThat(mvc.get().uri("/admin/lead-assignment").with(TestUsers.signedIn(rep))).hasStatus(403);
    }
}
