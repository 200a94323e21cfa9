package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
 * Merges contacts into a survivor in one transaction: chosen fields, the union of emails, phones, account links,
 * tags and interests, the consent history and the partner shares move to the survivor; the merged contacts are
 * deleted, their audit entries kept and linked to the survivor by MERGE entries.
 */
@Service
class ContactMerger {

    static final String TABLE = "contacts";
    static final List<MergeField> FIELDS = List.of(
            MergeField.text("firstName", "first_name"),
            MergeField.text("lastName", "last_name"),
            MergeField.text("title", "title"),
            MergeField.text("lifecycleStage", "lifecycle_stage"),
            MergeField.text("source", "source"),
            MergeField.text("preferredChannel", "preferred_channel"),
            MergeField.text("language", "language"),
            MergeField.value("address", "address"),
            MergeField.chosenOnly("consent", "marketing_opt_in", "marketing_opt_in_at", "marketing_opt_in_source",
                    "do_not_call", "do_not_email"),
            MergeField.chosenOnly("ownerId", "owner_id", "department_id"));
    /** Unless consent is chosen, a do-not-contact flag on any of the records stays on the survivor. */
    private static final List<String> RESTRICTIVE_CONSENT = List.of(
            "do_not_call = (select bool_or(m.do_not_call) from contacts m where m.id = any(:all))",
            "do_not_email = (select bool_or(m.do_not_email) from contacts m where m.id = any(:all))");

    private final ContactService contacts;
    private final ContactRepository contactRows;
    private final MergeRepository merges;
    private final ContactMergeRepository moves;
    private final RecordSharingService sharing;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    ContactMerger(ContactService contacts, ContactRepository contactRows, MergeRepository merges,
                  ContactMergeRepository moves, RecordSharingService sharing, AuditService audit,
                  ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.contactRows = contactRows;
        this.merges = merges;
        this.moves = moves;
        this.sharing = sharing;
        this.audit = audit;
        this.events = events;
    }

    /** @param expectedVersion the survivor's version from If-Match, or null when none was sent */
    @Transactional
    ContactView merge(CurrentUser user, MergeRequest request, Integer expectedVersion) {
        MergePlan plan = MergePlan.of(request, FIELDS);
        merges.lock(TABLE, plan.all());
        Map<UUID, ContactView> records = new LinkedHashMap<>();
        plan.all().forEach(id -> records.put(id, contacts.get(user, id)));
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow merging contacts");
        }
        ContactView survivor = records.get(plan.survivorId());
        if (expectedVersion != null && expectedVersion != survivor.version()) {
            throw new ConflictException("The survivor changed since version " + expectedVersion
                    + "; it is now at version " + survivor.version() + ". Review the merge again.");
        }
        if (resolved(plan, records, "firstName", ContactView::firstName).isEmpty()
                && resolved(plan, records, "lastName", ContactView::lastName).isEmpty()) {
            throw new InvalidFieldException("fields.lastName", "The merged contact needs a first or a last name");
        }
        merges.applyFields(TABLE, plan, FIELDS,
                plan.winners().containsKey("consent") ? List.of() : RESTRICTIVE_CONSENT);
        merges.combine(TABLE, plan, List.of("tags", "interests"), List.of("relationship_types"));
        moves.moveEmailsAndPhones(plan);
        moves.moveAccountLinks(plan);
        moves.moveConsentHistory(plan);
        plan.mergedIds().forEach(id -> sharing.moveAll(ContactService.ref(id), ContactService.ref(plan.survivorId())));
        moves.touch(plan.survivorId());
        merges.delete(TABLE, plan.mergedIds());
        ContactView after = contactRows.find(plan.survivorId(), SqlFilter.UNRESTRICTED).orElseThrow();
        recordConsentChanges(user, survivor.consent(), after);
        audit.merged(ContactService.ref(plan.survivorId()), plan.mergedIds(), ContactService.auditFields(survivor),
                ContactService.auditFields(after));
        events.publishEvent(new ContactsMerged(plan.survivorId(), plan.mergedIds()));
        return after;
    }

    /** The name a field will have after the merge: the winner's, or the first non-blank one. */
    private static String resolved(MergePlan plan, Map<UUID, ContactView> records, String field,
                                   Function<ContactView, String> value) {
        UUID winner = plan.winners().get(field);
        List<UUID> candidates = winner != null ? List.of(winner) : new ArrayList<>(records.keySet());
        return candidates.stream().map(records::get).map(value)
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    }

    private void recordConsentChanges(CurrentUser user, ContactView.Consent before, ContactView after) {
        ContactView.Consent now = after.consent();
        if (before.marketingOptIn() != now.marketingOptIn()) {
            contactRows.recordConsent(after.id(), "MARKETING_OPT_IN", now.marketingOptIn(), "merge", user.id());
        }
        if (before.doNotCall() != now.doNotCall()) {
            contactRows.recordConsent(after.id(), "DO_NOT_CALL", now.doNotCall(), "merge", user.id());
        }
        if (before.doNotEmail() != now.doNotEmail()) {
            contactRows.recordConsent(after.id(), "DO_NOT_EMAIL", now.doNotEmail(), "merge", user.id());
        }
    }
}
