package org.rapport.customers;

import java.util.UUID;

/** One record found by {@link CustomerSearch}: what to show, where it lives, and how well it matched (0 to 1). */
public record SearchHit(String type, UUID id, String title, String subtitle, String url, double score) {
}
