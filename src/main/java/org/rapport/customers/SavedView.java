package org.rapport.customers;

import java.util.UUID;

/** A saved list view: a name and the list page's query string (filters, sort, columns). */
public record SavedView(UUID id, String entity, String name, UUID ownerId, boolean shared, String query) {
}
