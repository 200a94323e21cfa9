package org.rapport.customers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.platform.AuditService;
import org.rapport.shared.CursorPage;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PhoneNumber;
import org.rapport.shared.PreconditionFailedException;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Value;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts: validated and normalized on write (emails lower-cased, phones E.164 in the configured default region),
 * read only within the caller's visibility, every change audited and every consent change kept as history.
 */
@Service
public class ContactService {

    public static final String TYPE = "contact";

    private final ContactRepository contacts;
    private final AccountService accounts;
    private final Visibility visibility;
    private final UserService users;
    private final AuditService audit;
    private final String phoneRegion;
    private final Validator validator;
    private final CustomFieldService customFields;

    ContactService(ContactRepository contacts, AccountService accounts, Visibility visibility, UserService users,
                   AuditService audit, @Value("${rapport.phone-region:US}") String phoneRegion, Validator validator,
                   CustomFieldService customFields) {
        this.customFields = customFields;
        this.validator = validator;
        this.contacts = contacts;
        this.accounts = accounts;
        this.visibility = visibility;
        this.users = users;
        this.audit = audit;
        this.phoneRegion = phoneRegion;
    }

    public ContactView get(CurrentUser user, UUID id) {
        return contacts.find(id, visibility.filter(user, "c", TYPE)).orElseThrow(() -> new NotFoundException("Contact"));
    }

    CursorPage<ContactView> list(CurrentUser user, ListFilter filter, String cursor, int limit) {
        return list(user, filter, ContactSort.NAME, cursor, limit);
    }

