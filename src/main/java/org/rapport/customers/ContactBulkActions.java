package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PreconditionFailedException;
import org.springframework.stereotype.Service;

/**
 * Bulk actions on selected contacts: assign an owner, add a tag, delete. Each contact goes through the normal
 * service (visibility, permission, validation, audit); ones the caller cannot see or that changed meanwhile are skipped.
 */
@Service
class ContactBulkActions {

    static final int MAX = 500;

    /** What happened: how many contacts were changed and how many were skipped. */
    record Outcome(int done, int skipped) {
    }

    private final ContactService contacts;

    ContactBulkActions(ContactService contacts) {
        this.contacts = contacts;
    }

    Outcome assignOwner(CurrentUser user, List<UUID> ids, UUID ownerId) {
        if (ownerId == null) {
            throw new InvalidFieldException("ownerId", "Choose the new owner");
        }
        return apply(ids, id -> {
            ContactView c = contacts.get(user, id);
            contacts.update(user, id, c.version(), ContactRequest.from(c).withOwner(ownerId));
        });
    }

    Outcome addTag(CurrentUser user, List<UUID> ids, String tag) {
        String clean = tag == null ? "" : tag.strip();
        if (clean.isEmpty() || clean.length() > 50) {
            throw new InvalidFieldException("tag", "Enter a tag of 1 to 50 characters");
        }
        return apply(ids, id -> {
            ContactView c = contacts.get(user, id);
            if (c.tags().contains(clean)) {
                return;
            }
            List<String> tags = new ArrayList<>(c.tags());
            tags.add(clean);
            contacts.update(user, id, c.version(), ContactRequest.from(c).withTags(tags));
        });
    }

    Outcome delete(CurrentUser user, List<UUID> ids) {
        return apply(ids, id -> contacts.delete(user, id));
    }

    private interface Action {
        void run(UUID id);
    }

    private static Outcome apply(List<UUID> ids, Action action) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidFieldException("ids", "Select at least one contact");
        }
        if (ids.size() > MAX) {
            throw new InvalidFieldException("ids", "Select at most " + MAX + " contacts at a time");
        }
        int done = 0;
        int skipped = 0;
        for (UUID id : new LinkedHashSet<>(ids)) {
            try {
                action.run(id);
                done++;
            } catch (NotFoundException | PreconditionFailedException e) {
                skipped++;
            }
        }
        return new Outcome(done, skipped);
    }
}
