package org.rapport.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rapport.customers.AccountService;
import org.rapport.customers.ContactService;
import org.rapport.customers.CustomerSearch;
import org.rapport.customers.SearchHit;
import org.rapport.identity.CurrentUser;
import org.rapport.sales.DealSearch;
import org.rapport.sales.DealService;
import org.rapport.sales.LeadSearch;
import org.rapport.sales.LeadService;
import org.rapport.shared.InvalidFieldException;
import org.springframework.stereotype.Component;

/** The global search over every searchable type: accounts and contacts, open leads and deals; best hits first. */
@Component
class RecordSearch {

    static final Set<String> TYPES = Set.of(AccountService.TYPE, ContactService.TYPE, LeadService.TYPE,
            DealService.TYPE);
    private static final Set<String> CUSTOMER_TYPES = Set.of(AccountService.TYPE, ContactService.TYPE);

    private final CustomerSearch customers;
    private final LeadSearch leads;
    private final DealSearch deals;

    RecordSearch(CustomerSearch customers, LeadSearch leads, DealSearch deals) {
        this.customers = customers;
        this.leads = leads;
        this.deals = deals;
    }

    /** @param types record types to search; empty for all */
    List<SearchHit> search(CurrentUser user, String q, Set<String> types, int limit) {
        if (!TYPES.containsAll(types)) {
            throw new InvalidFieldException("types", "Unknown type: use account, contact, lead and/or deal");
        }
        Set<String> wanted = types.isEmpty() ? TYPES : types;
        Set<String> customerTypes = new HashSet<>(wanted);
        customerTypes.retainAll(CUSTOMER_TYPES);
        List<Callable<List<SearchHit>>> searches = new ArrayList<>();
        if (!customerTypes.isEmpty()) {
            searches.add(() -> customers.search(user, q, customerTypes, limit));
        }
        if (wanted.contains(LeadService.TYPE)) {
            searches.add(() -> leads.search(user, q, limit));
        }
        if (wanted.contains(DealService.TYPE)) {
            searches.add(() -> deals.search(user, q, limit));
        }
        List<SearchHit> hits = new ArrayList<>();
        sideBySide(searches).forEach(hits::addAll);
        hits.sort(SearchHit.BEST_FIRST);
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }

    /**
     * Runs the searches of the record types on virtual threads side by side, each in its own transaction, so that
     * the answer takes as long as the slowest of them rather than their sum; the first failure is thrown.
     */
    private static List<List<SearchHit>> sideBySide(List<Callable<List<SearchHit>>> searches) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<List<SearchHit>> results = new ArrayList<>();
            for (Future<List<SearchHit>> search : executor.invokeAll(searches)) {
                results.add(search.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while searching", e);
        }
    }
}
