package org.rapport.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordSharingService;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.platform.AuditService;
import org.rapport.shared.CursorPage;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PreconditionFailedException;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.rapport.shared.PhoneNumber;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: every read goes through the caller's visibility rule (an invisible account is "not found"),
 * every write needs a role that may write, and every change is audited.
 */
@Service
public class AccountService {

    public static final String TYPE = "account";

    private final AccountRepository accounts;
    private final Visibility visibility;
    private final UserService users;
    private final AuditService audit;
    private final RecordSharingService sharing;
    private final String phoneRegion;
    private final String defaultCurrency;
    private final CustomFieldService customFields;

    AccountService(AccountRepository accounts, Visibility visibility, UserService users, AuditService audit,
                   RecordSharingService sharing, @Value("${rapport.phone-region:US}") String phoneRegion,
                   @Value("${rapport.currency:USD}") String defaultCurrency, CustomFieldService customFields) {
        this.customFields = customFields;
        this.phoneRegion = phoneRegion;
        this.defaultCurrency = defaultCurrency;
        this.accounts = accounts;
        this.visibility = visibility;
        this.users = users;
        this.audit = audit;
        this.sharing = sharing;
    }

    public AccountView get(CurrentUser user, UUID id) {
        return accounts.find(id, visibility.filter(user, "a", TYPE)).orElseThrow(() -> new NotFoundException("Account"));
    }

    /** The accounts among {@code ids} that the caller may see, in the given order. */
    public List<AccountView> visibleAmong(CurrentUser user, List<UUID> ids) {
        return ids.stream().map(id -> accounts.find(id, visibility.filter(user, "a", TYPE)))
                .flatMap(java.util.Optional::stream).toList();
    }

    public CursorPage<AccountView> list(CurrentUser user, String q, String cursor, int limit) {
        return list(user, ListFilter.text(q), cursor, limit);
    }

