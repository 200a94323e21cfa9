package org.rapport.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rapport.customers.ContactBulkResult.Outcome;
import org.rapport.customers.ContactBulkResult.RowOutcome;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.platform.AuditService;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.TimeOrderedIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many contacts at once (an import) with a fixed number of statements per call, audited and owned by
 * the writer (or the row's owner); and reverts such a batch: deletes the contacts it created and restores those
 * it updated, unless they changed since.
 */
@Service
public class ContactBulkService {

    /** The most rows one call takes; callers split bigger inputs into chunks, one transaction each. */
    public static final int MAX_ROWS = 5_000;

    /** What one revert call did: created contacts deleted, updated ones restored, and those left as they are now. */
    public record Reverted(int deleted, int restored, int kept) {

        public int total() {
            return deleted + restored + kept;
        }
    }

    /** Runs the work of a write that needs no database (audit rows) beside its statements. */
    private static final Executor HELPER = Executors.newVirtualThreadPerTaskExecutor();

    /** A contact with no values: what a created contact is compared with for its consent events. */
    private static final ContactData NONE = new ContactData("", "", null, List.of(), List.of(), Map.of(), Set.of(),
            null, null, null, false, null, false, false, null, null, null, List.of(), Map.of());

    private final ContactBulkRepository repository;
    private final Visibility visibility;
    private final UserService users;
    private final AuditService audit;
    private final CustomFieldService customFields;

    ContactBulkService(ContactBulkRepository repository, Visibility visibility, UserService users, AuditService audit,
                       CustomFieldService customFields) {
        this.repository = repository;
        this.visibility = visibility;
        this.users = users;
        this.audit = audit;
        this.customFields = customFields;
    }

    /**
     * Creates, updates or skips a contact for each row, in the caller's transaction. A row that matches a stored
     * contact (or an earlier row) by one of its emails, else by one of its phones, is a duplicate handled as
     * {@code policy} says; a phone alone does not make a duplicate when both the row and the contact have emails
     * (two people sharing an office line). A stored contact the writer may not see is never updated. Rows that
     * break a rule fail alone, naming the field at fault; custom field values obey the rules of the API, and a
     * new contact needs a value for every required custom field.
     *
     * @param batchId       groups the writes of one import so that it can be reverted
     * @param consentSource recorded as the source of marketing opt-ins the rows give
     */
    @Transactional
    public ContactBulkResult write(CurrentUser writer, UUID batchId, DuplicatePolicy policy, String consentSource,
                                   List<ContactBulkRow> rows) {
        requireWriter(writer);
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("At most " + MAX_ROWS + " rows per call");
        }
        Map<String, UserView> usersByEmail = users.list().stream()
                .collect(Collectors.toMap(u -> u.email().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        UserView writerView = users.find(writer.id()).orElseThrow(() -> new ForbiddenException("Unknown user"));
        Map<String, List<UUID>> accounts = repository.visibleAccountIdsByName(
                visibility.filter(writer, "a", AccountService.TYPE),
                rows.stream().flatMap(r -> r.accountNames().stream()).map(ContactBulkService::key)
                        .collect(Collectors.toSet()));

        List<CustomFieldDefinition> definitions = customFields.definitions(ContactService.TYPE);

        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        Map<Integer, UserView> owners = new HashMap<>();
        Map<Integer, List<UUID>> accountIds = new HashMap<>();
        Map<Integer, Map<String, Object>> custom = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ContactBulkRow row = rows.get(i);
            int index = i;
            Optional<ContactBulkMerge.Violation> problem = resolveOwner(row, writerView, usersByEmail, owners, i)
                    .or(() -> resolveAccounts(row, accounts, accountIds, index))
                    .or(() -> resolveCustomFields(row, definitions, custom, index));
            if (problem.isPresent()) {
                outcomes[i] = failed(row, problem.get());
            }
        }

        Index index = new Index();
        Map<UUID, Target> targets = new LinkedHashMap<>();
        Map<UUID, ContactBulkRepository.Stored> stored = policy == DuplicatePolicy.CREATE ? Map.of()
                : indexStoredContacts(writer, policy, rows, outcomes, index, targets);
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes[i] == null) {
                Match match = policy == DuplicatePolicy.CREATE ? null : index.find(rows.get(i));
                outcomes[i] = apply(rows.get(i), match, policy,
                        new Given(owners.get(i), accountIds.get(i), custom.get(i), definitions), consentSource,
                        stored, index, targets);
            }
        }
        store(writer, batchId, targets.values(), consentSource);
        return new ContactBulkResult(List.of(outcomes));
    }

    /**
     * Reverts up to {@code limit} contacts of a batch in the caller's transaction: deletes those it created and
     * restores those it updated, when they have not changed since; the others are left as they are. Returns
     * all zeros when nothing of the batch is left to revert.
     */
    @Transactional
    public Reverted revert(CurrentUser user, UUID batchId, int limit) {
        requireWriter(user);
        List<ContactBulkRepository.Write> writes = repository.nextWrites(batchId, limit);
        if (writes.isEmpty()) {
            return new Reverted(0, 0, 0);
        }
        Map<UUID, ContactBulkRepository.Stored> current = repository.lockAndLoad(
                writes.stream().map(ContactBulkRepository.Write::contactId).toList());
        List<UUID> delete = new ArrayList<>();
        List<UUID> restore = new ArrayList<>();
        for (ContactBulkRepository.Write w : writes) {
            ContactBulkRepository.Stored now = current.get(w.contactId());
            if (now != null && now.version() == w.versionAfter()) {
                (w.created() ? delete : restore).add(w.contactId());
            }
        }
        List<AuditService.RecordChange> changes = new ArrayList<>();
        delete.forEach(id -> changes.add(new AuditService.RecordChange(ContactService.ref(id), AuditService.Action.DELETE,
                auditFields(current.get(id).data()), Map.of())));
        repository.restore(batchId, restore);
        Map<UUID, ContactBulkRepository.Stored> restored = repository.lockAndLoad(restore);
        List<ContactBulkRepository.ConsentChange> consent = new ArrayList<>();
        for (UUID id : restore) {
            ContactData before = current.get(id).data();
            ContactData after = restored.get(id).data();
            changes.add(new AuditService.RecordChange(ContactService.ref(id), AuditService.Action.UPDATE,
                    auditFields(before), auditFields(after)));
            consentChanges(id, before, after, "import undone", consent);
        }
        repository.recordConsent(consent, user.id());
        audit.recordAll(changes);
        repository.delete(delete);
        repository.forget(batchId, writes.stream().map(ContactBulkRepository.Write::contactId).toList());
        return new Reverted(delete.size(), restore.size(), writes.size() - delete.size() - restore.size());
    }

    /**
     * Puts the stored contacts that share an email or phone with the rows in the index (locking, for an update,
     * those the writer may see) and returns the ones loaded.
     */
    private Map<UUID, ContactBulkRepository.Stored> indexStoredContacts(CurrentUser writer, DuplicatePolicy policy,
                                                                         List<ContactBulkRow> rows,
                                                                         RowOutcome[] outcomes, Index index,
                                                                         Map<UUID, Target> targets) {
        repository.serializeBulkWrites();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes[i] == null) {
                rows.get(i).emails().forEach(e -> emails.add(e.address()));
                rows.get(i).phones().forEach(p -> phones.add(p.number()));
            }
        }
        Set<UUID> toLoad = new LinkedHashSet<>();
        for (ContactBulkRepository.Match m : repository.matches(visibility.filter(writer, "c", ContactService.TYPE),
                emails, phones)) {
            index.putIfAbsent(m.kind() + m.key(), targets.computeIfAbsent(m.contactId(),
                    id -> new Target(id, true, m.visible(), m.hasEmail())));
            if (m.visible() && policy == DuplicatePolicy.UPDATE) {
                toLoad.add(m.contactId());
            }
        }
        return repository.lockAndLoad(toLoad);
    }

    /** Applies one row: a new contact when it matches none, else skipped, refused or merged into its match. */
    private static RowOutcome apply(ContactBulkRow row, Match match, DuplicatePolicy policy, Given given,
                                    String consentSource, Map<UUID, ContactBulkRepository.Stored> stored, Index index,
                                    Map<UUID, Target> targets) {
        if (match == null) {
            ContactData data = ContactBulkMerge.merge(ContactBulkMerge.empty(given.owner()), row, given.accountIds(),
                    given.owner(), consentSource, given.customFields());
            Optional<ContactBulkMerge.Violation> problem = ContactBulkMerge.check(data)
                    .or(() -> CustomFieldService.missingRequired(given.definitions(), data.customFields())
                            .map(d -> new ContactBulkMerge.Violation("customFields." + d.key(), d.label() + " is required")));
            if (problem.isPresent()) {
                return failed(row, problem.get());
            }
            Target target = new Target(TimeOrderedIds.next(), false, true, false);
            target.data = data;
            targets.put(target.id, target);
            index.register(target, data);
            return new RowOutcome(row.rowNumber(), Outcome.CREATED, target.id, null, null);
        }
        Target target = match.target();
        if (policy == DuplicatePolicy.SKIP) {
            return new RowOutcome(row.rowNumber(), Outcome.SKIPPED, target.id, match.field(),
                    "Same " + match.what() + " as " + (target.stored ? "an existing contact" : "an earlier row"));
        }
        if (!target.visible) {
            return new RowOutcome(row.rowNumber(), Outcome.FAILED, null, match.field(),
                    "A contact with this " + match.what() + " exists that you may not see");
        }
        if (target.data == null) {
            ContactBulkRepository.Stored current = stored.get(target.id);
            if (current == null) {
                return new RowOutcome(row.rowNumber(), Outcome.FAILED, null, match.field(),
                        "The contact with this " + match.what() + " was deleted meanwhile");
            }
            target.original = current;
            target.data = current.data();
        }
        ContactData data = ContactBulkMerge.merge(target.data, row, given.accountIds(), given.owner(), consentSource,
                given.customFields());
        Optional<ContactBulkMerge.Violation> problem = ContactBulkMerge.check(data);
        if (problem.isPresent()) {
            return failed(row, problem.get());
        }
        target.data = data;
        index.register(target, data);
        return new RowOutcome(row.rowNumber(), Outcome.UPDATED, target.id, null, null);
    }

    private void store(CurrentUser writer, UUID batchId, Collection<Target> targets, String consentSource) {
        Map<UUID, ContactData> created = new LinkedHashMap<>();
        Map<UUID, ContactData> updated = new LinkedHashMap<>();
        List<Target> changed = new ArrayList<>();
        for (Target t : targets) {
            if (!t.stored && t.data != null) {
                created.put(t.id, t.data);
            } else if (t.original != null && !t.data.equals(t.original.data())) {
                updated.put(t.id, t.data);
                changed.add(t);
            }
        }
        // the audit rows are diffed and serialized on another thread while the statements below run
        CompletableFuture<AuditService.PreparedChanges> auditRows = CompletableFuture.supplyAsync(
                () -> audit.prepareAll(auditChanges(created, changed)), HELPER);
        List<ContactBulkRepository.ConsentChange> consent = new ArrayList<>();
        created.forEach((id, data) -> consentChanges(id, NONE, data, consentSource, consent));
        changed.forEach(t -> consentChanges(t.id, t.original.data(), t.data, consentSource, consent));

        repository.snapshot(batchId, updated.keySet());
        repository.insert(created, writer.id());
        repository.update(updated);
        Map<UUID, ContactData> all = new LinkedHashMap<>(created);
        all.putAll(updated);
        repository.replaceChildren(all, updated.keySet());
        repository.recordCreated(batchId, created.keySet());
        repository.recordConsent(consent, writer.id());
        audit.recordAll(auditRows.join());
    }

    private static List<AuditService.RecordChange> auditChanges(Map<UUID, ContactData> created, List<Target> changed) {
        List<AuditService.RecordChange> changes = new ArrayList<>(created.size() + changed.size());
        created.forEach((id, data) -> changes.add(new AuditService.RecordChange(ContactService.ref(id),
                AuditService.Action.CREATE, Map.of(), auditFields(data))));
        for (Target t : changed) {
            changes.add(new AuditService.RecordChange(ContactService.ref(t.id), AuditService.Action.UPDATE,
                    auditFields(t.original.data()), auditFields(t.data)));
        }
        return changes;
    }

    private static void consentChanges(UUID id, ContactData before, ContactData after, String source,
                                       List<ContactBulkRepository.ConsentChange> into) {
        if (before.marketingOptIn() != after.marketingOptIn()) {
            into.add(new ContactBulkRepository.ConsentChange(id, "MARKETING_OPT_IN", after.marketingOptIn(), source));
        }
        if (before.doNotCall() != after.doNotCall()) {
            into.add(new ContactBulkRepository.ConsentChange(id, "DO_NOT_CALL", after.doNotCall(), source));
        }
        if (before.doNotEmail() != after.doNotEmail()) {
            into.add(new ContactBulkRepository.ConsentChange(id, "DO_NOT_EMAIL", after.doNotEmail(), source));
        }
    }

    private static Optional<ContactBulkMerge.Violation> resolveOwner(ContactBulkRow row, UserView writer,
                                                                     Map<String, UserView> usersByEmail,
                                                                     Map<Integer, UserView> owners, int i) {
        if (row.ownerEmail() == null || row.ownerEmail().isBlank()) {
            owners.put(i, writer);
            return Optional.empty();
        }
        UserView owner = usersByEmail.get(key(row.ownerEmail()));
        if (owner == null || !owner.active() || owner.role() == Role.PARTNER) {
            return Optional.of(new ContactBulkMerge.Violation("ownerEmail",
                    "No active internal user has the email '" + row.ownerEmail().strip() + "'"));
        }
        owners.put(i, owner);
        return Optional.empty();
    }

    private static Optional<ContactBulkMerge.Violation> resolveAccounts(ContactBulkRow row,
                                                                        Map<String, List<UUID>> accounts,
                                                                        Map<Integer, List<UUID>> accountIds, int i) {
        List<UUID> ids = new ArrayList<>();
        for (String name : row.accountNames()) {
            List<UUID> found = accounts.getOrDefault(key(name), List.of());
            if (found.isEmpty()) {
                return Optional.of(new ContactBulkMerge.Violation("accountNames",
                        "No account named '" + name.strip() + "' that you can see"));
            }
            if (found.size() > 1) {
                return Optional.of(new ContactBulkMerge.Violation("accountNames",
                        found.size() + " accounts are named '" + name.strip() + "'; link this contact by hand"));
            }
            ids.add(found.getFirst());
        }
        accountIds.put(i, ids);
        return Optional.empty();
    }

    private static Optional<ContactBulkMerge.Violation> resolveCustomFields(ContactBulkRow row,
                                                                            List<CustomFieldDefinition> definitions,
                                                                            Map<Integer, Map<String, Object>> custom,
                                                                            int i) {
        try {
            custom.put(i, CustomFieldService.normalized(definitions, row.customFields(), false));
            return Optional.empty();
        } catch (InvalidFieldException e) {
            return Optional.of(new ContactBulkMerge.Violation(e.field(), e.getMessage()));
        }
    }

    private static RowOutcome failed(ContactBulkRow row, ContactBulkMerge.Violation violation) {
        return new RowOutcome(row.rowNumber(), Outcome.FAILED, null, violation.field(), violation.reason());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow changing contacts");
        }
    }

    static Map<String, Object> auditFields(ContactData c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("firstName", c.firstName());
        fields.put("lastName", c.lastName());
        fields.put("title", c.title());
        fields.put("emails", c.emails().stream().map(ContactView.Email::address).toList());
        fields.put("phones", c.phones().stream().map(ContactView.Phone::number).toList());
        fields.put("accountIds", List.copyOf(c.accounts().keySet()));
        fields.put("relationshipTypes", c.relationshipTypes());
        fields.put("lifecycleStage", c.lifecycleStage());
        fields.put("source", c.source());
        fields.put("preferences", c.preferences());
        fields.put("consent", List.of(c.marketingOptIn(), c.doNotCall(), c.doNotEmail()));
        fields.put("address", c.address());
        fields.put("ownerId", c.ownerId());
        fields.put("tags", c.tags());
        c.customFields().forEach((key, value) -> fields.put("customFields." + key, value));
        return fields;
    }

    /** A contact rows are written to: stored (and maybe invisible) or new in this call. */
    private static final class Target {
        final UUID id;
        final boolean stored;
        final boolean visible;
        private final boolean storedWithEmail;
        ContactBulkRepository.Stored original;
        ContactData data;

        Target(UUID id, boolean stored, boolean visible, boolean storedWithEmail) {
            this.id = id;
            this.stored = stored;
            this.visible = visible;
            this.storedWithEmail = storedWithEmail;
        }

        boolean hasEmail() {
            return data != null ? !data.emails().isEmpty() : storedWithEmail;
        }
    }

    /** What a row brings besides its own values: its owner, the ids of its accounts, its checked custom values. */
    private record Given(UserView owner, List<UUID> accountIds, Map<String, Object> customFields,
                         List<CustomFieldDefinition> definitions) {
    }

    /** The target a row matched, by which of its values. */
    private record Match(Target target, String field, String what) {
    }

    /** Emails ({@code e...}) and phones ({@code p...}) to the contact they belong to, stored or written in this call. */
    private static final class Index {
        private final Map<String, Target> byKey = new HashMap<>();

        void putIfAbsent(String key, Target target) {
            byKey.putIfAbsent(key, target);
        }

        void register(Target target, ContactData data) {
            data.emails().forEach(e -> byKey.putIfAbsent("e" + e.address(), target));
            data.phones().forEach(p -> byKey.putIfAbsent("p" + p.number(), target));
        }

        Match find(ContactBulkRow row) {
            for (ContactBulkRow.Email e : row.emails()) {
                Target t = byKey.get("e" + e.address());
                if (t != null) {
                    return new Match(t, "emails", "email");
                }
            }
            for (ContactBulkRow.Phone p : row.phones()) {
                Target t = byKey.get("p" + p.number());
                if (t != null && (row.emails().isEmpty() || !t.hasEmail())) {
                    return new Match(t, "phones", "phone");
                }
            }
            return null;
        }
    }
}
