package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.shared.InvalidFieldException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Global search over accounts and contacts: typos, accents, emails, phones, ranking, visibility. */
@IntegrationTest
class CustomerSearchTest {

    @Autowired CustomerSearch search;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;
    String phone;

    @BeforeEach
    void aRepWithRecords() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Search"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
        phone = "415555" + (1000 + (int) (Math.random() * 9000));
    }

    @Test
    void findsANameTypedWithSwappedLettersFirst() {
        UUID john = contact("John", "Smith", "js-" + UUID.randomUUID() + "@acme.example", null);
        contact("Jon", "Smithson", null, null);
        contact("Jon", "Schmidt", null, null);
        List<SearchHit> hits = search.search(rep, "Jonh Smiht", Set.of(), 10);
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().id()).isEqualTo(john);
        assertThat(hits.getFirst().url()).isEqualTo("/contacts/" + john);
    }

    @Test
    void ignoresAccentsBothWays() {
        UUID mueller = contact("Jürgen", "Müller", null, null);
        UUID gmbh = account("Müller GmbH", "mueller.example");
        assertThat(ids("Muller")).contains(mueller, gmbh);
        assertThat(ids("muller")).contains(mueller, gmbh);
        assertThat(ids("MÜLLER gmbh").getFirst()).isEqualTo(gmbh);
        UUID nunez = contact("José", "Núñez", null, null);
        assertThat(ids("jose nunez")).containsExactly(nunez);
    }

    @Test
    void findsAnEmailAddress() {
        String email = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@navy.example";
        UUID grace = contact("Grace", "Hopper", email, null);
        assertThat(ids(email.toUpperCase())).containsExactly(grace);
        assertThat(ids(email.substring(0, 10))).containsExactly(grace);
    }

    @Test
    void findsAPhoneNumberTypedInAnyFormat() {
        UUID ada = contact("Ada", "Lovelace", null, "+1 " + phone);
        String local = phone.substring(3);
        assertThat(ids("(415) 555-" + phone.substring(6))).containsExactly(ada);
        assertThat(ids("+1 415 555 " + phone.substring(6))).containsExactly(ada);
        assertThat(ids("1-415-555-" + phone.substring(6))).containsExactly(ada);
        assertThat(ids("555" + local.substring(3))).containsExactly(ada);
    }

    @Test
    void keepsAccountSearchTextCurrentOnInsertAndRename() {
        UUID id = account("Initech", "initech.example");
        assertThat(ids("initech")).containsExactly(id);
        assertThat(ids("initech.example")).containsExactly(id);
        assertThat(api.patch(token, "/api/v1/accounts/" + id, "\"0\"", "{\"name\": \"Globex Österreich\"}"))
                .hasStatusOk();
        assertThat(ids("globex osterreich")).containsExactly(id);
        assertThat(ids("initech")).containsExactly(id);
        assertThat(search.search(rep, "initech", Set.of(), 5).getFirst().title()).isEqualTo("Globex Österreich");
    }

    @Test
    void ranksWordPrefixesBeforeCloseSpellingsAndFiltersByType() {
        UUID hoff = account("Hoffmann Logistics", null);
        UUID hofmann = contact("Hanna", "Hofmann", null, null);
        List<SearchHit> hits = search.search(rep, "hoffmann", Set.of(), 10);
        assertThat(hits).extracting(SearchHit::id).containsExactly(hoff, hofmann);
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(search.search(rep, "hoffmann", Set.of("contact"), 10)).extracting(SearchHit::id)
                .containsExactly(hofmann);
        assertThat(search.search(rep, "hoffmann", Set.of("account"), 10)).extracting(SearchHit::id)
                .containsExactly(hoff);
    }

    @Test
    void findsOnlyWhatTheCallerMaySee() {
        UUID mine = contact("Zebedee", "Quartermaine", null, null);
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Elsewhere"));
        assertThat(search.search(colleague, "Zebedee Quartermaine", Set.of(), 10)).extracting(SearchHit::id)
                .containsExactly(mine);
        assertThat(search.search(stranger, "Zebedee Quartermaine", Set.of(), 10)).isEmpty();
        assertThat(search.search(stranger, "Zebede Quartermane", Set.of(), 10)).isEmpty();
    }

    @Test
    void readsThroughTheTrigramIndexes() {
        contact("Indira", "Backhaus", "indira@backhaus.example", "+1 " + phone);
        account("Backhaus Logistik", "backhaus.example");
        record Scans(long sequential, long trigram, boolean plannerRestored) {
        }
        Scans scans = tx.execute(status -> {
            search.search(rep, "Backhaus", Set.of(), 1);
            search.search(rep, "Indria Bakchaus", Set.of(), 10);
            search.search(rep, "indira@backhaus.example", Set.of(), 10);
            search.search(rep, "(415) 555-" + phone.substring(6), Set.of(), 10);
            return jdbc.sql("""
                    select (select coalesce(sum(seq_scan), 0) from pg_stat_xact_user_tables
                            where relname in ('contacts', 'accounts')),
                           pg_stat_get_xact_numscans('contacts_search_trgm'::regclass)
                           + pg_stat_get_xact_numscans('accounts_search_trgm'::regclass),
                           current_setting('enable_seqscan') = 'on' and current_setting('jit') = reset_val::text
                    from pg_settings where name = 'jit'
                    """).query((rs, n) -> new Scans(rs.getLong(1), rs.getLong(2), rs.getBoolean(3))).single();
        });
        assertThat(scans.trigram()).as("trigram index scans").isGreaterThanOrEqualTo(8);
        assertThat(scans.plannerRestored()).as("planner settings restored for the rest of the transaction").isTrue();
    }

    @Test
    void rejectsBadParameters() {
        assertRejected(" ", Set.of(), 10, "q");
        assertRejected(null, Set.of(), 10, "q");
        assertRejected("x".repeat(201), Set.of(), 10, "q");
        assertRejected("acme", Set.of("deal"), 10, "types");
        assertRejected("acme", Set.of(), 0, "limit");
        assertRejected("acme", Set.of(), 51, "limit");
        assertThat(search.search(rep, "%_\\", Set.of(), 10)).isEmpty();
        assertThat(search.search(rep, "a", Set.of(), 50)).hasSizeLessThanOrEqualTo(50);
    }

    private void assertRejected(String q, Set<String> types, int limit, String field) {
        assertThatThrownBy(() -> search.search(rep, q, types, limit)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }

    private List<UUID> ids(String q) {
        return search.search(rep, q, Set.of(), 50).stream().map(SearchHit::id).toList();
    }

    private UUID contact(String first, String last, String email, String phone) {
        String body = "{\"firstName\": \"%s\", \"lastName\": \"%s\"%s%s}".formatted(first, last,
                email == null ? "" : ", \"emails\": [{\"address\": \"" + email + "\"}]",
                phone == null ? "" : ", \"phones\": [{\"number\": \"" + phone + "\"}]");
        var created = api.post(token, "/api/v1/contacts", body);
        assertThat(created.getResponse().getStatus()).as(ApiClient.text(created)).isEqualTo(201);
        return UUID.fromString(api.read(created).get("id").asString());
    }

    private UUID account(String name, String domain) {
        String body = domain == null ? "{\"name\": \"%s\"}".formatted(name)
                : "{\"name\": \"%s\", \"domain\": \"%s\"}".formatted(name, domain);
        var created = api.post(token, "/api/v1/accounts", body);
        assertThat(created.getResponse().getStatus()).as(ApiClient.text(created)).isEqualTo(201);
        return UUID.fromString(api.read(created).get("id").asString());
    }
}
