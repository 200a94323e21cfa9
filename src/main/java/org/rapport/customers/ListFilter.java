package org.rapport.customers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.rapport.platform.Sql;

import tools.jackson.databind.json.JsonMapper;

/**
 * The filters shared by the account and contact lists (API and pages); null means "any". Every value is bound
 * as a parameter; only fixed SQL fragments are appended.
 *
 * @param q text anywhere in the name, email, phone or domain, accent- and case-insensitive
 */
record ListFilter(String q, UUID ownerId, RelationshipType relationshipType, LifecycleStage lifecycleStage, String tag,
                  Instant updatedSince, Map<String, Object> customFields) {

    ListFilter(String q, UUID ownerId, RelationshipType relationshipType, LifecycleStage lifecycleStage, String tag,
               Instant updatedSince) {
        this(q, ownerId, relationshipType, lifecycleStage, tag, updatedSince, Map.of());
    }

    static ListFilter text(String q) {
        return new ListFilter(q, null, null, null, null, null);
    }

    void appendTo(StringBuilder sql, Map<String, Object> params, String alias) {
        String a = alias + ".";
        if (q != null && !q.isBlank()) {
            sql.append(" and ").append(a).append("search_text like ('%' || rapport_search_key(:q) || '%')");
            params.put("q", Sql.escapeLike(q.strip()));
        }
        if (ownerId != null) {
            sql.append(" and ").append(a).append("owner_id = :ownerId");
            params.put("ownerId", ownerId);
        }
        if (relationshipType != null) {
            sql.append(" and ").append(a).append("relationship_types @> array[cast(:relationshipType as text)]");
            params.put("relationshipType", relationshipType.name());
        }
        if (lifecycleStage != null) {
            sql.append(" and ").append(a).append("lifecycle_stage = :lifecycleStage");
            params.put("lifecycleStage", lifecycleStage.name());
        }
        if (tag != null && !tag.isBlank()) {
            sql.append(" and ").append(a).append("tags @> array[cast(:tag as text)]");
            params.put("tag", tag.strip());
        }
        if (customFields != null && !customFields.isEmpty()) {
            sql.append(" and ").append(a).append("custom_fields @> cast(:customFilter as jsonb)");
            params.put("customFilter", JsonMapper.shared().writeValueAsString(customFields));
        }
        if (updatedSince != null) {
            sql.append(" and ").append(a).append("updated_at >= :updatedSince");
            params.put("updatedSince", updatedSince.atOffset(ZoneOffset.UTC));
        }
    }
}
