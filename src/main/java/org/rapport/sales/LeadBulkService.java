package org.rapport.sales;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rapport.customers.ContactLookup;
import org.rapport.customers.DuplicatePolicy;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.notifications.NotificationService;
import org.rapport.platform.AuditService;
import org.rapport.sales.LeadBulkResult.Outcome;
import org.rapport.sales.LeadBulkResult.RowOutcome;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.TimeOrderedIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many leads at once (an import) with a fixed number of statements per call: checked as single leads are,
 * matched by email against open leads, contacts and earlier rows, placed by the assignment rules when they name no
 * owner, scored, audited, their new owners notified once per call; and reverts such a batch.
 */
@Service
public class LeadBulkService {

    /** The most rows one call takes; callers split bigger inputs into chunks, one transaction each. */
    public static final int MAX_ROWS = 5_000;

    /** What one revert call did: created leads deleted, updated ones restored, and those left as they are now. */
    public record Reverted(int deleted, int restored, int kept) {

        public int total() {
            return deleted + restored + kept;
        }
    }

    private final LeadBulkRepository bulk;
    private final LeadRepository leads;
    private final LeadService service;
    private final LeadAssignment assignment;
    private final LeadScoring scoring;
    private final ContactLookup contacts;
    private final UserService users;
    private final AuditService audit;
    private final NotificationService notifications;

    LeadBulkService(LeadBulkRepository bulk, LeadRepository leads, LeadService service, LeadAssignment assignment,
                    LeadScoring scoring, ContactLookup contacts, UserService users, AuditService audit,
                    NotificationService notifications) {
        this.bulk = bulk;
        this.leads = leads;
        this.service = service;
        this.assignment = assignment;
        this.scoring = scoring;
        this.contacts = contacts;
        this.users = users;
        this.audit = audit;
        this.notifications = notifications;
    }

    /**
     * Creates, updates or skips a lead for each row, in the caller's transaction. A row whose email an open lead, a
     * contact or an earlier row has is a duplicate handled as {@code policy} says: skipped; merged into the open lead
     * (filled cells replace its values) or the earlier row, while a contact is never changed (the row is skipped); or
     * created anyway. An open lead the writer may not see is never updated. Rows that break a rule fail alone, naming
     * the field at fault.
     *
     * @param batchId groups the writes of one import so that it can be reverted
     */
    @Transactional
    public LeadBulkResult write(CurrentUser writer, UUID batchId, DuplicatePolicy policy, List<LeadBulkRow> rows) {
        LeadService.requireWriter(writer);
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("At most " + MAX_ROWS + " rows per call");
        }
        List<UserView> everyone = users.list();
        Map<String, UserView> usersByEmail = everyone.stream()
                .collect(Collectors.toMap(u -> key(u.email()), Function.identity(), (a, b) -> a));
        UserView writerView = users.find(writer.id()).orElseThrow(() -> new ForbiddenException("Unknown user"));
        Set<String> emails = rows.stream().map(LeadBulkRow::email).filter(Objects::nonNull).map(LeadBulkService::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        bulk.lockEmails(emails);
        Batch batch = new Batch(policy);
        if (policy != DuplicatePolicy.CREATE) {
            bulk.openByEmail(service.visible(writer), emails).forEach(m -> batch.open.put(m.email(), m));
            contacts.byEmail(emails).forEach((email, ids) -> {
                if (!ids.isEmpty()) {
                    batch.contactEmails.add(email);
                }
            });
            if (policy == DuplicatePolicy.UPDATE) {
                List<UUID> visible = batch.open.values().stream().filter(LeadBulkRepository.Match::visible)
                        .map(LeadBulkRepository.Match::leadId).toList();
                bulk.lock(visible);
                leads.findAll(visible).forEach(l -> batch.stored.put(l.id(), l));
            }
        }
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (LeadBulkRow row : rows) {
            UserView owner = row.ownerEmail() == null ? null : usersByEmail.get(key(row.ownerEmail()));
            if (row.ownerEmail() != null && (owner == null || !owner.active() || owner.role() == Role.PARTNER)) {
                outcomes.add(failed(row, "ownerEmail",
                        "No active internal user has the email '" + row.ownerEmail().strip() + "'"));
                continue;
            }
            outcomes.add(apply(row, owner, batch));
        }
        place(batch, writerView, everyone);
        store(writer, batchId, batch);
        return new LeadBulkResult(outcomes);
    }

