package org.rapport.interactions;

import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.shared.ConflictException;
import org.rapport.shared.CursorPage;
import org.rapport.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The triage list of calls that matched no contact, within the caller's visibility of the calls: attach one to a
 * contact, or dismiss it.
 */
@Service
class UnmatchedCalls {

    private final CallTriageRepository triage;
    private final InteractionService interactions;

    UnmatchedCalls(CallTriageRepository triage, InteractionService interactions) {
        this.triage = triage;
        this.interactions = interactions;
    }

    /** Open calls, newest first, keyset-paginated. */
    CursorPage<UnmatchedCall> list(CurrentUser user, String cursor, int limit) {
        TimeCursor after = TimeCursor.decode(cursor, limit);
        return TimeCursor.page(triage.open(interactions.visibleTo(user), after.time(), after.id(), limit + 1), limit,
                UnmatchedCall::occurredAt, UnmatchedCall::interactionId);
    }

    /** Links the call to the contact (both must be visible to the user) and closes its triage. */
    @Transactional
    InteractionView attach(CurrentUser user, UUID interactionId, UUID contactId) {
        interactions.get(user, interactionId);
        requireOpen(interactionId);
        InteractionView call = interactions.attachContact(user, interactionId, contactId);
        triage.resolve(interactionId, "ATTACHED", contactId, user.id());
        return call;
    }

    /** Closes the call's triage without a contact; the call stays logged. */
    @Transactional
    void dismiss(CurrentUser user, UUID interactionId) {
        interactions.get(user, interactionId);
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role cannot triage calls");
        }
        requireOpen(interactionId);
        triage.resolve(interactionId, "DISMISSED", null, user.id());
    }

    private void requireOpen(UUID interactionId) {
        if (!triage.lockOpen(interactionId)) {
            throw new ConflictException("This call is not waiting for triage (any more)");
        }
    }
}
