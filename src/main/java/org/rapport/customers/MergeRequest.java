package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merge as requested: the record that survives, the records merged into it and deleted, and for each chosen field
 * the id of the record whose value wins. Fields not chosen keep the survivor's value, filled from the merged records
 * when the survivor has none.
 */
record MergeRequest(UUID survivorId, List<UUID> mergedIds, Map<String, UUID> fields) {
}
