package org.rapport.sales;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rapport.customers.CustomerSearch;
import org.rapport.customers.Relevance;
import org.rapport.customers.SearchHit;
import org.rapport.customers.SearchTerms;
import org.rapport.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the open (not converted) leads a user may see by name, company, email or phone: accent-insensitive and
 * tolerant of typos, ranked on the same scale as accounts, contacts and deals.
 */
@Service
public class LeadSearch {

    private static final int CANDIDATES = 100;

    private final CustomerSearch customers;
    private final LeadSearchRepository repository;
    private final LeadService leads;

    LeadSearch(CustomerSearch customers, LeadSearchRepository repository, LeadService leads) {
        this.customers = customers;
        this.repository = repository;
        this.leads = leads;
    }

    /** The best leads for {@code q}, best first, at most {@code limit} (1 to {@value CustomerSearch#MAX_LIMIT}). */
    @Transactional(readOnly = true)
    public List<SearchHit> search(CurrentUser user, String q, int limit) {
        CustomerSearch.requireLimit(limit);
        SearchTerms terms = customers.prepare(q);
        List<LeadSearchRepository.Candidate> candidates = terms.searchable()
                ? SearchTerms.substringsFirst(limit,
                        fuzzy -> repository.find(terms, fuzzy, leads.visible(user), CANDIDATES))
                : List.of();
        customers.restorePlanner();
        return candidates.stream()
                .flatMap(c -> hit(terms.key(), c))
                .sorted(SearchHit.BEST_FIRST)
                .limit(limit).toList();
    }

    /** No hit when the lead is only a loose trigram match, not worth showing. */
    private static Stream<SearchHit> hit(String key, LeadSearchRepository.Candidate c) {
        OptionalDouble score = Relevance.of(key, c.titleKey(), c.substring(), c.similarity());
        if (score.isEmpty()) {
            return Stream.empty();
        }
        LeadView lead = c.lead();
        String subtitle = Stream.of("Lead", lead.company(), lead.email()).filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
        return Stream.of(new SearchHit(LeadService.TYPE, lead.id(), lead.name(), subtitle, "/leads/" + lead.id(),
                score.getAsDouble()));
    }
}
