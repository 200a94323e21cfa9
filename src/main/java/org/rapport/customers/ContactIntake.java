package org.rapport.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in people who identify themselves through a public channel (a web form), matched by email: a new address
 * creates a contact through the usual validation; a known one fills in what the contact lacks and adds a new phone,
 * but never overwrites what is stored, since anyone can type anyone's address.
 */
@Service
public class ContactIntake {

    /**
     * What a person submitted; blank values are not given. Errors name these components.
     *
     * @param marketingOptIn true when the person opted in; false changes nothing (it never withdraws an opt-in)
     * @param consentSource  recorded with an opt-in, e.g. {@code web form: Contact us}
     * @param source         the new contact's source, e.g. {@code Web form: Contact us}
     * @param ownerId        the owner of a new contact
     * @param departmentId   the department of a new contact; null for the owner's
     */
    public record Submission(String email, String firstName, String lastName, String title, String phone,
                             boolean marketingOptIn, String consentSource, String source, UUID ownerId,
                             UUID departmentId) {
    }

    /** The contact the submission created or matched. */
    public record Result(UUID contactId, boolean created) {
    }

    private final ContactService contacts;
    private final AccountService accounts;
    private final ContactLookup lookup;
    private final JdbcClient jdbc;
    private final String phoneRegion;

    ContactIntake(ContactService contacts, AccountService accounts, ContactLookup lookup, JdbcClient jdbc,
                  @Value("${rapport.phone-region:US}") String phoneRegion) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.lookup = lookup;
        this.jdbc = jdbc;
        this.phoneRegion = phoneRegion;
    }

    @Transactional
    public Result submit(Submission s) {
        String email;
        try {
            email = EmailAddress.parse(s.email()).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("email", e.getMessage());
        }
        String phone = null;
        if (!blank(s.phone())) {
            try {
                phone = PhoneNumber.parse(s.phone(), phoneRegion).e164();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("phone", e.getMessage());
            }
        }
        requireLength("firstName", s.firstName(), 100);
        requireLength("lastName", s.lastName(), 100);
        requireLength("title", s.title(), 200);
        // two submissions of one new address at once must not create two contacts
        jdbc.sql("select pg_advisory_xact_lock(hashtext('contact-intake:' || :email))").param("email", email)
                .query((rs, n) -> 1).list();
        List<UUID> known = lookup.byEmail(List.of(email)).getOrDefault(email, List.of());
        if (known.isEmpty()) {
            return new Result(contacts.createUnattended(newContact(s, email, phone), s.departmentId()).id(), true);
        }
        ContactView current = contacts.readBack(known.getFirst());
        ContactRequest before = ContactRequest.from(current);
        ContactRequest after = filledIn(before, s, phone);
        if (!after.equals(before)) {
            contacts.updateUnattended(current.id(), current.version(), after);
        }
        return new Result(current.id(), false);
    }

    /**
     * A lead becoming a customer. Names the existing contact to merge into, or null to create one; the existing
     * account to link, or null to create one named {@code company} (none when {@code company} is blank too).
     */
    public record Conversion(String firstName, String lastName, String title, String email, String phone,
                             String company, String source, UUID ownerId, UUID existingContactId,
                             UUID existingAccountId) {
    }

    /** What the conversion created or linked. */
    public record Converted(UUID contactId, UUID accountId, boolean contactCreated, boolean accountCreated) {
    }

    /**
     * Creates or links the contact and account of a converted lead, as {@code user} (who must see the existing
     * contact and account they name), through the usual validation; an existing contact only gains the account link.
     */
    @Transactional
    public Converted convert(CurrentUser user, Conversion c) {
        UUID accountId = c.existingAccountId();
        boolean accountCreated = false;
        if (accountId != null) {
            accountId = accounts.get(user, accountId).id();
        } else if (!blank(c.company())) {
            accountId = accounts.create(user, new AccountFields(c.company().strip(), null, null, c.ownerId())).id();
            accountCreated = true;
        }
        List<UUID> accountIds = accountId == null ? List.of() : List.of(accountId);
        if (c.existingContactId() != null) {
            ContactView current = contacts.get(user, c.existingContactId());
            ContactRequest before = ContactRequest.from(current);
            if (accountId != null && !before.accountIds().contains(accountId)) {
                List<UUID> linked = new ArrayList<>(before.accountIds());
                linked.add(accountId);
                contacts.update(user, current.id(), current.version(), new ContactRequest(before.firstName(),
                        before.lastName(), before.title(), before.emails(), before.phones(), linked,
                        before.accountRoles(), before.relationshipTypes(), before.lifecycleStage(), before.source(),
                        before.preferences(), before.consent(), before.address(), before.ownerId(), before.tags(),
                        before.customFields()));
            }
            return new Converted(current.id(), accountId, false, accountCreated);
        }
        ContactRequest request = new ContactRequest(c.firstName(), c.lastName(), c.title(),
                blank(c.email()) ? List.of() : List.of(new ContactRequest.EmailInput(c.email(), null, true)),
                blank(c.phone()) ? List.of() : List.of(new ContactRequest.PhoneInput(c.phone(), null, true)),
                accountIds, null, null, LifecycleStage.OPPORTUNITY, c.source(), null, null, null, c.ownerId(), null,
                null);
        return new Converted(contacts.create(user, request).id(), accountId, true, accountCreated);
    }

    private static ContactRequest newContact(Submission s, String email, String phone) {
        boolean named = !blank(s.firstName()) || !blank(s.lastName());
        return new ContactRequest(s.firstName(), named ? s.lastName() : email, s.title(),
                List.of(new ContactRequest.EmailInput(email, null, true)),
                phone == null ? List.of() : List.of(new ContactRequest.PhoneInput(phone, null, true)), null, null, null,
                LifecycleStage.LEAD, s.source(), null,
                new ContactRequest.ConsentInput(s.marketingOptIn(), s.marketingOptIn() ? s.consentSource() : null,
                        false, false),
                null, s.ownerId(), null, null);
    }

    /** The stored contact with what it lacks filled in from the submission. */
    private static ContactRequest filledIn(ContactRequest c, Submission s, String phone) {
        List<ContactRequest.PhoneInput> phones = new ArrayList<>(c.phones());
        if (phone != null && phones.size() < 10 && phones.stream().noneMatch(p -> p.number().equals(phone))) {
            phones.add(new ContactRequest.PhoneInput(phone, null, false));
        }
        ContactRequest.ConsentInput consent = c.consent();
        if (s.marketingOptIn() && !Boolean.TRUE.equals(consent.marketingOptIn())) {
            consent = new ContactRequest.ConsentInput(true, s.consentSource(), consent.doNotCall(),
                    consent.doNotEmail());
        }
        return new ContactRequest(blank(c.firstName()) ? s.firstName() : c.firstName(),
                blank(c.lastName()) ? s.lastName() : c.lastName(), blank(c.title()) ? s.title() : c.title(),
                c.emails(), phones, c.accountIds(), c.accountRoles(), c.relationshipTypes(), c.lifecycleStage(),
                c.source(), c.preferences(), consent, c.address(), c.ownerId(), c.tags(), c.customFields());
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidFieldException(field, "Keep it under " + max + " characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
