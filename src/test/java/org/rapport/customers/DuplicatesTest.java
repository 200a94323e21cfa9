package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Duplicate pairs, the warning while typing and the merge page, each only within the caller's visibility. */
@IntegrationTest
class DuplicatesTest {

    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;
    @Autowired DuplicateService duplicates;

    CurrentUser east;
    CurrentUser west;
    String eastToken;
    String westToken;
    String mail;

    @BeforeEach
    void twoDepartments() {
        jdbc.sql("update org_settings set visibility_scope = 'DEPARTMENT'").update();
        east = testUsers.create(Role.SALES_REP, testUsers.department("East"));
        west = testUsers.create(Role.SALES_REP, testUsers.department("West"));
        eastToken = api.token(east.email(), TestUsers.PASSWORD);
        westToken = api.token(west.email(), TestUsers.PASSWORD);
        mail = "js-" + UUID.randomUUID().toString().substring(0, 8) + "@dup.example";
    }

    @Test
    void findsContactAndAccountPairsOnlyAmongVisibleRecords() {
        UUID jonathan = contact(eastToken, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smith\", \"emails\": [{\"address\": \"%s\"}]}".formatted(mail));
        UUID jon = contact(eastToken, "{\"firstName\": \"Jon\", \"lastName\": \"Smith\", \"emails\": [{\"address\": \"%s\"}]}".formatted(mail));
        UUID mary = contact(eastToken, "{\"firstName\": \"Mary\", \"lastName\": \"Jones\", \"phones\": [{\"number\": \"+14155550101\"}]}");
        UUID maria = contact(eastToken, "{\"firstName\": \"Maria\", \"lastName\": \"Jonas\", \"phones\": [{\"number\": \"(415) 555-0101\"}]}");
        UUID account = account(eastToken, "{\"name\": \"Zeta Films\"}");
        UUID catherine = contact(eastToken, "{\"firstName\": \"Catherine\", \"lastName\": \"Zeta\", \"accountIds\": [\"%s\"]}".formatted(account));
        UUID katherine = contact(eastToken, "{\"firstName\": \"Katherine\", \"lastName\": \"Zeta\", \"accountIds\": [\"%s\"]}".formatted(account));
        contact(eastToken, "{\"firstName\": \"Other\", \"lastName\": \"Person\", \"accountIds\": [\"%s\"]}".formatted(account));
        contact(westToken, "{\"firstName\": \"Wilhelm\", \"lastName\": \"West\", \"emails\": [{\"address\": \"%s\"}]}".formatted(mail));
        UUID initrode = account(eastToken, "{\"name\": \"Initrode Systems\", \"domain\": \"initrode.example\"}");
        UUID initrodeInc = account(eastToken, "{\"name\": \"Initrode Systems Inc\", \"domain\": \"initrode.example\"}");
        UUID initech = account(eastToken, "{\"name\": \"Initech\"}");
        UUID initechLlc = account(eastToken, "{\"name\": \"Initech LLC\"}");
        account(westToken, "{\"name\": \"Initrode Systems\", \"domain\": \"initrode.example\"}");

        var contactPairs = duplicates.contactPairs(east);
        assertThat(contactPairs).extracting(p -> pair(p.first().id(), p.second().id()))
                .containsExactlyInAnyOrder(pair(jonathan, jon), pair(mary, maria), pair(catherine, katherine));
        assertThat(contactPairs).filteredOn(p -> p.reasons().contains("Same email")).singleElement()
                .satisfies(p -> assertThat(p.score()).isEqualTo(1.0));
        assertThat(contactPairs).filteredOn(p -> p.reasons().contains("Same phone")).singleElement()
                .satisfies(p -> assertThat(p.score()).isEqualTo(0.9));
        assertThat(contactPairs).filteredOn(p -> p.reasons().contains("Similar name at the same account")).singleElement()
                .satisfies(p -> assertThat(p.score()).isBetween(0.5, 0.9));
        var accountPairs = duplicates.accountPairs(east);
        assertThat(accountPairs).extracting(p -> pair(p.first().id(), p.second().id()))
                .containsExactlyInAnyOrder(pair(initrode, initrodeInc), pair(initech, initechLlc));
        assertThat(accountPairs.getFirst().reasons()).containsExactly("Same domain", "Similar name");
        assertThat(accountPairs.getFirst().score()).isEqualTo(1.0);

        assertThat(mvc.get().uri("/duplicates").with(TestUsers.signedIn(east))).hasStatusOk().bodyText()
                .contains("Jon Smith", "Jonathan Smith", "Katherine Zeta", "Initrode Systems Inc", "Same phone", "100%")
                .contains("/duplicates/merge?type=contact&amp;ids=")
                .doesNotContain("Wilhelm");
        assertThat(duplicates.contactPairs(west)).isEmpty();
    }

