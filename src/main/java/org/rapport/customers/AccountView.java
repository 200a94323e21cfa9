package org.rapport.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An account (an organization) as read by any module and returned by the API. */
public record AccountView(UUID id, String name, String domain, String industry, Set<RelationshipType> relationshipTypes,
                          LifecycleStage lifecycleStage, Integer employees, BigDecimal annualRevenue,
                          String revenueCurrency, String phone, PostalAddress billingAddress,
                          PostalAddress shippingAddress, UUID parentAccountId, List<String> tags,
                          java.util.Map<String, Object> customFields, UUID ownerId,
                          String ownerName, UUID departmentId, Instant createdAt, Instant updatedAt, int version)
        implements OwnedRecord {
}
