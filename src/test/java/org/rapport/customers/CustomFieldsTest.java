package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** Admin-defined fields are validated on every write, returned by the API, filterable and shown on forms. */
@IntegrationTest
class CustomFieldsTest {

    @Autowired MockMvcTester mvc;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired CustomFieldService customFields;

    private final List<UUID> defined = new ArrayList<>();

    @AfterEach
    void retireTheFields() {
        CurrentUser admin = new CurrentUser(UUID.randomUUID(), "a@test", "A", Role.ADMIN, null, EnumSet.allOf(Scope.class));
        defined.forEach(id -> customFields.setActive(admin, id, false));
    }

    @Test
    void validatesNormalizesReturnsAndFiltersCustomFieldValues() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String tier = "tier" + suffix;
        String score = "score" + suffix;
        String since = "since" + suffix;
        defined.add(customFields.define(admin, "contact", tier, "Tier", CustomFieldType.SELECT, false, List.of("Gold", "Silver")));
        defined.add(customFields.define(admin, "contact", score, "Score", CustomFieldType.NUMBER, true, List.of()));
        defined.add(customFields.define(admin, "contact", since, "Customer since", CustomFieldType.DATE, false, List.of()));

        CurrentUser rep = testUsers.create(Role.SALES_REP, testUsers.department("Fields"));
        String token = api.token(rep.email(), TestUsers.PASSWORD);
        assertField(api.post(token, "/api/v1/contacts", "{\"lastName\":\"NoScore\"}"), "customFields." + score);
        assertField(api.post(token, "/api/v1/contacts", "{\"lastName\":\"BadScore\",\"customFields\":{\"" + score
                + "\":\"lots\"}}"), "customFields." + score);
        assertField(api.post(token, "/api/v1/contacts", "{\"lastName\":\"BadTier\",\"customFields\":{\"" + score
                + "\":1,\"" + tier + "\":\"Bronze\"}}"), "customFields." + tier);
        assertField(api.post(token, "/api/v1/contacts", "{\"lastName\":\"BadDate\",\"customFields\":{\"" + score
                + "\":1,\"" + since + "\":\"yesterday\"}}"), "customFields." + since);
        assertField(api.post(token, "/api/v1/contacts", "{\"lastName\":\"Unknown\",\"customFields\":{\"" + score
                + "\":1,\"shoe\":42}}"), "customFields.shoe");

        MvcTestResult created = api.post(token, "/api/v1/contacts", "{\"lastName\":\"Fielded\",\"customFields\":{\""
                + score + "\":12.50,\"" + tier + "\":\"gold\",\"" + since + "\":\"2024-02-29\"}}");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode values = api.read(created).get("customFields");
        assertThat(values.get(tier).asString()).isEqualTo("Gold");
        assertThat(values.get(score).asDouble()).isEqualTo(12.5);
        assertThat(values.get(since).asString()).isEqualTo("2024-02-29");
        String id = api.read(created).get("id").asString();

        JsonNode found = api.read(api.get(token, "/api/v1/contacts?cf." + tier + "=Gold")).get("items");
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.read(api.get(token, "/api/v1/contacts?cf." + tier + "=Silver")).get("items").size()).isZero();
        assertField(api.get(token, "/api/v1/contacts?cf.nothing=1"), "cf.nothing");
        assertThat(mvc.get().uri("/contacts?cf." + tier + "=Gold").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().contains("Fielded").contains("name=\"cf." + tier + "\"");
        assertThat(mvc.get().uri("/contacts?cf." + tier + "=Silver").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().doesNotContain(">Fielded<");
        assertThat(mvc.get().uri("/contacts?cf." + since + "=2024-02-29").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().contains(">Fielded<").contains("type=\"date\"").contains("value=\"2024-02-29\"");
        assertThat(mvc.get().uri("/contacts?cf." + score + "=12.5").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().contains(">Fielded<").contains("type=\"number\"");
        assertThat(mvc.get().uri("/contacts?cf." + score + "=13").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().doesNotContain(">Fielded<");

        MvcTestResult patched = api.patch(token, "/api/v1/contacts/" + id, "\"0\"",
                "{\"customFields\":{\"" + tier + "\":null}}");
        assertThat(patched).hasStatusOk();
        assertThat(api.read(patched).get("customFields").has(tier)).isFalse();
        assertThat(api.read(patched).get("customFields").get(score).asDouble()).isEqualTo(12.5);

        assertThat(mvc.get().uri("/contacts/" + id + "/edit").with(TestUsers.signedIn(rep))).hasStatusOk()
                .bodyText().contains("name=\"customFields[" + tier + "]\"").contains("Customer since");
    }

    @Test
    void onlyAdminsDefineFields() {
        CurrentUser manager = testUsers.create(Role.MANAGER, null);
        assertThat(mvc.post().uri("/admin/custom-fields").with(csrf()).with(TestUsers.signedIn(manager))
                .param("entity", "contact").param("key", "sneaky").param("label", "Sneaky").param("type", "TEXT"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customFields.definitions("contact")).noneMatch(d -> d.key().equals("sneaky"));
    }

    @Test
    void theAdminPageDefinesAFieldAndExplainsBadKeys() {
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        assertThat(mvc.post().uri("/admin/custom-fields").with(csrf()).with(TestUsers.signedIn(admin))
                .param("entity", "account").param("key", "Bad Key").param("label", "Region code").param("type", "TEXT"))
                .hasStatusOk().bodyText().contains("Start with a lower-case letter");
        String key = "region" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.post().uri("/admin/custom-fields").with(csrf()).with(TestUsers.signedIn(admin))
                .param("entity", "account").param("key", key).param("label", "Region code").param("type", "TEXT"))
                .hasStatus3xxRedirection();
        customFields.definitions("account").stream().filter(d -> d.key().equals(key)).forEach(d -> defined.add(d.id()));
        assertThat(defined).hasSize(1);
    }

    private void assertField(MvcTestResult result, String field) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.read(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