    @Test
    void warnsWhileTypingAboutVisibleContactsOnly() {
        UUID jonathan = contact(eastToken, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smithers\", \"emails\": [{\"address\": \"%s\"}], \"phones\": [{\"number\": \"+14155550199\"}]}".formatted(mail));
        UUID wilhelm = contact(westToken, "{\"firstName\": \"Wilhelm\", \"lastName\": \"West\", \"emails\": [{\"address\": \"%s\"}]}".formatted(mail));

        assertThat(typing(east, "email=" + mail.toUpperCase())).contains("Possible duplicate", "/contacts/" + jonathan,
                "Jonathan Smithers", "same email").doesNotContain("Wilhelm");
        assertThat(typing(east, "phone=(415) 555-0199")).contains("/contacts/" + jonathan, "same phone");
        assertThat(typing(east, "firstName=Jonathon&lastName=Smithers")).contains("/contacts/" + jonathan, "similar name");
        assertThat(typing(east, "firstName=Jonathan&lastName=Smithers&contactId=" + jonathan)).doesNotContain("Possible duplicate");
        assertThat(typing(east, "firstName=Jo&email=js@")).doesNotContain("Possible duplicate");
        assertThat(typing(west, "email=" + mail)).contains("/contacts/" + wilhelm).doesNotContain("Jonathan");
        assertThat(mvc.get().uri("/contacts/duplicates?contactId=nope").with(TestUsers.signedIn(east)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void mergesFromTheMergePage() {
        UUID jonathan = contact(eastToken, "{\"firstName\": \"Jonathan\", \"lastName\": \"Smith\", \"emails\": [{\"address\": \"%s\"}]}".formatted(mail));
        UUID jon = contact(eastToken, "{\"firstName\": \"Jon\", \"lastName\": \"Smith\", \"title\": \"Chef\", \"emails\": [{\"address\": \"%s\"}]}".formatted(mail));

        assertThat(mvc.get().uri("/duplicates/merge?type=contact&ids=" + jonathan + "&ids=" + jon).with(TestUsers.signedIn(east)))
                .hasStatusOk().bodyText().contains("name=\"survivorId\"", "name=\"field.firstName\"", "Chef", "all kept")
                .doesNotContain("name=\"field.lastName\"");
        MvcTestResult merged = mvc.post().uri("/duplicates/merge").with(csrf()).with(TestUsers.signedIn(east))
                .param("type", "contact").param("ids", jonathan.toString(), jon.toString())
                .param("survivorId", jonathan.toString()).param("field.firstName", jon.toString())
                .param("field.title", jon.toString()).param("version." + jonathan, "0").exchange();
        assertThat(merged).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/contacts/" + jonathan);
        assertThat(jdbc.sql("select first_name || ' ' || title from contacts where id = :id").param("id", jonathan)
                .query(String.class).single()).isEqualTo("Jon Chef");
        assertThat(jdbc.sql("select count(*) from contacts where id = :id").param("id", jon).query(Integer.class).single())
                .isZero();

        UUID a = account(eastToken, "{\"name\": \"Vandelay Industries\"}");
        UUID b = account(eastToken, "{\"name\": \"Vandelay Import Export\", \"industry\": \"Latex\"}");
        assertThat(mvc.get().uri("/duplicates/merge?type=account&ids=" + a + "&ids=" + b).with(TestUsers.signedIn(east)))
                .hasStatusOk().bodyText().contains("Vandelay Import Export", "name=\"field.name\"", "Latex");
        assertThat(mvc.post().uri("/duplicates/merge").with(csrf()).with(TestUsers.signedIn(east))
                .param("type", "account").param("ids", a.toString(), b.toString()).param("survivorId", b.toString())
                .param("version." + b, "7").exchange())
                .hasStatusOk().bodyText().contains("changed meanwhile");
        assertThat(mvc.post().uri("/duplicates/merge").with(csrf()).with(TestUsers.signedIn(east))
                .param("type", "account").param("ids", a.toString(), b.toString()).param("survivorId", b.toString())
                .param("field.name", a.toString()).exchange())
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/accounts/" + b);
        assertThat(jdbc.sql("select name || '/' || industry from accounts where id = :id").param("id", b)
                .query(String.class).single()).isEqualTo("Vandelay Industries/Latex");
    }

    @Test
    void theMergePageShowsOnlyVisibleRecordsAndRejectsBadInput() {
        UUID own = contact(eastToken, "{\"lastName\": \"Own\"}");
        UUID foreign = contact(westToken, "{\"lastName\": \"Foreign\"}");
        assertThat(mvc.get().uri("/duplicates/merge?type=contact&ids=" + own + "&ids=" + foreign).with(TestUsers.signedIn(east)))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain("Foreign");
        assertThat(mvc.post().uri("/duplicates/merge").with(csrf()).with(TestUsers.signedIn(east))
                .param("type", "contact").param("ids", own.toString(), foreign.toString())
                .param("survivorId", own.toString()).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/duplicates/merge?type=alien&ids=" + own + "&ids=" + foreign).with(TestUsers.signedIn(east)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/duplicates/merge?type=contact&ids=" + own).with(TestUsers.signedIn(east)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        UUID other = contact(eastToken, "{\"lastName\": \"Other\"}");
        assertThat(mvc.post().uri("/duplicates/merge").with(csrf()).with(TestUsers.signedIn(east))
                .param("type", "contact").param("ids", own.toString(), other.toString())
                .param("field.lastName", other.toString()).exchange())
                .hasStatusOk().bodyText().contains("Choose the record that survives");
        assertThat(jdbc.sql("select count(*) from contacts where id in (:a, :b) and version = 0")
                .param("a", own).param("b", other).query(Integer.class).single()).isEqualTo(2);
    }

    private String typing(CurrentUser user, String query) {
        var request = mvc.get().uri("/contacts/duplicates").header("HX-Request", "true").with(TestUsers.signedIn(user));
        for (String pair : query.split("&")) {
            request = request.param(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatusOk();
        return ApiClient.text(result);
    }

    private static String pair(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
    }

    private UUID contact(String token, String json) {
        return id(api.post(token, "/api/v1/contacts", json));
    }

    private UUID account(String token, String json) {
        return id(api.post(token, "/api/v1/accounts", json));
    }

    private UUID id(MvcTestResult created) {
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(api.read(created).get("id").asString());
    }
}
