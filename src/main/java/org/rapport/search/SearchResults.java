package org.rapport.search;

import java.util.List;
import java.util.UUID;

import org.rapport.customers.SearchHit;

/** The body of {@code GET /api/v1/search}: the hits, best first. */
record SearchResults(List<Item> items) {

    /** One hit; {@code url} is the record's page in the web UI. */
    record Item(String type, UUID id, String title, String subtitle, String url) {

        static Item of(SearchHit hit) {
            return new Item(hit.type(), hit.id(), hit.title(), hit.subtitle(), hit.url());
        }
    }

    static SearchResults of(List<SearchHit> hits) {
        return new SearchResults(hits.stream().map(Item::of).toList());
    }
}
