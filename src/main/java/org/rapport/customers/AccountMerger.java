package org.rapport.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordSharingService;
import org.rapport.identity.SqlFilter;
import org.rapport.platform.AuditService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges accounts into a survivor in one transaction: chosen fields, the union of tags and relationship types,
 * the contact links, the child accounts and the partner shares move to the survivor; the merged accounts are
 * deleted, their audit entries kept and linked to the survivor by MERGE entries.
 */
@Service
class AccountMerger {

    static final String TABLE = "accounts";
    static final List<MergeField> FIELDS = List.of(
            MergeField.text("name", "name"),
            MergeField.text("domain", "domain"),
            MergeField.text("industry", "industry"),
            MergeField.text("lifecycleStage", "lifecycle_stage"),
            MergeField.value("employees", "employees"),
            MergeField.value("annualRevenue", "annual_revenue", "revenue_currency"),
            MergeField.text("phone", "phone"),
            MergeField.value("billingAddress", "billing_address"),
            MergeField.value("shippingAddress", "shipping_address"),
            MergeField.value("parentAccountId", "parent_account_id"),
            MergeField.chosenOnly("ownerId", "owner_id", "department_id"));

    private final AccountService accounts;
    private final AccountRepository accountRows;
    private final MergeRepository merges;
    private final AccountMergeRepository moves;
    private final RecordSharingService sharing;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    AccountMerger(AccountService accounts, AccountRepository accountRows, MergeRepository merges,
                  AccountMergeRepository moves, RecordSharingService sharing, AuditService audit,
                  ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.merges = merges;
        this.moves = moves;
        this.sharing = sharing;
        this.audit = audit;
        this.events = events;
    }

    /** @param expectedVersion the survivor's version from If-Match, or null when none was sent */
    @Transactional
    AccountView merge(CurrentUser user, MergeRequest request, Integer expectedVersion) {
        MergePlan plan = MergePlan.of(request, FIELDS);
        merges.lock(TABLE, plan.all());
        plan.all().forEach(id -> accounts.get(user, id));
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow merging accounts");
        }
        AccountView survivor = accounts.get(user, plan.survivorId());
        if (expectedVersion != null && expectedVersion != survivor.version()) {
            throw new ConflictException("The survivor changed since version " + expectedVersion
                    + "; it is now at version " + survivor.version() + ". Review the merge again.");
        }
        Map<String, Object> before = moves.snapshot(plan.survivorId());
        Map<UUID, List<UUID>> linksBefore = moves.linksOfContactsAt(plan.mergedIds());
        merges.applyFields(TABLE, plan, FIELDS, List.of());
        merges.combine(TABLE, plan, List.of("tags"), List.of("relationship_types"));
        moves.moveContactLinks(plan);
        moves.moveChildAccounts(plan);
        if (moves.inCycle(plan.survivorId())) {
            throw new InvalidFieldException("fields.parentAccountId",
                    "This parent account would make the account its own ancestor; choose another");
        }
        plan.mergedIds().forEach(id -> sharing.moveAll(AccountService.ref(id), AccountService.ref(plan.survivorId())));
        moves.touch(plan.survivorId());
        merges.delete(TABLE, plan.mergedIds());
        auditContactLinks(linksBefore, moves.linksOfContactsAt(List.of(plan.survivorId())));
        audit.merged(AccountService.ref(plan.survivorId()), plan.mergedIds(), before, moves.snapshot(plan.survivorId()));
        events.publishEvent(new AccountsMerged(plan.survivorId(), plan.mergedIds()));
        return accountRows.find(plan.survivorId(), SqlFilter.UNRESTRICTED).orElseThrow();
    }

    /** Each contact that was linked to a merged account gets an UPDATE entry for its changed account links. */
    private void auditContactLinks(Map<UUID, List<UUID>> before, Map<UUID, List<UUID>> after) {
        before.forEach((contact, old) -> {
            List<UUID> now = after.getOrDefault(contact, List.of());
            if (!Objects.equals(old, now)) {
                Map<String, Object> was = new LinkedHashMap<>();
                was.put("accountIds", old);
                Map<String, Object> is = new LinkedHashMap<>();
                is.put("accountIds", now);
                audit.updated(ContactService.ref(contact), was, is);
            }
        });
    }
}
