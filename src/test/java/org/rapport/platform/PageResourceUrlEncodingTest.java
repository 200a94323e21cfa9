package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Resource URL encoding is registered once, for pages only; pages still link scripts that load. */
@IntegrationTest
class PageResourceUrlEncodingTest {

    @Autowired List<FilterRegistrationBean<?>> registrations;
    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;

    @Test
    void onlyThePagesOnlyFilterEncodesAndPagesKeepTheirVersionedScripts() throws UnsupportedEncodingException {
        assertThat(registrations).filteredOn(r -> r.getFilter() instanceof ResourceUrlEncodingFilter)
                .singleElement().extracting(FilterRegistrationBean::getFilter)
                .isInstanceOf(PageResourceUrlEncoding.PagesOnly.class);

        MvcTestResult page = mvc.get().uri("/contacts")
                .with(TestUsers.signedIn(testUsers.create(Role.ADMIN, null))).exchange();
        assertThat(page).hasStatusOk();
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"")
                .matcher(page.getResponse().getContentAsString());
        assertThat(htmx.find()).as("the page links htmx under its version").isTrue();
        assertThat(mvc.get().uri(htmx.group(1))).hasStatusOk();
    }
}
