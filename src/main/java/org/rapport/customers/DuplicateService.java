package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Visibility;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Likely duplicates among the records the caller may see: the pairs for the duplicates page, and the warning while typing. */
@Service
class DuplicateService {

    static final int PAIR_LIMIT = 100;
    static final double TYPED_NAME_SIMILARITY = 0.6;
    private static final int MIN_TYPED_NAME = 4;
    private static final int MAX_WARNINGS = 5;

    /** A contact that may be the one being typed, and why. */
    record PossibleDuplicate(UUID id, String name, String reason) {
    }

    private final DuplicateRepository duplicates;
    private final ContactService contacts;
    private final Visibility visibility;
    private final String phoneRegion;

    DuplicateService(DuplicateRepository duplicates, ContactService contacts, Visibility visibility,
                     @Value("${rapport.phone-region:US}") String phoneRegion) {
        this.duplicates = duplicates;
        this.contacts = contacts;
        this.visibility = visibility;
        this.phoneRegion = phoneRegion;
    }

    List<DuplicatePair> contactPairs(CurrentUser user) {
        return duplicates.contactPairs(visibility.filter(user, "c", ContactService.TYPE), PAIR_LIMIT);
    }

    List<DuplicatePair> accountPairs(CurrentUser user) {
        return duplicates.accountPairs(visibility.filter(user, "a", AccountService.TYPE), PAIR_LIMIT);
    }

    /**
     * Visible contacts sharing an email or a phone with what is being typed, or with a similar name; half-typed
     * values match nothing. {@code except} is the contact being edited.
     */
    List<PossibleDuplicate> whileTyping(CurrentUser user, List<String> emails, List<String> phones, String firstName,
                                        String lastName, UUID except) {
        Map<UUID, PossibleDuplicate> found = new LinkedHashMap<>();
        List<String> typedEmails = emails.stream().map(this::email).filter(Objects::nonNull).toList();
        List<String> typedPhones = phones.stream().map(this::phone).filter(Objects::nonNull).toList();
        for (ContactView c : contacts.possibleDuplicates(user, emails, phones, except)) {
            boolean sameEmail = c.emails().stream().anyMatch(e -> typedEmails.contains(e.address()));
            boolean samePhone = c.phones().stream().anyMatch(p -> typedPhones.contains(p.number()));
            String reason = sameEmail && samePhone ? "same email and phone" : sameEmail ? "same email" : "same phone";
            found.put(c.id(), new PossibleDuplicate(c.id(), c.displayName(), reason));
        }
        String name = (clean(firstName) + " " + clean(lastName)).strip();
        if (name.length() >= MIN_TYPED_NAME) {
            for (DuplicateRepository.NameMatch m : duplicates.similarNames(visibility.filter(user, "c", ContactService.TYPE),
                    name, TYPED_NAME_SIMILARITY, except, MAX_WARNINGS)) {
                found.putIfAbsent(m.id(), new PossibleDuplicate(m.id(), m.name().strip(),
                        m.similarity() >= 0.999 ? "same name" : "similar name"));
            }
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(found.size(), MAX_WARNINGS));
    }

    private String email(String raw) {
        try {
            return EmailAddress.parse(raw).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String phone(String raw) {
        try {
            return PhoneNumber.parse(raw, phoneRegion).e164();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
