package org.rapport.customers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.rapport.identity.UserView;
import org.rapport.shared.EmailAddress;

/** Applies a bulk row to a contact's values, and checks the result against the rules every stored contact obeys. */
final class ContactBulkMerge {

    static final int MAX_EMAILS = 10;
    static final int MAX_PHONES = 10;
    static final int MAX_TAGS = 30;
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** A rule the merged values break: the row's field at fault and why. */
    record Violation(String field, String reason) {
    }

    private ContactBulkMerge() {
    }

    static ContactData empty(UserView owner) {
        return new ContactData("", "", null, List.of(), List.of(), Map.of(), EnumSet.noneOf(RelationshipType.class),
                null, null, new ContactView.Preferences(null, null, List.of()), false, null, false, false, null,
                owner.id(), owner.departmentId(), List.of(), Map.of());
    }

    /**
     * The values of {@code base} with those the row gives; the row's owner takes the contact over.
     * {@code customFields} are the row's custom values, already checked and normalized.
     */
    static ContactData merge(ContactData base, ContactBulkRow row, List<UUID> accountIds, UserView owner,
                             String consentSource, Map<String, Object> customFields) {
        boolean optIn = row.marketingOptIn() != null ? row.marketingOptIn() : base.marketingOptIn();
        String optInSource = !optIn ? null : base.marketingOptIn() ? base.marketingOptInSource() : consentSource;
        Map<UUID, String> links = new LinkedHashMap<>(base.accounts());
        accountIds.forEach(id -> links.putIfAbsent(id, null));
        Set<String> tags = new LinkedHashSet<>(base.tags());
        tags.addAll(row.tags());
        return new ContactData(or(row.firstName(), base.firstName()), or(row.lastName(), base.lastName()),
                or(row.title(), base.title()),
                addNew(base.emails(), row.emails(), ContactView.Email::address,
                        e -> new ContactView.Email(e.address(), e.type() == null ? EmailType.WORK : e.type(), false),
                        (e, primary) -> new ContactView.Email(e.address(), e.type(), primary), ContactView.Email::primary),
                addNew(base.phones(), row.phones(), ContactView.Phone::number,
                        p -> new ContactView.Phone(p.number(), p.type() == null ? PhoneType.WORK : p.type(), false),
                        (p, primary) -> new ContactView.Phone(p.number(), p.type(), primary), ContactView.Phone::primary),
                links, base.relationshipTypes(),
                row.lifecycleStage() != null ? row.lifecycleStage() : base.lifecycleStage(),
                or(row.source(), base.source()), base.preferences(), optIn, optInSource,
                row.doNotCall() != null ? row.doNotCall() : base.doNotCall(),
                row.doNotEmail() != null ? row.doNotEmail() : base.doNotEmail(),
                address(base.address(), row.address()), owner.id(),
                owner.id().equals(base.ownerId()) ? base.departmentId() : owner.departmentId(),
                List.copyOf(tags), customFields(base.customFields(), customFields));
    }

    /** The stored values with the given ones; a number equal to the stored one keeps the stored form. */
    private static Map<String, Object> customFields(Map<String, Object> base, Map<String, Object> given) {
        if (given.isEmpty()) {
            return base;
        }
        Map<String, Object> merged = new LinkedHashMap<>(base);
        given.forEach((key, value) -> {
            Object old = base.get(key);
            boolean same = old instanceof Number a && value instanceof Number b
                    ? new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0
                    : value.equals(old);
            if (!same) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    static Optional<Violation> check(ContactData c) {
        if (c.firstName().isEmpty() && c.lastName().isEmpty()) {
            return violation("name", "Enter a first or a last name");
        }
        Optional<Violation> length = longer(c.firstName(), 100, "firstName")
                .or(() -> longer(c.lastName(), 100, "lastName"))
                .or(() -> longer(c.title(), 200, "title"))
                .or(() -> longer(c.source(), 100, "source"));
        if (length.isPresent()) {
            return length;
        }
        if (c.emails().size() > MAX_EMAILS) {
            return violation("emails", "A contact has at most " + MAX_EMAILS + " email addresses");
        }
        for (ContactView.Email email : c.emails()) {
            if (!validEmail(email.address())) {
                return violation("emails", "'" + email.address() + "' is not a valid email address");
            }
        }
        if (c.phones().size() > MAX_PHONES) {
            return violation("phones", "A contact has at most " + MAX_PHONES + " phone numbers");
        }
        for (ContactView.Phone phone : c.phones()) {
            if (phone.number() == null || !E164.matcher(phone.number()).matches()) {
                return violation("phones", "'" + phone.number() + "' is not a phone number in E.164 form");
            }
        }
        if (c.tags().size() > MAX_TAGS) {
            return violation("tags", "A contact has at most " + MAX_TAGS + " tags");
        }
        for (String tag : c.tags()) {
            if (tag == null || tag.isBlank() || tag.length() > 50) {
                return violation("tags", "A tag has 1 to 50 characters");
            }
            if (tag.chars().anyMatch(Character::isISOControl)) {
                return violation("tags", "A tag cannot contain control characters");
            }
        }
        PostalAddress a = c.address();
        if (a != null) {
            Optional<Violation> part = longer(a.street(), 200, "address.street")
                    .or(() -> longer(a.city(), 100, "address.city"))
                    .or(() -> longer(a.region(), 100, "address.region"))
                    .or(() -> longer(a.postalCode(), 20, "address.postalCode"));
            if (part.isPresent()) {
                return part;
            }
            if (a.country() != null && !COUNTRY.matcher(a.country()).matches()) {
                return violation("address.country", "Use a two-letter ISO country code");
            }
        }
        return Optional.empty();
    }

    private static boolean validEmail(String address) {
        try {
            return address != null && EmailAddress.parse(address).value().equals(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <T, R> List<T> addNew(List<T> base, List<R> given, Function<T, String> key, Function<R, T> create,
                                         java.util.function.BiFunction<T, Boolean, T> withPrimary,
                                         java.util.function.Predicate<T> primary) {
        List<T> merged = new ArrayList<>(base);
        Set<String> present = new LinkedHashSet<>();
        base.forEach(item -> present.add(key.apply(item)));
        for (R item : given) {
            T value = create.apply(item);
            if (present.add(key.apply(value))) {
                merged.add(value);
            }
        }
        if (!merged.isEmpty() && merged.stream().noneMatch(primary)) {
            merged.set(0, withPrimary.apply(merged.getFirst(), true));
        }
        return List.copyOf(merged);
    }

    private static PostalAddress address(PostalAddress base, PostalAddress given) {
        if (given == null) {
            return base;
        }
        PostalAddress b = base == null ? new PostalAddress(null, null, null, null, null) : base;
        PostalAddress merged = new PostalAddress(or(given.street(), b.street()), or(given.city(), b.city()),
                or(given.region(), b.region()), or(given.postalCode(), b.postalCode()), or(given.country(), b.country()));
        return merged.isEmpty() ? null : merged;
    }

    private static String or(String given, String base) {
        return given == null || given.isBlank() ? base : given.strip();
    }

    private static Optional<Violation> longer(String value, int max, String field) {
        return value != null && value.length() > max
                ? violation(field, "Use at most " + max + " characters") : Optional.empty();
    }

    private static Optional<Violation> violation(String field, String reason) {
        return Optional.of(new Violation(field, reason));
    }
}
