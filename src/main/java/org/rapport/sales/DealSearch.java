package org.rapport.sales;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rapport.customers.AccountService;
import org.rapport.customers.CustomerSearch;
import org.rapport.customers.Relevance;
import org.rapport.customers.SearchHit;
import org.rapport.customers.SearchTerms;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.Visibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the deals a user may see by their name, or by the name of their account when the user may see it too:
 * accent-insensitive and tolerant of typos, ranked on the same scale as accounts and contacts.
 */
@Service
public class DealSearch {

    /** A deal found only through its account ranks below the account and below deals named like the query. */
    static final double THROUGH_ACCOUNT = 0.75;
    private static final int CANDIDATES = 100;

    private final CustomerSearch customers;
    private final DealSearchRepository repository;
    private final DealService deals;
    private final Visibility visibility;

    DealSearch(CustomerSearch customers, DealSearchRepository repository, DealService deals, Visibility visibility) {
        this.customers = customers;
        this.repository = repository;
        this.deals = deals;
        this.visibility = visibility;
    }

    /** The best deals for {@code q}, best first, at most {@code limit} (1 to {@value CustomerSearch#MAX_LIMIT}). */
    @Transactional(readOnly = true)
    public List<SearchHit> search(CurrentUser user, String q, int limit) {
        CustomerSearch.requireLimit(limit);
        SearchTerms terms = customers.prepare(q);
        Map<UUID, SearchHit> best = new LinkedHashMap<>();
        if (terms.searchable()) {
            SqlFilter visibleDeals = deals.visible(user);
            SqlFilter visibleAccounts = visibility.filter(user, "a", AccountService.TYPE);
            SearchTerms.substringsFirst(limit,
                            fuzzy -> repository.byName(terms, fuzzy, visibleDeals, visibleAccounts, CANDIDATES))
                    .forEach(c -> hit(terms.key(), c, 1.0).ifPresent(h -> keepBest(best, h)));
            SearchTerms.substringsFirst(limit,
                            fuzzy -> repository.byAccount(terms, fuzzy, visibleDeals, visibleAccounts, CANDIDATES))
                    .forEach(c -> hit(terms.key(), c, THROUGH_ACCOUNT).ifPresent(h -> keepBest(best, h)));
        }
        customers.restorePlanner();
        return best.values().stream()
                .sorted(SearchHit.BEST_FIRST)
                .limit(limit).toList();
    }

    private static void keepBest(Map<UUID, SearchHit> best, SearchHit hit) {
        best.merge(hit.id(), hit, (a, b) -> a.score() >= b.score() ? a : b);
    }

    /** Empty when the deal is only a loose trigram match, not worth showing. */
    private static Optional<SearchHit> hit(String key, DealSearchRepository.Candidate c, double weight) {
        OptionalDouble score = Relevance.of(key, c.matchedKey(), c.substring(), c.similarity());
        if (score.isEmpty()) {
            return Optional.empty();
        }
        String subtitle = Stream.of(c.stage(), c.currency() + " " + String.format(Locale.ROOT, "%,.2f", c.amount()),
                        c.account())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "));
        return Optional.of(new SearchHit(DealService.TYPE, c.id(), c.name(), subtitle, "/deals/" + c.id(),
                weight * score.getAsDouble()));
    }
}
