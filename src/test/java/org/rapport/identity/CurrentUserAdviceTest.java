package org.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The signed-in user is in the model of every page, for its menu, and never in a redirect. */
@IntegrationTest
class CurrentUserAdviceTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;

    @Test
    void pagesAndTheirFragmentsShowTheSignedInUser() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        MvcTestResult page = mvc.get().uri("/contacts").with(TestUsers.signedIn(rep)).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getMvcResult().getModelAndView().getModel().get("me"))
                .isInstanceOfSatisfying(CurrentUser.class, me -> assertThat(me.id()).isEqualTo(rep.id()));
        assertThat(page).bodyText().contains(rep.email());
        MvcTestResult fragment = mvc.get().uri("/contacts").header("HX-Request", "true")
                .with(TestUsers.signedIn(rep)).exchange();
        assertThat(fragment.getMvcResult().getModelAndView().getModel().get("me"))
                .isInstanceOfSatisfying(CurrentUser.class, me -> assertThat(me.id()).isEqualTo(rep.id()));
    }

    @Test
    void aRedirectDoesNotCarryTheUserAlong() {
        CurrentUser rep = testUsers.create(Role.SALES_REP, null);
        MvcTestResult created = mvc.post().uri("/tokens").with(csrf()).with(TestUsers.signedIn(rep))
                .param("name", "Redirected").param("scopes", "read").param("days", "30").exchange();
        assertThat(created).hasStatus3xxRedirection().redirectedUrl().doesNotContain("me=");
        assertThat(created.getMvcResult().getModelAndView().getModel()).doesNotContainKey("me");
    }
}
