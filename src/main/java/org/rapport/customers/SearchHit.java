package org.rapport.customers;

import java.util.Comparator;
import java.util.UUID;

/** One record found by {@link CustomerSearch}: what to show, where it lives, and how well it matched (0 to 1). */
public record SearchHit(String type, UUID id, String title, String subtitle, String url, double score) {

    /** Best score first, then by title, ignoring case: the order of every search's hits. */
    public static final Comparator<SearchHit> BEST_FIRST = Comparator.comparingDouble(SearchHit::score).reversed()
            .thenComparing(SearchHit::title, String.CASE_INSENSITIVE_ORDER);
}
