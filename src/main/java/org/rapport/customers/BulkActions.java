package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PreconditionFailedException;
import org.springframework.stereotype.Service;

/**
 * Bulk actions on selected accounts or contacts: assign an owner, add a tag, delete. Each record goes through its
 * normal service (visibility, permission, validation, audit); ones the caller cannot see or that changed meanwhile
 * are skipped.
 */
@Service
class BulkActions {

    static final int MAX = 500;

    /** What happened: how many records were changed and how many were skipped. */
    record Outcome(int done, int skipped) {
    }

    /** Saves a record with a new owner and tags. */
    private interface Update<T> {
        void save(UUID id, T record, UUID owner, List<String> tags);
    }

    /** How bulk actions read, change and delete one kind of record. */
    private record Kind<T extends OwnedRecord>(Function<UUID, T> get, Update<T> update, Consumer<UUID> delete) {

        /** Gives the record a new owner and/or one more tag (null: keep); saves only when that changes something. */
        void change(UUID id, UUID owner, String tag) {
            T record = get.apply(id);
            List<String> tags = withTag(record.tags(), tag);
            if (tags != null || owner != null) {
                update.save(id, record, owner != null ? owner : record.ownerId(), tags != null ? tags : record.tags());
            }
        }
    }

    private final ContactService contacts;
    private final AccountService accounts;

    BulkActions(ContactService contacts, AccountService accounts) {
        this.contacts = contacts;
        this.accounts = accounts;
    }

    /** Runs {@code action} (assign, tag or delete) on the records of the list with these ids. */
    Outcome run(CurrentUser user, RecordList list, String action, List<UUID> ids, UUID ownerId, String tag) {
        Kind<?> kind = kind(user, list);
        return switch (action) {
            case "assign" -> {
                if (ownerId == null) {
                    throw new InvalidFieldException("ownerId", "Choose the new owner");
                }
                yield apply(list, ids, id -> kind.change(id, ownerId, null));
            }
            case "tag" -> {
                String clean = tag == null ? "" : tag.strip();
                if (clean.isEmpty() || clean.length() > 50) {
                    throw new InvalidFieldException("tag", "Enter a tag of 1 to 50 characters");
                }
                yield apply(list, ids, id -> kind.change(id, null, clean));
            }
            case "delete" -> apply(list, ids, kind.delete());
            default -> throw new InvalidFieldException("action", "Choose what to do with the selected " + list.plural());
        };
    }

    private Kind<?> kind(CurrentUser user, RecordList list) {
        if (list == RecordList.ACCOUNTS) {
            return new Kind<AccountView>(id -> accounts.get(user, id), (id, a, owner, tags) -> accounts.update(user, id,
                    a.version(), AccountFields.of(a).withOwner(owner).withTags(tags)), id -> accounts.delete(user, id));
        }
        return new Kind<ContactView>(id -> contacts.get(user, id), (id, c, owner, tags) -> contacts.update(user, id,
                c.version(), ContactRequest.from(c).withOwner(owner).withTags(tags)), id -> contacts.delete(user, id));
    }

    /** The tags with one more; null when there is no tag to add or the record has it already. */
    private static List<String> withTag(List<String> tags, String tag) {
        if (tag == null || tags.contains(tag)) {
            return null;
        }
        List<String> more = new ArrayList<>(tags);
        more.add(tag);
        return more;
    }

    private static Outcome apply(RecordList list, List<UUID> ids, Consumer<UUID> action) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidFieldException("ids", "Select at least one " + list.noun());
        }
        if (ids.size() > MAX) {
            throw new InvalidFieldException("ids", "Select at most " + MAX + " " + list.plural() + " at a time");
        }
        int done = 0;
        int skipped = 0;
        for (UUID id : new LinkedHashSet<>(ids)) {
            try {
                action.accept(id);
                done++;
            } catch (NotFoundException | PreconditionFailedException e) {
                skipped++;
            }
        }
        return new Outcome(done, skipped);
    }
}
