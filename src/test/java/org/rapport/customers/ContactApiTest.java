package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;

/** The contacts API: normalization, validation naming the field, merge patch, consent history, filters. */
@IntegrationTest
class ContactApiTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;

    @BeforeEach
    void signIn() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Contacts"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void createsAContactWithNormalizedEmailsAndPhones() {
        String account = api.read(api.post(token, "/api/v1/accounts", "{\"name\":\"Globex\"}")).get("id").asString();
        MvcTestResult created = api.post(token, "/api/v1/contacts", """
                {"firstName": "Ada", "lastName": "Lovelace", "title": "CTO",
                 "emails": [{"address": " Ada@Globex.EXAMPLE ", "type": "WORK"}, {"address": "ada@home.example", "type": "PERSONAL"}],
                 "phones": [{"number": "(415) 555-2671", "type": "MOBILE"}, {"number": "+44 20 7946 0958", "primary": true}],
                 "accountIds": ["%s"], "accountRoles": {"%s": "Decision maker"},
                 "relationshipTypes": ["CUSTOMER", "PARTNER"], "lifecycleStage": "CUSTOMER", "source": "Referral",
                 "preferences": {"preferredChannel": "EMAIL", "language": "en", "interests": ["analytics"]},
                 "consent": {"marketingOptIn": true, "marketingOptInSource": "trade show", "doNotCall": true},
                 "address": {"city": "London", "country": "GB"}, "tags": ["vip", "vip", "2026"]}
                """.formatted(account, account));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode c = api.read(created);
        assertThat(c.get("emails").get(0).get("address").asString()).isEqualTo("ada@globex.example");
        assertThat(c.get("emails").get(0).get("primary").asBoolean()).isTrue();
        assertThat(c.get("phones").get(0).get("number").asString()).isEqualTo("+14155552671");
        assertThat(c.get("phones").get(0).get("primary").asBoolean()).isFalse();
        assertThat(c.get("phones").get(1).get("number").asString()).isEqualTo("+442079460958");
        assertThat(c.get("accountIds").get(0).asString()).isEqualTo(account);
        assertThat(c.get("accountRoles").get(account).asString()).isEqualTo("Decision maker");
        assertThat(c.get("consent").get("marketingOptIn").asBoolean()).isTrue();
        assertThat(c.get("consent").get("marketingOptInAt").isNull()).isFalse();
        assertThat(c.get("tags").size()).isEqualTo(2);
        assertThat(c.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(consentEvents(UUID.fromString(c.get("id").asString()))).isEqualTo(2);
    }

    @Test
    void rejectsInvalidEmailNamingTheFieldAndWritesNothing() {
        assertRejected("{\"lastName\": \"Smith\", \"emails\": [{\"address\": \"not-an-email\"}]}", "emails[0].address");
    }

    @Test
    void rejectsInvalidPhoneNamingTheField() {
        assertRejected("{\"lastName\": \"Smith\", \"phones\": [{\"number\": \"12\"}]}", "phones[0].number");
    }

    @Test
    void rejectsWrongTypesUnknownFieldsAndHugeNames() {
        assertRejected("{\"lastName\": \"Smith\", \"tags\": \"vip\"}", "tags");
        assertRejected("{\"lastName\": \"Smith\", \"lifecycleStage\": \"ALIEN\"}", "lifecycleStage");
        assertRejected("{\"lastName\": \"Smith\", \"nickname\": \"Smithy\"}", "nickname");
        assertRejected("{\"lastName\": \"" + "x".repeat(1_000_000) + "\"}", "lastName");
        assertRejected("{\"title\": \"No name\"}", "lastName");
        assertRejected("{\"lastName\": \"Smith\", \"customFields\": {\"shoeSize\": 42}}", "customFields.shoeSize");
        assertRejected("{\"lastName\": \"Smith\", \"accountIds\": [\"" + UUID.randomUUID() + "\"]}", "accountIds[0]");
    }

    @Test
    void patchesWithIfMatchAndKeepsConsentHistory() {
        JsonNode c = api.read(api.post(token, "/api/v1/contacts", "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}"));
        String id = c.get("id").asString();
        MvcTestResult patched = api.patch(token, "/api/v1/contacts/" + id, "\"0\"",
                "{\"title\": \"Rear Admiral\", \"consent\": {\"doNotEmail\": true}}");
        assertThat(patched).hasStatusOk();
        JsonNode after = api.read(patched);
        assertThat(after.get("title").asString()).isEqualTo("Rear Admiral");
        assertThat(after.get("firstName").asString()).isEqualTo("Grace");
        assertThat(after.get("consent").get("doNotEmail").asBoolean()).isTrue();
        assertThat(after.get("version").asInt()).isEqualTo(1);
        assertThat(consentEvents(UUID.fromString(id))).isEqualTo(1);
        assertThat(api.patch(token, "/api/v1/contacts/" + id, "\"0\"", "{\"title\": \"Stale\"}"))
                .hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(api.patch(token, "/api/v1/contacts/" + id, "\"1\"", "{\"emails\": [{\"address\": \"bad\"}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void filtersByTextAccentInsensitivelyAndByTagAndStage() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        api.post(token, "/api/v1/contacts", "{\"firstName\":\"Jürgen\",\"lastName\":\"Müller\",\"tags\":[\"" + tag
                + "\"],\"lifecycleStage\":\"LEAD\"}");
        api.post(token, "/api/v1/contacts", "{\"firstName\":\"Anna\",\"lastName\":\"Other\",\"tags\":[\"" + tag + "\"]}");
        assertThat(names("/api/v1/contacts?tag=" + tag + "&q=muller")).containsExactly("Müller");
        assertThat(names("/api/v1/contacts?tag=" + tag + "&lifecycleStage=LEAD")).containsExactly("Müller");
        assertThat(names("/api/v1/contacts?tag=" + tag)).containsExactly("Müller", "Other");
        assertThat(api.get(token, "/api/v1/contacts?lifecycleStage=ALIEN")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anotherDepartmentsRepCannotSeeTheContact() {
        String id = api.read(api.post(token, "/api/v1/contacts", "{\"lastName\":\"Private\"}")).get("id").asString();
        CurrentUser other = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        String otherToken = api.token(other.email(), TestUsers.PASSWORD);
        assertThat(api.get(otherToken, "/api/v1/contacts/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.delete(otherToken, "/api/v1/contacts/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    private java.util.List<String> names(String uri) {
        JsonNode items = api.read(api.get(token, uri)).get("items");
        java.util.List<String> names = new java.util.ArrayList<>();
        items.forEach(i -> names.add(i.get("lastName").asString()));
        return names;
    }

    private void assertRejected(String body, String field) {
        MvcTestResult result = api.post(token, "/api/v1/contacts", body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.read(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(jdbc.sql("select count(*) from contacts where owner_id = :owner").param("owner", rep.id())
                .query(Integer.class).single()).isZero();
    }

    private int consentEvents(UUID contact) {
        return jdbc.sql("select count(*) from consent_events where contact_id = :id").param("id", contact)
                .query(Integer.class).single();
    }
}
