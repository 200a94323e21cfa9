package org.rapport.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rapport.customers.CustomerSearch;
import org.rapport.customers.SearchHit;
import org.rapport.identity.CurrentUser;
import org.rapport.sales.LeadService;
import org.springframework.stereotype.Component;

/** The global search over every searchable type: accounts and contacts, and open leads; best hits first. */
@Component
class RecordSearch {

    private final CustomerSearch customers;
    private final LeadService leads;

    RecordSearch(CustomerSearch customers, LeadService leads) {
        this.customers = customers;
        this.leads = leads;
    }

    List<SearchHit> search(CurrentUser user, String q, Set<String> types, int limit) {
        Set<String> customerTypes = new HashSet<>(types);
        boolean withLeads = types.isEmpty() || customerTypes.remove(LeadService.TYPE);
        List<SearchHit> hits = new ArrayList<>();
        if (types.isEmpty() || !customerTypes.isEmpty()) {
            hits.addAll(customers.search(user, q, customerTypes, limit));
        }
        if (withLeads) {
            hits.addAll(leads.search(user, q, limit));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparing(SearchHit::title, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }
}
