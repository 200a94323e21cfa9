package org.rapport.customers;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;

/** The account form's fields as posted; numbers arrive as text so that bad input gets a message, not a 400 page. */
record AccountForm(String name, String domain, String industry, UUID ownerId, Set<RelationshipType> relationshipTypes,
                   LifecycleStage lifecycleStage, String employees, String annualRevenue, String revenueCurrency,
                   String phone, String billingStreet, String billingCity, String billingRegion, String billingPostalCode,
                   String billingCountry, String shippingStreet, String shippingCity, String shippingRegion,
                   String shippingPostalCode, String shippingCountry, UUID parentAccountId, String tags,
                   Map<String, String> customFields, Integer version) {

    static AccountForm empty(UUID ownerId) {
        return of(new AccountFields("", "", "", ownerId), null);
    }

    static AccountForm of(AccountFields f, Integer version) {
        PostalAddress b = f.billingAddress() == null ? new PostalAddress(null, null, null, null, null) : f.billingAddress();
        PostalAddress s = f.shippingAddress() == null ? new PostalAddress(null, null, null, null, null) : f.shippingAddress();
        return new AccountForm(f.name(), f.domain(), f.industry(), f.ownerId(), f.relationshipTypes(), f.lifecycleStage(),
                f.employees() == null ? "" : f.employees().toString(),
                f.annualRevenue() == null ? "" : f.annualRevenue().stripTrailingZeros().toPlainString(),
                f.revenueCurrency(), f.phone(), b.street(), b.city(), b.region(), b.postalCode(), b.country(),
                s.street(), s.city(), s.region(), s.postalCode(), s.country(), f.parentAccountId(),
                String.join(", ", f.tags()), CustomFieldValues.asText(f.customFields()), version);
    }

    public Set<RelationshipType> types() {
        return relationshipTypes == null ? Set.of() : relationshipTypes;
    }

    AccountFields toFields() {
        return new AccountFields(name, domain, industry, ownerId, types(), lifecycleStage,
                integer("employees", employees), decimal("annualRevenue", annualRevenue), revenueCurrency, phone,
                address("billingAddress", billingStreet, billingCity, billingRegion, billingPostalCode, billingCountry),
                address("shippingAddress", shippingStreet, shippingCity, shippingRegion, shippingPostalCode, shippingCountry),
                parentAccountId, tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList(), CustomFieldValues.fromForm(customFields));
    }

    private static Integer integer(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "Enter a whole number");
        }
    }

    private static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "Enter an amount such as 1250000.50");
        }
    }

    private static PostalAddress address(String field, String street, String city, String region, String postalCode,
                                         String country) {
        String code = country == null || country.isBlank() ? null : country.strip().toUpperCase();
        if (code != null && !code.matches("[A-Z]{2}")) {
            throw new InvalidFieldException(field + ".country", "Use a two-letter ISO country code such as US");
        }
        return new PostalAddress(blank(street), blank(city), blank(region), blank(postalCode), code);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