    /**
     * Reverts up to {@code limit} leads of a batch in the caller's transaction: deletes those it created and restores
     * those it updated, when they have not changed since; the others are left as they are. Returns all zeros when
     * nothing of the batch is left to revert.
     */
    @Transactional
    public Reverted revert(CurrentUser user, UUID batchId, int limit) {
        LeadService.requireWriter(user);
        List<LeadBulkRepository.Write> writes = bulk.nextWrites(batchId, limit);
        if (writes.isEmpty()) {
            return new Reverted(0, 0, 0);
        }
        List<UUID> ids = writes.stream().map(LeadBulkRepository.Write::leadId).toList();
        bulk.lock(ids);
        Map<UUID, LeadView> current = byId(leads.findAll(ids));
        List<UUID> delete = new ArrayList<>();
        List<UUID> restore = new ArrayList<>();
        for (LeadBulkRepository.Write w : writes) {
            LeadView now = current.get(w.leadId());
            if (now != null && now.version() == w.versionAfter()) {
                (w.created() ? delete : restore).add(w.leadId());
            }
        }
        bulk.restore(batchId, restore);
        scoring.rescoreAll(restore);
        Map<UUID, LeadView> restored = byId(leads.findAll(restore));
        List<AuditService.RecordChange> changes = new ArrayList<>();
        delete.forEach(id -> changes.add(new AuditService.RecordChange(LeadService.ref(id), AuditService.Action.DELETE,
                LeadService.auditFields(current.get(id)), Map.of())));
        restore.forEach(id -> changes.add(new AuditService.RecordChange(LeadService.ref(id),
                AuditService.Action.UPDATE, LeadService.auditFields(current.get(id)),
                LeadService.auditFields(restored.get(id)))));
        audit.recordAll(changes);
        bulk.delete(delete);
        bulk.forget(batchId, ids);
        return new Reverted(delete.size(), restore.size(), writes.size() - delete.size() - restore.size());
    }

    /** Applies one row: a new lead, or skipped, refused or merged into the lead its email matches. */
    private RowOutcome apply(LeadBulkRow row, UserView owner, Batch batch) {
        String email = row.email() == null ? null : key(row.email());
        if (batch.policy == DuplicatePolicy.CREATE || email == null) {
            return create(row, owner, batch);
        }
        Target earlier = batch.byEmail.get(email);
        LeadBulkRepository.Match open = batch.open.get(email);
        if (earlier != null) {
            return batch.policy == DuplicatePolicy.SKIP
                    ? skipped(row, earlier.id, "Same email as an earlier row") : update(row, owner, earlier);
        }
        if (open != null) {
            if (batch.policy == DuplicatePolicy.SKIP) {
                return skipped(row, open.leadId(), "Same email as an open lead");
            }
            LeadView stored = batch.stored.get(open.leadId());
            if (stored == null) {
                return failed(row, "email", "An open lead with this email exists that you may not see");
            }
            Target target = batch.targets.computeIfAbsent(stored.id(), id -> new Target(id, stored,
                    LeadFields.of(stored)));
            batch.byEmail.put(email, target);
            return update(row, owner, target);
        }
        if (batch.contactEmails.contains(email)) {
            return skipped(row, null, batch.policy == DuplicatePolicy.SKIP ? "Same email as an existing contact"
                    : "Same email as an existing contact; importing leads does not change contacts");
        }
        return create(row, owner, batch);
    }

    private RowOutcome create(LeadBulkRow row, UserView owner, Batch batch) {
        boolean lastGiven = row.lastName() != null && !row.lastName().isBlank();
        LeadFields fields;
        try {
            fields = service.cleaned(new LeadFields(lastGiven ? row.firstName() : null,
                    lastGiven ? row.lastName() : row.firstName(), row.email(), row.phone(), row.company(),
                    row.title(), row.country(), row.source() == null ? LeadSource.IMPORT : row.source(), null,
                    LeadStatus.NEW, null, owner == null ? null : owner.id(),
                    owner == null ? null : owner.departmentId()));
        } catch (InvalidFieldException e) {
            return failed(row, e.field(), e.getMessage());
        }
        Target target = new Target(TimeOrderedIds.next(), null, fields);
        batch.targets.put(target.id, target);
        if (fields.email() != null) {
            batch.byEmail.putIfAbsent(fields.email(), target);
        }
        return new RowOutcome(row.rowNumber(), Outcome.CREATED, target.id, null, null);
    }

    /** Filled cells replace the lead's values; its email, status and what it became stay. */
    private RowOutcome update(LeadBulkRow row, UserView owner, Target target) {
        LeadFields c = target.fields;
        LeadFields merged;
        try {
            merged = service.cleaned(new LeadFields(or(row.firstName(), c.firstName()),
                    or(row.lastName(), c.lastName()), c.email(), or(row.phone(), c.phone()),
                    or(row.company(), c.company()), or(row.title(), c.title()), or(row.country(), c.country()),
                    row.source() != null ? row.source() : c.source(), c.campaignId(), c.status(),
                    c.disqualifiedReason(), owner != null ? owner.id() : c.ownerId(),
                    owner != null ? owner.departmentId() : c.departmentId()));
        } catch (InvalidFieldException e) {
            return failed(row, e.field(), e.getMessage());
        }
        target.fields = merged;
        return new RowOutcome(row.rowNumber(), Outcome.UPDATED, target.id, null, null);
    }

