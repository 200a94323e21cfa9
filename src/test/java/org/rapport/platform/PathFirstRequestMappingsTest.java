package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;

/** Handlers are looked up path first, htmx's request conditions kept, and misses answered as Spring answers them. */
@IntegrationTest
class PathFirstRequestMappingsTest {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;

    @Test
    void theMappingIsPathFirstAndStillHtmxs() {
        assertThat(mapping).isInstanceOf(PathFirstRequestMappings.Mapping.class)
                .isInstanceOf(HtmxRequestMappingHandlerMapping.class);
    }

    @Test
    void aKnownPathWithAnotherMethodIsStill405AndAnUnknownPath404() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String token = api.token(admin.email(), TestUsers.PASSWORD);
        String contact = "/api/v1/contacts/00000000-0000-0000-0000-000000000001";
        assertThat(api.get(token, contact)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.put().uri(contact).header("Authorization", "Bearer " + token))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(api.get(token, "/api/v1/no-such-things/1")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/contacts/new").with(TestUsers.signedIn(admin))).hasStatusOk();
    }
}
