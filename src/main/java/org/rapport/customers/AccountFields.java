package org.rapport.customers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The editable fields of an account; {@code ownerId} null means "the caller". */
record AccountFields(String name, String domain, String industry, UUID ownerId, Set<RelationshipType> relationshipTypes,
                     LifecycleStage lifecycleStage, Integer employees, BigDecimal annualRevenue, String revenueCurrency,
                     String phone, PostalAddress billingAddress, PostalAddress shippingAddress, UUID parentAccountId,
                     List<String> tags, Map<String, Object> customFields) {

    /** Just the basics; everything else empty. */
    AccountFields(String name, String domain, String industry, UUID ownerId) {
        this(name, domain, industry, ownerId, Set.of(), null, null, null, null, null, null, null, null, List.of(), Map.of());
    }

    AccountFields withOwner(UUID newOwner) {
        return new AccountFields(name, domain, industry, newOwner, relationshipTypes, lifecycleStage, employees,
                annualRevenue, revenueCurrency, phone, billingAddress, shippingAddress, parentAccountId, tags, customFields);
    }

    AccountFields withTags(List<String> newTags) {
        return new AccountFields(name, domain, industry, ownerId, relationshipTypes, lifecycleStage, employees,
                annualRevenue, revenueCurrency, phone, billingAddress, shippingAddress, parentAccountId, newTags,
                customFields);
    }

    static AccountFields of(AccountView a) {
        return new AccountFields(a.name(), a.domain(), a.industry(), a.ownerId(), a.relationshipTypes(),
                a.lifecycleStage(), a.employees(), a.annualRevenue(), a.revenueCurrency(), a.phone(),
                a.billingAddress(), a.shippingAddress(), a.parentAccountId(), a.tags(), a.customFields());
    }
}
