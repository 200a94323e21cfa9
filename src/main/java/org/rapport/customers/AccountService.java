package org.rapport.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordSharingService;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: every read goes through the caller's visibility rule (an invisible account is "not found"),
 * every write needs a role that may write, and every change is audited.
 */
@Service
public class AccountService {

    static final String TYPE = "account";

    private final AccountRepository accounts;
    private final Visibility visibility;
    private final UserService users;
    private final AuditService audit;
    private final RecordSharingService sharing;

    AccountService(AccountRepository accounts, Visibility visibility, UserService users, AuditService audit,
                   RecordSharingService sharing) {
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
        if (limit < 1 || limit > 200) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to 200");
        }
        if (q != null && q.length() > 200) {
            throw new InvalidFieldException("q", "Search for at most 200 characters");
        }
        return accounts.list(visibility.filter(user, "a", TYPE), q, cursor, limit);
    }

    @Transactional
    public AccountView create(CurrentUser user, AccountFields fields) {
        requireWriter(user);
        AccountFields clean = clean(fields, user.id());
        UserView owner = requireOwner(clean.ownerId());
        UUID id = accounts.insert(clean, owner.id(), owner.departmentId(), user.id());
        AccountView created = accounts.find(id, visibility.filter(adminView(user), "a", TYPE)).orElseThrow();
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
        AccountFields clean = clean(change, before.ownerId());
        UserView owner = requireOwner(clean.ownerId());
        UUID department = owner.id().equals(before.ownerId()) ? before.departmentId() : owner.departmentId();
        if (!accounts.update(id, expectedVersion, clean, department)) {
            throw new PreconditionFailedException("The account changed meanwhile; read it again", false);
        }
        AccountView after = accounts.find(id, visibility.filter(adminView(user), "a", TYPE)).orElseThrow();
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

    private static AccountFields clean(AccountFields fields, UUID defaultOwner) {
        String name = fields.name() == null ? "" : fields.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidFieldException("name", "Enter a name of 1 to 200 characters");
        }
        String domain = blankToNull(fields.domain());
        if (domain != null) {
            domain = domain.toLowerCase().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
            if (domain.length() > 253 || !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new InvalidFieldException("domain", "Enter a domain such as example.com");
            }
        }
        String industry = blankToNull(fields.industry());
        if (industry != null && industry.length() > 100) {
            throw new InvalidFieldException("industry", "Use at most 100 characters");
        }
        return new AccountFields(name, domain, industry, fields.ownerId() != null ? fields.ownerId() : defaultOwner);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Reads back a row just written by this caller, whose new owner may put it out of the caller's sight. */
    private static CurrentUser adminView(CurrentUser user) {
        return new CurrentUser(user.id(), user.email(), user.name(), Role.ADMIN, user.departmentId(), user.scopes());
    }

    private static Map<String, Object> auditFields(AccountView a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", a.name());
        fields.put("domain", a.domain());
        fields.put("industry", a.industry());
        fields.put("ownerId", a.ownerId());
        fields.put("departmentId", a.departmentId());
        return fields;
    }
}
