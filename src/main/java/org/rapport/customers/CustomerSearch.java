package org.rapport.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.Visibility;
import org.rapport.shared.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the accounts and contacts a user may see from a few typed characters: names, emails, domains and phone
 * numbers in any format, accent-insensitive and tolerant of typos, best match first.
 */
@Service
public class CustomerSearch {

    public static final int MAX_LIMIT = 50;
    public static final int MAX_QUERY_LENGTH = 200;
    private static final int CANDIDATES_PER_TYPE = 100;
    private static final Set<String> TYPES = Set.of(AccountService.TYPE, ContactService.TYPE);

    private final CustomerSearchRepository repository;
    private final SearchWords searchWords;
    private final Visibility visibility;

    CustomerSearch(CustomerSearchRepository repository, SearchWords searchWords, Visibility visibility) {
        this.repository = repository;
        this.searchWords = searchWords;
        this.visibility = visibility;
    }

    /**
     * The best hits for {@code q} among the records {@code user} may see, best first.
     *
     * @param types {@code account} and/or {@code contact}; null or empty for both
     * @param limit at most this many hits, 1 to {@value #MAX_LIMIT}
     */
    @Transactional(readOnly = true)
    public List<SearchHit> search(CurrentUser user, String q, Set<String> types, int limit) {
        String query = validQuery(q);
        Set<String> wanted = validTypes(types);
        requireLimit(limit);
        SearchTerms terms = terms(query);
        List<CustomerSearchRepository.Candidate> candidates = terms.searchable()
                ? candidates(user, terms, wanted, limit) : List.of();
        repository.restorePlanner();
        return best(terms.key(), candidates, limit);
    }

    /** Checks a search's {@code limit}: 1 to {@value #MAX_LIMIT}. */
    public static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to " + MAX_LIMIT);
        }
    }

    /**
     * For another module's search over its own trigram-indexed {@code search_text} (deals): checks {@code q} as
     * {@link #search} does and readies the caller's transaction as {@link #search} readies its own (word similarity
     * threshold, no sequential scans); the caller ends with {@link #restorePlanner()} and ranks with
     * {@link Relevance}, so that its hits mix with these.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SearchTerms prepare(String q) {
        return terms(validQuery(q));
    }

    /** Gives the caller's transaction back the planner settings that {@link #prepare} changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void restorePlanner() {
        repository.restorePlanner();
    }

    private SearchTerms terms(String query) {
        SearchTerms terms = SearchTerms.of(query, repository.prepare(query, SearchTerms.threshold(query)));
        return terms.correctable() ? terms.withSpellings(searchWords.spellings(terms.words())) : terms;
    }

    private List<CustomerSearchRepository.Candidate> candidates(CurrentUser user, SearchTerms terms,
                                                                Set<String> types, int limit) {
        List<CustomerSearchRepository.Candidate> candidates = new ArrayList<>();
        if (types.contains(ContactService.TYPE)) {
            SqlFilter visible = visibility.filter(user, "c", ContactService.TYPE);
            candidates.addAll(SearchTerms.substringsFirst(limit,
                    fuzzy -> repository.contacts(terms, fuzzy, visible, CANDIDATES_PER_TYPE)));
        }
        if (types.contains(AccountService.TYPE)) {
            SqlFilter visible = visibility.filter(user, "a", AccountService.TYPE);
            candidates.addAll(SearchTerms.substringsFirst(limit,
                    fuzzy -> repository.accounts(terms, fuzzy, visible, CANDIDATES_PER_TYPE)));
        }
        return candidates;
    }

    private static List<SearchHit> best(String key, List<CustomerSearchRepository.Candidate> candidates, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        for (CustomerSearchRepository.Candidate c : candidates) {
            OptionalDouble score = Relevance.of(key, c.titleKey(), c.substring(), c.similarity());
            if (score.isPresent()) {
                hits.add(new SearchHit(c.type(), c.id(), c.title(), c.subtitle(), url(c), score.getAsDouble()));
            }
        }
        hits.sort(SearchHit.BEST_FIRST);
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }

    private static String url(CustomerSearchRepository.Candidate c) {
        return (c.type().equals(AccountService.TYPE) ? "/accounts/" : "/contacts/") + c.id();
    }

    private static String validQuery(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidFieldException("q", "Type something to search for");
        }
        String query = q.strip().replaceAll("\\s+", " ");
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidFieldException("q", "Search for at most " + MAX_QUERY_LENGTH + " characters");
        }
        return query;
    }

    private static Set<String> validTypes(Set<String> types) {
        if (types == null || types.isEmpty()) {
            return TYPES;
        }
        if (types.stream().anyMatch(type -> type == null || !TYPES.contains(type))) {
            throw new InvalidFieldException("types", "Unknown type: use account and/or contact");
        }
        return types;
    }
}
