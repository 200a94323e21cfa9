package org.rapport.platform;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.rapport.shared.Actor;
import org.rapport.shared.RecordRef;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every module records each change to a business record here, inside the transaction
 * that makes the change, as who, when, which record, and each changed field's old and new value.
 */
@Service
public class AuditService {

    /** What happened to the record. */
    public enum Action { CREATE, UPDATE, DELETE, MERGE, ERASE }

    /** The change that names, on a survivor's MERGE entry, the ids merged into it. */
    public static final String MERGED_IDS = "mergedIds";

    /** The change that names, on a merged-away record's MERGE entry, the record it was merged into. */
    public static final String MERGED_INTO = "mergedInto";

    /** What replaces a personal value in the entries of an erased record. */
    public static final String ERASED = "(erased)";

    /** One field's value before and after the change; either side is null for a create or a delete. */
    public record Change(Object oldValue, Object newValue) {
    }

    /** One audit row as read back. */
    public record Entry(long id, Instant occurredAt, UUID actorId, String recordType, UUID recordId, Action action,
                        Map<String, Change> changes) {
    }

    /** Filters for browsing; null means "any". {@code beforeId} is the keyset cursor. */
    public record Query(UUID actorId, String recordType, UUID recordId, Instant from, Instant to, Long beforeId,
                        int limit) {
    }

    /** One record's change in a batch written by {@link #recordAll}; {@code before} is empty for a create. */
    public record RecordChange(RecordRef record, Action action, Map<String, ?> before, Map<String, ?> after) {
    }

    private final AuditRepository repository;

    AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(RecordRef record, Map<String, ?> fields) {
        write(record, Action.CREATE, diff(Map.of(), fields));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(RecordRef record, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> changes = diff(before, after);
        if (!changes.isEmpty()) {
            write(record, Action.UPDATE, changes);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(RecordRef record, Map<String, ?> fields) {
        write(record, Action.DELETE, diff(fields, Map.of()));
    }

    /**
     * Records that {@code mergedIds} were merged into {@code survivor}: a MERGE entry on the survivor with its changed
     * fields and the merged ids, and one on each merged-away id naming the survivor. The older entries stay as they are.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void merged(RecordRef survivor, List<UUID> mergedIds, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> changes = diff(before, after);
        changes.put(MERGED_IDS, new Change(null, mergedIds.stream().map(UUID::toString).toList()));
        write(survivor, Action.MERGE, changes);
        for (UUID id : mergedIds) {
            write(new RecordRef(survivor.type(), id), Action.MERGE,
                    Map.of(MERGED_INTO, new Change(null, survivor.id().toString())));
        }
    }

    /**
     * Records an erasure of personal data: first replaces the values of {@code personalFields} with {@value #ERASED}
     * in every entry of the record and of the records merged into it, then writes an ERASE entry naming those fields.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erased(RecordRef record, Collection<String> personalFields) {
        repository.redact(record.type(), withMerged(record), List.copyOf(personalFields));
        write(record, Action.ERASE, Map.of("erasedFields", new Change(null, personalFields.stream().sorted().toList())));
    }

    /** The record's id and the ids of every record merged into it, directly or through earlier merges. */
    public Set<UUID> withMerged(RecordRef record) {
        return repository.mergedInto(record.type(), record.id());
    }

    /** Newest first: the entries of the record and of every record merged into it. */
    public List<Entry> historyWithMerged(RecordRef record, int limit) {
        return repository.history(record.type(), withMerged(record), Math.clamp(limit, 1, 500));
    }

    /**
     * Writes the audit rows of many changes (an import, a bulk edit) with one statement;
     * an update that changes nothing writes no row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<RecordChange> changes) {
        recordAll(prepareAll(changes));
    }

    /**
     * The audit rows of many changes, each diffed and serialized, ready for {@link #recordAll(PreparedChanges)}.
     * Reads nothing and writes nothing, so a bulk write may prepare them on another thread while it runs its
     * statements.
     */
    public PreparedChanges prepareAll(List<RecordChange> changes) {
        List<AuditRepository.Row> rows = new java.util.ArrayList<>(changes.size());
        for (RecordChange change : changes) {
            Map<String, Change> diff = diff(change.before(), change.after());
            if (change.action() != Action.UPDATE || !diff.isEmpty()) {
                rows.add(new AuditRepository.Row(change.record(), change.action(), diff));
            }
        }
        return new PreparedChanges(repository.serialized(rows));
    }

    /** Writes rows made by {@link #prepareAll} with one statement, as the current user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(PreparedChanges changes) {
        if (!changes.rows.isEmpty()) {
            repository.insertAll(currentActor(), changes.rows);
        }
    }

    /** Audit rows diffed and serialized by {@link #prepareAll}, not written yet. */
    public static final class PreparedChanges {
        private final List<AuditRepository.SerializedRow> rows;

        private PreparedChanges(List<AuditRepository.SerializedRow> rows) {
            this.rows = rows;
        }
    }

    public List<Entry> search(Query query) {
        return repository.search(query);
    }

    public List<Entry> history(RecordRef record, int limit) {
        return repository.search(new Query(null, record.type(), record.id(), null, null, null, limit));
    }

    private void write(RecordRef record, Action action, Map<String, Change> changes) {
        repository.insert(currentActor(), record, action, changes);
    }

    static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        before.forEach((field, old) -> {
            Object now = after.containsKey(field) ? after.get(field) : null;
            if (!Objects.equals(plain(old), plain(now))) {
                changes.put(field, new Change(plain(old), plain(now)));
            }
        });
        after.forEach((field, now) -> {
            if (!before.containsKey(field) && now != null) {
                changes.put(field, new Change(null, plain(now)));
            }
        });
        return changes;
    }

    private static Object plain(Object value) {
        return value instanceof Number || value instanceof Boolean || value == null ? value : value.toString();
    }

    private static UUID currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor.userId() : null;
    }
}