    /**
     * New leads without an owner go by the assignment rules, in row order; no match: the queue of the writer's
     * department. A rule that names a user who can no longer own leads leaves the lead in the queue.
     */
    private void place(Batch batch, UserView writer, List<UserView> everyone) {
        List<Target> unplaced = batch.targets.values().stream()
                .filter(t -> t.stored == null && t.fields.ownerId() == null).toList();
        if (unplaced.isEmpty()) {
            return;
        }
        Map<UUID, UserView> byId = everyone.stream().collect(Collectors.toMap(UserView::id, Function.identity()));
        List<LeadAssignment.Target> placed = assignment.assignAll(unplaced.stream().map(t -> t.fields).toList());
        for (int i = 0; i < unplaced.size(); i++) {
            LeadAssignment.Target to = placed.get(i);
            UserView owner = to.ownerId() == null ? null : byId.get(to.ownerId());
            if (owner != null && (!owner.active() || owner.role() == Role.PARTNER)) {
                owner = null;
            }
            UUID department = to.departmentId() != null ? to.departmentId()
                    : owner != null ? owner.departmentId() : writer.departmentId();
            Target target = unplaced.get(i);
            target.fields = target.fields.withOwner(owner == null ? null : owner.id(), department);
        }
    }

    private void store(CurrentUser writer, UUID batchId, Batch batch) {
        Map<UUID, LeadFields> created = new LinkedHashMap<>();
        Map<UUID, LeadFields> updated = new LinkedHashMap<>();
        for (Target t : batch.targets.values()) {
            if (t.stored == null) {
                created.put(t.id, t.fields);
            } else if (!t.fields.equals(LeadFields.of(t.stored))) {
                updated.put(t.id, t.fields);
            }
        }
        bulk.snapshot(batchId, updated.keySet());
        bulk.insert(created, writer.id());
        bulk.update(updated);
        bulk.recordCreated(batchId, created.keySet());
        List<UUID> written = new ArrayList<>(created.keySet());
        written.addAll(updated.keySet());
        scoring.rescoreAll(written);
        Map<UUID, LeadView> after = byId(leads.findAll(written));
        List<AuditService.RecordChange> changes = new ArrayList<>();
        Map<UUID, List<LeadView>> newForOwner = new LinkedHashMap<>();
        for (UUID id : written) {
            LeadView now = after.get(id);
            LeadView before = batch.targets.get(id).stored;
            changes.add(new AuditService.RecordChange(LeadService.ref(id),
                    before == null ? AuditService.Action.CREATE : AuditService.Action.UPDATE,
                    before == null ? Map.of() : LeadService.auditFields(before), LeadService.auditFields(now)));
            if (now.ownerId() != null && !now.ownerId().equals(writer.id())
                    && (before == null || !now.ownerId().equals(before.ownerId()))) {
                newForOwner.computeIfAbsent(now.ownerId(), o -> new ArrayList<>()).add(now);
            }
        }
        audit.recordAll(changes);
        newForOwner.forEach((owner, given) -> notifications.notify(owner, "LEAD_ASSIGNED",
                given.size() == 1 ? "New lead for you: " + given.getFirst().name()
                        : given.size() + " new leads for you",
                "From an import by " + writer.name(),
                given.size() == 1 ? "/leads/" + given.getFirst().id() : "/leads", null));
    }

    private static RowOutcome skipped(LeadBulkRow row, UUID leadId, String reason) {
        return new RowOutcome(row.rowNumber(), Outcome.SKIPPED, leadId, null, reason);
    }

    private static RowOutcome failed(LeadBulkRow row, String field, String reason) {
        return new RowOutcome(row.rowNumber(), Outcome.FAILED, null, field, reason);
    }

    private static Map<UUID, LeadView> byId(List<LeadView> leads) {
        Map<UUID, LeadView> byId = new HashMap<>();
        leads.forEach(l -> byId.put(l.id(), l));
        return byId;
    }

    private static String or(String given, String current) {
        return given != null && !given.isBlank() ? given : current;
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** What one call knows: the stored leads and contacts the rows' emails match, and the leads it writes. */
    private static final class Batch {
        final DuplicatePolicy policy;
        final Map<String, LeadBulkRepository.Match> open = new HashMap<>();
        final Set<String> contactEmails = new HashSet<>();
        final Map<UUID, LeadView> stored = new HashMap<>();
        final Map<UUID, Target> targets = new LinkedHashMap<>();
        final Map<String, Target> byEmail = new HashMap<>();

        Batch(DuplicatePolicy policy) {
            this.policy = policy;
        }
    }

    /** A lead rows are written to: stored ({@code stored} is how the call found it) or new in this call. */
    private static final class Target {
        final UUID id;
        final LeadView stored;
        LeadFields fields;

        Target(UUID id, LeadView stored, LeadFields fields) {
            this.id = id;
            this.stored = stored;
            this.fields = fields;
        }
    }
}
