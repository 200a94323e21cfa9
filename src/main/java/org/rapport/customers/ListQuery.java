package org.rapport.customers;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query parameters of the account and contact list APIs.
 *
 * @param q       text anywhere in names, emails, phones or domain (accent- and case-insensitive)
 * @param cursor  the {@code nextCursor} of the previous page
 */
record ListQuery(@Size(max = 200) String q, UUID ownerId, RelationshipType relationshipType,
                 LifecycleStage lifecycleStage, @Size(max = 50) String tag,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince,
                 @Size(max = 1000) String cursor, @Min(1) @Max(200) Integer limit, ContactSort sort) {

    int pageSize() {
        return limit == null ? 50 : limit;
    }

    ListFilter filter(Map<String, Object> customFields) {
        return new ListFilter(q, ownerId, relationshipType, lifecycleStage, tag, updatedSince, customFields);
    }
}
