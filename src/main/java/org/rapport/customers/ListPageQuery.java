package org.rapport.customers;

import java.util.List;
import java.util.UUID;

/** The query parameters of the account and contact list pages, besides the {@code cf.<key>} filters. */
record ListPageQuery(String q, UUID ownerId, RelationshipType relationshipType, LifecycleStage lifecycleStage,
                     String tag, ContactSort sort, List<String> columns, String cursor) {
}
