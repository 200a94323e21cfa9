package org.rapport.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        List<SearchHit> hits = new ArrayList<>();
        if (!customerTypes.isEmpty()) {
            hits.addAll(customers.search(user, q, customerTypes, limit));
        }
        if (wanted.contains(LeadService.TYPE)) {
            hits.addAll(leads.search(user, q, limit));
        }
        if (wanted.contains(DealService.TYPE)) {
            hits.addAll(deals.search(user, q, limit));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparing(SearchHit::title, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }
}
