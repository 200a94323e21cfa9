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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
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

    @Test
    void pathsOfOneShapeReachTheirHandlerWithTheirOwnIds() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String token = api.token(admin.email(), TestUsers.PASSWORD);
        String ada = id(api.post(token, "/api/v1/contacts", "{\"firstName\": \"Ada\", \"lastName\": \"Shapely\"}"));
        String alan = id(api.post(token, "/api/v1/contacts", "{\"firstName\": \"Alan\", \"lastName\": \"Shapely\"}"));

        assertThat(api.read(api.get(token, "/api/v1/contacts/" + ada)).get("firstName").asString()).isEqualTo("Ada");
        assertThat(api.read(api.get(token, "/api/v1/contacts/" + alan)).get("firstName").asString()).isEqualTo("Alan");
        assertThat(mvc.get().uri("/contacts/" + alan).with(TestUsers.signedIn(admin))).hasStatusOk()
                .bodyText().contains("Alan Shapely");
        assertThat(mvc.get().uri("/contacts/new").with(TestUsers.signedIn(admin))).hasStatusOk()
                .bodyText().doesNotContain("Shapely");
        assertThat(mvc.get().uri("/contacts/" + ada.toUpperCase()).with(TestUsers.signedIn(admin))).hasStatusOk()
                .bodyText().contains("Ada Shapely");
    }

    @Test
    void moreMadeUpPathsThanShapesRememberedStillLeaveEveryPathRouted() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String token = api.token(admin.email(), TestUsers.PASSWORD);
        for (int i = 0; i <= PathFirstRequestMappings.Mapping.MAX_SHAPES; i++) {
            assertThat(api.get(token, "/api/v1/contacts/made-up-" + i + "/x")).hasStatus(HttpStatus.NOT_FOUND);
        }
        String ada = id(api.post(token, "/api/v1/contacts", "{\"firstName\": \"Ada\", \"lastName\": \"Overflow\"}"));
        assertThat(api.read(api.get(token, "/api/v1/contacts/" + ada)).get("lastName").asString()).isEqualTo("Overflow");
        assertThat(mvc.put().uri("/api/v1/contacts/" + ada).header("Authorization", "Bearer " + token))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void aPathsShapeMakesItsLowerCaseUuidsOne() {
        String some = "00000000-0000-4000-8000-000000000000";
        assertThat(PathFirstRequestMappings.Mapping.shape("/api/v1/contacts/01a23586-ec6e-725a-941e-6a215463fa8f"))
                .isEqualTo("/api/v1/contacts/" + some);
        assertThat(PathFirstRequestMappings.Mapping.shape(
                "/deals/0f6a1c2e-1111-4aaa-8bbb-0123456789ab/stage/0f6a1c2e-2222-4aaa-8bbb-0123456789ab"))
                .isEqualTo("/deals/" + some + "/stage/" + some);
        assertThat(PathFirstRequestMappings.Mapping.shape("/contacts/01A23586-EC6E-725A-941E-6A215463FA8F"))
                .as("not lower case: tested against every pattern as it is")
                .isEqualTo("/contacts/01A23586-EC6E-725A-941E-6A215463FA8F");
        assertThat(PathFirstRequestMappings.Mapping.shape("/contacts/new")).isEqualTo("/contacts/new");
        assertThat(PathFirstRequestMappings.Mapping.shape("/")).isEqualTo("/");
    }

    private String id(MvcTestResult created) {
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return api.read(created).get("id").asString();
    }
}
