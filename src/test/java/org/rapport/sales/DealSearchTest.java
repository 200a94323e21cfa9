package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.ApiClient;
import org.rapport.IntegrationTest;
import org.rapport.TestUsers;
import org.rapport.customers.SearchHit;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.shared.InvalidFieldException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Deals in the global search: by name with typos and accents, through their account, within visibility. */
@IntegrationTest
class DealSearchTest {

    @Autowired DealSearch search;
    @Autowired DealService deals;
    @Autowired TestUsers testUsers;
    @Autowired ApiClient api;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    CurrentUser rep;
    String token;

    @BeforeEach
    void aRep() {
        rep = testUsers.create(Role.SALES_REP, testUsers.department("Deal search"));
        token = api.token(rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void findsADealByItsNameDespiteATypoOrAccents() {
        UUID account = account("Brackwater Shipping");
        DealView deal = deal(rep, "Kühlcontainer Rahmenvertrag", account);
        deal(rep, "Kuehlschrank service", null);

        List<SearchHit> hits = search.search(rep, "kuhlcontaner", 10);
        assertThat(hits).extracting(SearchHit::id).containsExactly(deal.id());
        SearchHit hit = hits.getFirst();
        assertThat(hit.type()).isEqualTo("deal");
        assertThat(hit.title()).isEqualTo("Kühlcontainer Rahmenvertrag");
        assertThat(hit.subtitle()).isEqualTo(deal.stageName() + " · EUR 12,500.00 · Brackwater Shipping");
        assertThat(hit.url()).isEqualTo("/deals/" + deal.id());
        assertThat(ids("rahmenvertrag")).containsExactly(deal.id());
    }

    @Test
    void findsDealsThroughTheirAccountsNameRankedBelowDealsNamedLikeIt() {
        UUID account = account("Pellucid Optics");
        DealView renewal = deal(rep, "Annual renewal", account);
        DealView named = deal(rep, "Pellucid lenses upgrade", null);

        List<SearchHit> hits = search.search(rep, "pellucid", 10);
        assertThat(hits).extracting(SearchHit::id).containsExactly(named.id(), renewal.id());
        assertThat(hits.get(1).score()).isLessThan(hits.get(0).score());
        assertThat(ids("Pelucid Optics")).contains(renewal.id());
    }

    @Test
    void anotherDepartmentsRepFindsNeitherTheDealNorItThroughItsAccount() {
        UUID account = account("Quillfeather Press");
        DealView deal = deal(rep, "Quillfeather printing contract", account);
        CurrentUser colleague = testUsers.create(Role.SALES_REP, rep.departmentId());
        CurrentUser stranger = testUsers.create(Role.SALES_REP, testUsers.department("Deal search elsewhere"));

        assertThat(search.search(colleague, "quillfeather", 10)).extracting(SearchHit::id).containsExactly(deal.id());
        assertThat(search.search(stranger, "quillfeather", 10)).isEmpty();
        assertThat(search.search(stranger, "quilfeather printing", 10)).isEmpty();
        assertThat(search.search(stranger, "Quillfeather Press", 10)).isEmpty();
    }

    @Test
    void neverMatchesOrNamesAnAccountTheCallerMayNotSee() {
        UUID account = account("Vantablack Coatings");
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        CurrentUser other = testUsers.create(Role.SALES_REP, testUsers.department("Deal search other"));
        DealView deal = deals.create(admin, new NewDeal("Paint supply", null, null, new BigDecimal("10"), "EUR", null,
                other.id(), account, List.of()));

        assertThat(search.search(other, "vantablack", 10)).isEmpty();
        List<SearchHit> byName = search.search(other, "paint supply", 10);
        assertThat(byName).extracting(SearchHit::id).contains(deal.id());
        assertThat(byName).filteredOn(h -> h.id().equals(deal.id())).extracting(SearchHit::subtitle)
                .containsExactly(deal.stageName() + " · EUR 10.00");
        assertThat(search.search(rep, "vantablack", 10)).isEmpty();
    }

    @Test
    void readsThroughTheTrigramIndexesWithoutScanningDealsOrAccounts() {
        UUID account = account("Obsidian Forge");
        deal(rep, "Obsidian anvils", account);
        CurrentUser admin = testUsers.create(Role.ADMIN, null);
        record Scans(long sequential, long dealNames, long accountNames) {

            Scans minus(Scans before) {
                return new Scans(sequential - before.sequential, dealNames - before.dealNames,
                        accountNames - before.accountNames);
            }
        }
        // The counters also hold the backend's earlier, not yet flushed, transactions: compare within this one.
        Supplier<Scans> count = () -> jdbc.sql("""
                select (select coalesce(sum(seq_scan), 0) from pg_stat_xact_user_tables
                        where relname in ('deals', 'accounts')),
                       pg_stat_get_xact_numscans('deals_search_trgm'::regclass),
                       pg_stat_get_xact_numscans('accounts_name_trgm'::regclass)
                """).query((rs, n) -> new Scans(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        Scans scans = tx.execute(status -> {
            Scans before = count.get();
            search.search(rep, "obsidian", 1);
            search.search(rep, "Obsidain Froge", 10);
            search.search(admin, "Obsidain Froge", 10);
            // Few accounts: the planner may rather walk accounts_pkey. Without plain index scans it shows that the
            // trigram index serves the match on the account's name.
            jdbc.sql("set local enable_indexscan = off").update();
            search.search(admin, "Obsidain Froge", 10);
            return count.get().minus(before);
        });
        assertThat(scans.sequential()).as("sequential scans of deals and accounts").isZero();
        assertThat(scans.dealNames()).as("scans of deals_search_trgm").isGreaterThanOrEqualTo(3);
        assertThat(scans.accountNames()).as("scans of accounts_name_trgm").isPositive();
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> search.search(rep, " ", 10)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("q");
        assertThatThrownBy(() -> search.search(rep, "deal", 0)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("limit");
        assertThat(search.search(rep, "%_\\", 10)).isEmpty();
    }

    private List<UUID> ids(String q) {
        return search.search(rep, q, 50).stream().map(SearchHit::id).toList();
    }

    private DealView deal(CurrentUser owner, String name, UUID accountId) {
        return deals.create(owner, new NewDeal(name, null, null, new BigDecimal("12500"), "EUR", null, null,
                accountId, List.of()));
    }

    private UUID account(String name) {
        var created = api.post(token, "/api/v1/accounts", "{\"name\": \"" + name + "\"}");
        assertThat(created.getResponse().getStatus()).as(ApiClient.text(created)).isEqualTo(201);
        return UUID.fromString(api.read(created).get("id").asString());
    }
}