    CursorPage<ContactView> list(CurrentUser user, ListFilter filter, ContactSort sort, String cursor, int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to 200");
        }
        return contacts.list(visibility.filter(user, "c", TYPE), filter, sort == null ? ContactSort.NAME : sort,
                cursor, limit);
    }

    @Transactional
    ContactView create(CurrentUser user, ContactRequest request) {
        requireWriter(user);
        ContactData data = normalize(user, request, user.id(), null);
        UUID id = contacts.insert(data, user.id());
        ContactView created = readBack(id);
        audit.created(ref(id), auditFields(created));
        recordConsentChanges(user, id, null, created, request);
        return created;
    }

    @Transactional
    ContactView update(CurrentUser user, UUID id, Integer expectedVersion, ContactRequest request) {
        ContactView before = get(user, id);
        requireWriter(user);
        if (expectedVersion == null) {
            throw new PreconditionFailedException("Send If-Match with the version (ETag) you last read", true);
        }
        if (expectedVersion != before.version()) {
            throw new PreconditionFailedException("The contact changed since version " + expectedVersion
                    + "; it is now at version " + before.version(), false);
        }
        ContactData data = normalize(user, request, before.ownerId(), before);
        if (!contacts.update(id, expectedVersion, data)) {
            throw new PreconditionFailedException("The contact changed meanwhile; read it again", false);
        }
        ContactView after = readBack(id);
        audit.updated(ref(id), auditFields(before), auditFields(after));
        recordConsentChanges(user, id, before, after, request);
        return after;
    }

    @Transactional
    void delete(CurrentUser user, UUID id) {
        ContactView before = get(user, id);
        requireWriter(user);
        contacts.delete(id);
        audit.deleted(ref(id), auditFields(before));
    }

    /** Visible contacts that share an email or phone with what is being typed, to warn before a duplicate is made. */
    List<ContactView> possibleDuplicates(CurrentUser user, List<String> rawEmails, List<String> rawPhones, UUID except) {
        List<String> emails = new ArrayList<>();
        rawEmails.forEach(raw -> {
            try {
                emails.add(EmailAddress.parse(raw).value());
            } catch (IllegalArgumentException ignored) {
                // half-typed addresses simply match nothing yet
            }
        });
        List<String> phones = new ArrayList<>();
        rawPhones.forEach(raw -> {
            try {
                phones.add(PhoneNumber.parse(raw, phoneRegion).e164());
            } catch (IllegalArgumentException ignored) {
                // likewise for half-typed numbers
            }
        });
        if (emails.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        return contacts.findByEmailsOrPhones(visibility.filter(user, "c", TYPE), emails, phones, except);
    }

    static RecordRef ref(UUID id) {
        return new RecordRef(TYPE, id);
    }

    private ContactView readBack(UUID id) {
        return contacts.find(id, org.rapport.identity.SqlFilter.UNRESTRICTED).orElseThrow();
    }

    private ContactData normalize(CurrentUser user, ContactRequest r, UUID defaultOwner, ContactView before) {
        validator.validate(r).stream().min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new InvalidFieldException(v.getPropertyPath().toString(), v.getMessage());
                });
        String first = clean(r.firstName());
        String last = clean(r.lastName());
        if (first.isEmpty() && last.isEmpty()) {
            throw new InvalidFieldException("lastName", "Enter a first or a last name");
        }
        List<ContactView.Email> emails = emails(r.emails());
        List<ContactView.Phone> phones = phones(r.phones());
        Map<UUID, String> links = new LinkedHashMap<>();
        List<UUID> accountIds = r.accountIds() == null ? List.of() : r.accountIds();
        for (int i = 0; i < accountIds.size(); i++) {
            UUID accountId = accountIds.get(i);
            if (accountId == null) {
                throw new InvalidFieldException("accountIds[" + i + "]", "must be an account id");
            }
            try {
                accounts.get(user, accountId);
            } catch (NotFoundException e) {
                throw new InvalidFieldException("accountIds[" + i + "]", "No such account");
            }
            String role = r.accountRoles() == null ? null : blankToNull(r.accountRoles().get(accountId));
            links.put(accountId, role);
        }
        if (r.accountRoles() != null) {
            for (UUID key : r.accountRoles().keySet()) {
                if (!links.containsKey(key)) {
                    throw new InvalidFieldException("accountRoles", "A role is given for an account not in accountIds");
                }
            }
        }
        UUID ownerId = r.ownerId() != null ? r.ownerId() : defaultOwner;
        UserView owner = users.find(ownerId).filter(u -> u.active() && u.role() != Role.PARTNER)
                .orElseThrow(() -> new InvalidFieldException("ownerId", "The owner must be an active internal user"));
        UUID department = before != null && owner.id().equals(before.ownerId()) ? before.departmentId()
                : owner.departmentId();
        Map<String, Object> custom = customFields.validate(TYPE, r.customFields(),
                before == null ? null : before.customFields());
        ContactRequest.PreferencesInput prefs = r.preferences();
        ContactRequest.ConsentInput consent = r.consent();
        Set<RelationshipType> types = r.relationshipTypes() == null || r.relationshipTypes().isEmpty()
                ? EnumSet.noneOf(RelationshipType.class) : EnumSet.copyOf(r.relationshipTypes());
        PostalAddress address = r.address() == null || r.address().isEmpty() ? null : r.address();
        return new ContactData(first, last, blankToNull(r.title()), emails, phones, links, types, r.lifecycleStage(),
                blankToNull(r.source()),
                new ContactView.Preferences(prefs == null ? null : prefs.preferredChannel(),
                        prefs == null ? null : blankToNull(prefs.language()),
                        prefs == null || prefs.interests() == null ? List.of() : distinct(prefs.interests())),
                consent != null && Boolean.TRUE.equals(consent.marketingOptIn()),
                consent == null ? null : blankToNull(consent.marketingOptInSource()),
                consent != null && Boolean.TRUE.equals(consent.doNotCall()),
                consent != null && Boolean.TRUE.equals(consent.doNotEmail()),
                address, owner.id(), department, r.tags() == null ? List.of() : distinct(r.tags()), custom);
    }

    private static List<ContactView.Email> emails(List<ContactRequest.EmailInput> input) {
        List<ContactView.Email> emails = new ArrayList<>();
        if (input == null) {
            return emails;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ContactRequest.EmailInput e = input.get(i);
            if (e == null) {
                throw new InvalidFieldException("emails[" + i + "]", "must be an email object");
            }
            String address;
            try {
                address = EmailAddress.parse(e.address()).value();
            } catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("emails[" + i + "].address", ex.getMessage());
            }
            if (!seen.add(address)) {
                throw new InvalidFieldException("emails[" + i + "].address", "This address is listed twice");
            }
            emails.add(new ContactView.Email(address, e.type() == null ? EmailType.WORK : e.type(),
                    Boolean.TRUE.equals(e.primary())));
        }
        return withOnePrimary(emails, ContactView.Email::primary, "emails",
                (e, p) -> new ContactView.Email(e.address(), e.type(), p));
    }

    private List<ContactView.Phone> phones(List<ContactRequest.PhoneInput> input) {
        List<ContactView.Phone> phones = new ArrayList<>();
        if (input == null) {
            return phones;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ContactRequest.PhoneInput p = input.get(i);
            if (p == null) {
                throw new InvalidFieldException("phones[" + i + "]", "must be a phone object");
            }
            String number;
            try {
                number = PhoneNumber.parse(p.number(), phoneRegion).e164();
            } catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("phones[" + i + "].number", ex.getMessage());
            }
            if (!seen.add(number)) {
                throw new InvalidFieldException("phones[" + i + "].number", "This number is listed twice");
            }
            phones.add(new ContactView.Phone(number, p.type() == null ? PhoneType.WORK : p.type(),
                    Boolean.TRUE.equals(p.primary())));
        }
        return withOnePrimary(phones, ContactView.Phone::primary, "phones",
                (ph, primary) -> new ContactView.Phone(ph.number(), ph.type(), primary));
    }

    /** None marked primary: the first becomes primary; more than one: an error. */
    private static <T> List<T> withOnePrimary(List<T> items, java.util.function.Predicate<T> primary, String field,
                                              java.util.function.BiFunction<T, Boolean, T> withPrimary) {
        long marked = items.stream().filter(primary).count();
        if (marked > 1) {
            throw new InvalidFieldException(field, "Mark only one as primary");
        }
        if (marked == 0 && !items.isEmpty()) {
            items.set(0, withPrimary.apply(items.getFirst(), true));
        }
        return items;
    }

    private void recordConsentChanges(CurrentUser user, UUID id, ContactView before, ContactView after,
                                      ContactRequest request) {
        String source = request.consent() != null && request.consent().marketingOptInSource() != null
                ? request.consent().marketingOptInSource() : "manual";
        ContactView.Consent old = before == null ? new ContactView.Consent(false, null, null, false, false) : before.consent();
        ContactView.Consent now = after.consent();
        if (old.marketingOptIn() != now.marketingOptIn()) {
            contacts.recordConsent(id, "MARKETING_OPT_IN", now.marketingOptIn(), source, user.id());
        }
        if (old.doNotCall() != now.doNotCall()) {
            contacts.recordConsent(id, "DO_NOT_CALL", now.doNotCall(), source, user.id());
        }
        if (old.doNotEmail() != now.doNotEmail()) {
            contacts.recordConsent(id, "DO_NOT_EMAIL", now.doNotEmail(), source, user.id());
        }
    }

    private static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow changing contacts");
        }
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Map<String, Object> auditFields(ContactView c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("firstName", c.firstName());
        fields.put("lastName", c.lastName());
        fields.put("title", c.title());
        fields.put("emails", c.emails().stream().map(ContactView.Email::address).toList());
        fields.put("phones", c.phones().stream().map(ContactView.Phone::number).toList());
        fields.put("accountIds", c.accountIds());
        fields.put("relationshipTypes", c.relationshipTypes());
        fields.put("lifecycleStage", c.lifecycleStage());
        fields.put("source", c.source());
        fields.put("preferences", c.preferences());
        fields.put("consent", List.of(c.consent().marketingOptIn(), c.consent().doNotCall(), c.consent().doNotEmail()));
        fields.put("address", c.address());
        fields.put("ownerId", c.ownerId());
        fields.put("tags", c.tags());
        c.customFields().forEach((key, value) -> fields.put("customFields." + key, value));
        return fields;
    }
}