    CursorPage<AccountView> list(CurrentUser user, ListFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to 200");
        }
        if (filter.q() != null && filter.q().length() > 200) {
            throw new InvalidFieldException("q", "Search for at most 200 characters");
        }
        return accounts.list(visibility.filter(user, "a", TYPE), filter, cursor, limit);
    }

    @Transactional
    public AccountView create(CurrentUser user, AccountFields fields) {
        requireWriter(user);
        AccountFields clean = clean(fields, user.id(), null);
        requireVisibleParent(user, clean.parentAccountId());
        UserView owner = requireOwner(clean.ownerId());
        UUID id = accounts.insert(clean, owner.id(), owner.departmentId(), user.id());
        AccountView created = accounts.find(id, SqlFilter.UNRESTRICTED).orElseThrow();
        audit.created(ref(id), auditFields(created));
        return created;
    }

    /**
     * Applies {@code change} (already merged onto the current values by the caller) when {@code expectedVersion}
     * still matches; a null version means the caller did not send If-Match.
     */
    @Transactional
    public AccountView update(CurrentUser user, UUID id, Integer expectedVersion, AccountFields change) {
        AccountView before = get(user, id);
        requireWriter(user);
        if (expectedVersion == null) {
            throw new PreconditionFailedException("Send If-Match with the version (ETag) you last read", true);
        }
        if (expectedVersion != before.version()) {
            throw new PreconditionFailedException("The account changed since version " + expectedVersion
                    + "; it is now at version " + before.version(), false);
        }
        AccountFields clean = clean(change, before.ownerId(), before);
        if (clean.parentAccountId() != null && !clean.parentAccountId().equals(before.parentAccountId())) {
            requireVisibleParent(user, clean.parentAccountId());
        }
        UserView owner = requireOwner(clean.ownerId());
        UUID department = owner.id().equals(before.ownerId()) ? before.departmentId() : owner.departmentId();
        if (!accounts.update(id, expectedVersion, clean, department)) {
            throw new PreconditionFailedException("The account changed meanwhile; read it again", false);
        }
        AccountView after = accounts.find(id, SqlFilter.UNRESTRICTED).orElseThrow();
        audit.updated(ref(id), auditFields(before), auditFields(after));
        return after;
    }

    @Transactional
    public void delete(CurrentUser user, UUID id) {
        AccountView before = get(user, id);
        requireWriter(user);
        sharing.removeAll(ref(id));
        accounts.delete(id);
        audit.deleted(ref(id), auditFields(before));
    }

    public List<UserView> sharedWith(CurrentUser user, UUID id) {
        get(user, id);
        return sharing.sharedWith(ref(id));
    }

    @Transactional
    public void share(CurrentUser user, UUID id, UUID partnerId) {
        get(user, id);
        requireWriter(user);
        UserView partner = users.find(partnerId).filter(u -> u.active() && u.role() == Role.PARTNER)
                .orElseThrow(() -> new InvalidFieldException("userId", "Choose an active partner user"));
        sharing.share(user, ref(id), partner.id());
    }

    @Transactional
    public void unshare(CurrentUser user, UUID id, UUID partnerId) {
        get(user, id);
        requireWriter(user);
        sharing.unshare(ref(id), partnerId);
    }

    private void requireVisibleParent(CurrentUser user, UUID parentId) {
        if (parentId != null && accounts.find(parentId, visibility.filter(user, "a", TYPE)).isEmpty()) {
            throw new InvalidFieldException("parentAccountId", "No such account");
        }
    }

    /** The contacts of an account that the caller may see. */
    public List<AccountRepository.ContactLink> contacts(CurrentUser user, UUID accountId) {
        get(user, accountId);
        return accounts.contactsOf(accountId, visibility.filter(user, "c", ContactService.TYPE));
    }

    static RecordRef ref(UUID id) {
        return new RecordRef(TYPE, id);
    }

    private static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow changing accounts");
        }
    }

    private UserView requireOwner(UUID ownerId) {
        return users.find(ownerId).filter(u -> u.active() && u.role() != Role.PARTNER)
                .orElseThrow(() -> new InvalidFieldException("ownerId", "The owner must be an active internal user"));
    }

    private AccountFields clean(AccountFields fields, UUID defaultOwner, AccountView current) {
        UUID self = current == null ? null : current.id();
        String name = fields.name() == null ? "" : fields.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidFieldException("name", "Enter a name of 1 to 200 characters");
        }
        String domain = blankToNull(fields.domain());
        if (domain != null) {
            domain = domain.toLowerCase().replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/.*$", "");
            if (domain.length() > 253 || !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new InvalidFieldException("domain", "Enter a domain such as example.com");
            }
        }
        String industry = blankToNull(fields.industry());
        if (industry != null && industry.length() > 100) {
            throw new InvalidFieldException("industry", "Use at most 100 characters");
        }
        if (fields.employees() != null && fields.employees() < 0) {
            throw new InvalidFieldException("employees", "Cannot be negative");
        }
        java.math.BigDecimal revenue = fields.annualRevenue();
        String currency = blankToNull(fields.revenueCurrency());
        if (revenue != null) {
            if (revenue.signum() < 0 || revenue.scale() > 4 || revenue.precision() - revenue.scale() > 15) {
                throw new InvalidFieldException("annualRevenue", "Enter an amount of at least 0 with at most 4 decimals");
            }
            currency = currency == null ? defaultCurrency : currency.toUpperCase();
            try {
                java.util.Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("revenueCurrency", "Use an ISO 4217 currency code such as USD");
            }
        } else {
            currency = null;
        }
        String phone = blankToNull(fields.phone());
        if (phone != null) {
            try {
                phone = PhoneNumber.parse(phone, phoneRegion).e164();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("phone", e.getMessage());
            }
        }
        UUID parent = fields.parentAccountId();
        if (parent != null) {
            if (self != null && accounts.selfAndAncestors(parent).contains(self)) {
                throw new InvalidFieldException("parentAccountId", "An account cannot be its own parent or ancestor");
            }
        }
        List<String> tags = fields.tags() == null ? List.of()
                : fields.tags().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (tags.size() > 30 || tags.stream().anyMatch(t -> t.length() > 50)) {
            throw new InvalidFieldException("tags", "Use at most 30 tags of at most 50 characters");
        }
        Map<String, Object> custom = customFields.validate(TYPE, fields.customFields(), current == null ? null : current.customFields());
        return new AccountFields(name, domain, industry, fields.ownerId() != null ? fields.ownerId() : defaultOwner,
                fields.relationshipTypes() == null ? java.util.Set.of() : fields.relationshipTypes(),
                fields.lifecycleStage(), fields.employees(), revenue, currency, phone, emptyToNull(fields.billingAddress()),
                emptyToNull(fields.shippingAddress()), parent, tags, custom);
    }

    private static PostalAddress emptyToNull(PostalAddress address) {
        return address == null || address.isEmpty() ? null : address;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, Object> auditFields(AccountView a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", a.name());
        fields.put("domain", a.domain());
        fields.put("industry", a.industry());
        fields.put("relationshipTypes", a.relationshipTypes());
        fields.put("lifecycleStage", a.lifecycleStage());
        fields.put("employees", a.employees());
        fields.put("annualRevenue", a.annualRevenue() == null ? null : a.annualRevenue().toPlainString() + " " + a.revenueCurrency());
        fields.put("phone", a.phone());
        fields.put("billingAddress", a.billingAddress());
        fields.put("shippingAddress", a.shippingAddress());
        fields.put("parentAccountId", a.parentAccountId());
        fields.put("tags", a.tags());
        a.customFields().forEach((key, value) -> fields.put("customFields." + key, value));
        fields.put("ownerId", a.ownerId());
        fields.put("departmentId", a.departmentId());
        return fields;
    }
}
