package org.rapport.interactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.rapport.customers.ContactLookup;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordDirectory;
import org.rapport.identity.Role;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.notifications.NotificationService;
import org.rapport.platform.AuditService;
import org.rapport.shared.CursorPage;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PreconditionFailedException;
import org.rapport.shared.RecordRef;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs interactions and reads them back within the caller's visibility: an interaction is visible to whoever may
 * see one of its records, and to its rep under the usual rule. Contacts taking part put it on their own timeline and
 * on their accounts' timelines; a related record that belongs to an account (a deal) puts it on that account's.
 * Machine deliveries are idempotent on their source and external id.
 */
@Service
public class InteractionService {

    static final String TYPE = "interaction";
    private static final int MAX_BODY = 100_000;

    private final InteractionRepository interactions;
    private final RecordDirectory records;
    private final Visibility visibility;
    private final ContactLookup contacts;
    private final UserService users;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Origins origins;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InteractionService(InteractionRepository interactions, RecordDirectory records, Visibility visibility,
                       ContactLookup contacts, UserService users, AuditService audit,
                       NotificationService notifications, Origins origins, Clock clock,
                       ApplicationEventPublisher events) {
        this.interactions = interactions;
        this.records = records;
        this.visibility = visibility;
        this.contacts = contacts;
        this.users = users;
        this.audit = audit;
        this.notifications = notifications;
        this.origins = origins;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Logs what a user did or typed; every contact and record named must be one the user may see. With an external
     * id that arrived before, answers with the interaction already logged.
     */
    @Transactional
    public Delivery log(CurrentUser user, NewInteraction request) {
        requireWriter(user);
        if (request.externalId() != null) {
            Optional<UUID> existing = interactions.findByExternalId(request.source(), request.externalId());
            if (existing.isPresent()) {
                return new Delivery(get(user, existing.get()), false);
            }
        }
        UUID ownerId = request.ownerId() == null ? user.id() : request.ownerId();
        if (!ownerId.equals(user.id()) && user.role() != Role.ADMIN && user.role() != Role.MANAGER) {
            throw new InvalidFieldException("ownerId", "Only managers and administrators log interactions for others");
        }
        for (UUID contactId : request.contactIds()) {
            if (!records.canSee(user, new RecordRef("contact", contactId))) {
                throw new InvalidFieldException("contactIds", "No contact " + contactId + " that you can see");
            }
        }
        for (RecordRef ref : request.related()) {
            if (!records.isType(ref.type()) || !records.canSee(user, ref)) {
                throw new InvalidFieldException("related", "No " + ref.type() + " " + ref.id() + " that you can see");
            }
        }
        Delivery delivery = write(request, ownerId, user.id());
        if (delivery.created()) {
            notifyMentioned(user, delivery.interaction());
        }
        return delivery;
    }

    /**
     * Logs what a machine delivered (a synced email, a phone-system call, a web form), credited to {@code ownerId}
     * (may be null). Returns the existing interaction, unchanged, when the same source and external id arrived before.
     */
    @Transactional
    public Delivery deliver(NewInteraction request) {
        if (request.externalId() != null) {
            Optional<UUID> existing = interactions.findByExternalId(request.source(), request.externalId());
            if (existing.isPresent()) {
                return new Delivery(read(existing.get()), false);
            }
        }
        return write(request, request.ownerId(), null);
    }

    /** The outcome of a machine delivery: the interaction, and whether this delivery created it. */
    public record Delivery(InteractionView interaction, boolean created) {
    }

    public InteractionView get(CurrentUser user, UUID id) {
        return interactions.find(id, visibleTo(user)).orElseThrow(() -> new NotFoundException("Interaction"));
    }

    /** A page of interactions, newest first; with a record, that record's timeline (404 when it is not visible). */
    public CursorPage<InteractionView> list(CurrentUser user, RecordRef record, InteractionType type, UUID userId,
                                            Instant from, Instant to, String cursor, int limit) {
        TimeCursor after = TimeCursor.decode(cursor, limit);
        SqlFilter visible = visibleTo(user);
        if (record != null) {
            if (!records.isType(record.type())) {
                throw new InvalidFieldException("recordType", "Use one of " + String.join(", ", records.types()));
            }
            if (!records.canSee(user, record)) {
                throw new NotFoundException(capitalized(record.type()));
            }
            visible = SqlFilter.UNRESTRICTED;
        }
        List<InteractionView> rows = interactions.list(new InteractionRepository.Filter(record, type, userId, from, to),
                visible, after.time(), after.id(), limit + 1);
        return TimeCursor.page(rows, limit, InteractionView::occurredAt, InteractionView::id);
    }

    /** Changes what was logged; who took part and which records it is on stay as they are. */
    @Transactional
    public InteractionView update(CurrentUser user, UUID id, Integer expectedVersion, NewInteraction change) {
        InteractionView before = get(user, id);
        requireWriter(user);
        if (expectedVersion == null) {
            throw new PreconditionFailedException("Send If-Match with the version (ETag) you last read", true);
        }
        if (expectedVersion != before.version()) {
            throw new PreconditionFailedException("The interaction changed since version " + expectedVersion
                    + "; it is now at version " + before.version(), false);
        }
        UUID ownerId = change.ownerId() == null ? before.ownerId() : change.ownerId();
        if (ownerId != null && !ownerId.equals(before.ownerId()) && user.role() != Role.ADMIN
                && user.role() != Role.MANAGER) {
            throw new InvalidFieldException("ownerId", "Only managers and administrators change the rep");
        }
        InteractionRepository.Row row = validate(change, ownerId, before.source(), before.externalId());
        if (!interactions.update(id, expectedVersion, row)) {
            throw new PreconditionFailedException("The interaction changed meanwhile; read it again", false);
        }
        interactions.retime(id, row.occurredAt());
        InteractionView after = read(id);
        audit.updated(ref(id), auditFields(before), auditFields(after));
        events.publishEvent(new InteractionChanged(id, after.records(), false));
        return after;
    }

    @Transactional
    public void delete(CurrentUser user, UUID id) {
        InteractionView before = get(user, id);
        requireWriter(user);
        if (user.role() != Role.ADMIN && user.role() != Role.MANAGER && !user.id().equals(before.ownerId())) {
            throw new ForbiddenException("Only the rep who logged it, a manager or an administrator deletes it");
        }
        interactions.delete(id);
        audit.deleted(ref(id), auditFields(before));
        events.publishEvent(new InteractionChanged(id, before.records(), true));
    }

    /**
     * Adds a contact to an interaction logged without it (e.g. a call from an unknown number): the contact takes part
     * and the interaction goes on its timeline and its accounts'. The user must see both.
     */
    @Transactional
    public InteractionView attachContact(CurrentUser user, UUID interactionId, UUID contactId) {
        InteractionView before = get(user, interactionId);
        requireWriter(user);
        if (contactId == null || !records.canSee(user, new RecordRef("contact", contactId))) {
            throw new InvalidFieldException("contactId", "No contact " + contactId + " that you can see");
        }
        if (before.contactIds().contains(contactId)) {
            return before;
        }
        List<UUID> contactIds = new ArrayList<>(before.contactIds());
        contactIds.add(contactId);
        Set<RecordRef> linked = linkContacts(interactionId, before.occurredAt(), List.of(contactId), List.of());
        interactions.replaceParticipants(interactionId, contactIds, before.userIds());
        interactions.touch(interactionId);
        InteractionView after = read(interactionId);
        audit.updated(ref(interactionId), Map.of("contactIds", before.contactIds()),
                Map.of("contactIds", after.contactIds()));
        events.publishEvent(new InteractionLogged(interactionId, List.copyOf(linked)));
        return after;
    }

    /**
     * Moves every interaction on {@code from}'s timeline to {@code to}'s (a lead converted into a contact), in the
     * caller's transaction; when {@code to} is a contact it also takes part in them. Returns how many moved.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int moveRecord(RecordRef from, RecordRef to) {
        return interactions.move(from, to);
    }

    /**
     * For machine channels with no signed-in user (a lead captured from an unknown caller or sender): reads the
     * interaction past visibility and puts it on {@code record}'s timeline too. Empty when it no longer exists.
     */
    @Transactional
    public Optional<InteractionView> linkRecord(UUID interactionId, RecordRef record) {
        Optional<InteractionView> found = findUnattended(interactionId);
        found.ifPresent(i -> {
            interactions.link(interactionId, i.occurredAt(), List.of(record));
            events.publishEvent(new InteractionLogged(interactionId, List.of(record)));
        });
        return found;
    }

    /** For machine channels with no signed-in user: the interaction, read past visibility. */
    public Optional<InteractionView> findUnattended(UUID interactionId) {
        return interactions.find(interactionId, SqlFilter.UNRESTRICTED);
    }

    /** The thread an email belongs to, from the Message-IDs it replies to or references. */
    public Optional<UUID> threadOf(List<String> messageIds) {
        return interactions.threadOf(messageIds);
    }

    /**
     * The SQL condition "interaction {@code i} is visible to the user", for reports that count interactions in SQL
     * (the query must name the interactions table {@code i}).
     */
    public SqlFilter visibleTo(CurrentUser user) {
        if (user.role() == Role.ADMIN) {
            return SqlFilter.UNRESTRICTED;
        }
        SqlFilter own = visibility.filter(user, "i", TYPE);
        SqlFilter onRecord = records.visible(user, "vl.record_type", "vl.record_id");
        Map<String, Object> params = new LinkedHashMap<>(own.params());
        params.putAll(onRecord.params());
        return new SqlFilter("(" + own.sql() + " or exists (select 1 from interaction_links vl"
                + " where vl.interaction_id = i.id and " + onRecord.sql() + "))", params);
    }

    /**
     * Whose calls the caller may count in activity reports: the visibility rule applied to each call's own rep and
     * department (those of the moment of the call), over a table aliased {@code alias} with {@code owner_id} and
     * {@code department_id}, such as the call rollup {@code interaction_call_days}. A rep thus counts their own
     * calls and, as the organization's setting allows, their department's or everyone's; a department head those
     * of the departments they head; partners none.
     */
    public SqlFilter activityVisibleTo(CurrentUser user, String alias) {
        return user.role() == Role.PARTNER ? new SqlFilter("false", Map.of()) : visibility.filter(user, alias, TYPE);
    }

    private Delivery write(NewInteraction request, UUID ownerId, UUID actorId) {
        InteractionRepository.Row row = validate(request, ownerId, request.source(), request.externalId());
        if (request.messageId() != null || request.inReplyTo() != null) {
            List<String> refs = new ArrayList<>();
            if (request.inReplyTo() != null) {
                refs.add(request.inReplyTo());
            }
            UUID thread = interactions.threadOf(refs).orElse(null);
            row = withThread(row, thread != null || request.messageId() == null ? thread : UUID.randomUUID());
        }
        Optional<UUID> inserted = interactions.insert(row, actorId);
        if (inserted.isEmpty()) {
            // a concurrent delivery of the same external id won the race: answer with its interaction
            return new Delivery(read(interactions.findByExternalId(row.source(), row.externalId()).orElseThrow()), false);
        }
        UUID id = inserted.get();
        Set<RecordRef> linked = linkContacts(id, row.occurredAt(), request.contactIds(), request.related());
        interactions.replaceParticipants(id, new LinkedHashSet<>(request.contactIds()),
                new LinkedHashSet<>(request.userIds()));
        InteractionView created = read(id);
        audit.created(ref(id), auditFields(created));
        events.publishEvent(new InteractionLogged(id, List.copyOf(linked)));
        return new Delivery(created, true);
    }

    /**
     * Puts the interaction on the timelines of the contacts, the related records, and the accounts of both (a
     * deal's account, for instance); returns those records.
     */
    private Set<RecordRef> linkContacts(UUID id, Instant occurredAt, List<UUID> contactIds, List<RecordRef> related) {
        Set<RecordRef> linked = new LinkedHashSet<>(related);
        contactIds.forEach(c -> linked.add(new RecordRef("contact", c)));
        contacts.accountsOf(contactIds).values().forEach(accounts ->
                accounts.forEach(a -> linked.add(new RecordRef("account", a))));
        records.accountsOf(related).forEach(a -> linked.add(new RecordRef("account", a)));
        interactions.link(id, occurredAt, linked);
        return linked;
    }

    private InteractionRepository.Row validate(NewInteraction n, UUID ownerId, InteractionSource source,
                                               String externalId) {
        if (n.type() == null) {
            throw new InvalidFieldException("type", "Choose the kind of interaction");
        }
        if (n.outcome() != null && n.type() != InteractionType.CALL) {
            throw new InvalidFieldException("outcome", "Only calls have an outcome");
        }
        if (n.type() == InteractionType.CALL && n.direction() == null) {
            throw new InvalidFieldException("direction", "Say whether the call was inbound or outbound");
        }
        if (n.durationSeconds() != null && (n.durationSeconds() < 0 || n.durationSeconds() > 604_800)) {
            throw new InvalidFieldException("durationSeconds", "Use a duration from 0 seconds to 7 days");
        }
        if (n.subject() != null && n.subject().length() > 500) {
            throw new InvalidFieldException("subject", "Keep the subject under 500 characters");
        }
        if (n.body() != null && n.body().length() > MAX_BODY) {
            throw new InvalidFieldException("body", "Keep the text under 100,000 characters");
        }
        if (blank(n.subject()) && blank(n.body()) && n.type() == InteractionType.NOTE) {
            throw new InvalidFieldException("body", "Write the note");
        }
        if (n.recordingUrl() != null && !n.recordingUrl().matches("(?i)https?://\\S{1,1990}")) {
            throw new InvalidFieldException("recordingUrl", "Use an http or https address");
        }
        if (n.fromAddress() != null && n.fromAddress().length() > 320) {
            throw new InvalidFieldException("from", "Too long for a phone number or an email address");
        }
        if (n.toAddress() != null && n.toAddress().length() > 2000) {
            throw new InvalidFieldException("to", "Too many recipients");
        }
        if (externalId != null && externalId.length() > 500) {
            throw new InvalidFieldException("externalId", "Keep the external id under 500 characters");
        }
        Instant occurred = n.occurredAt() == null ? clock.instant() : n.occurredAt();
        if (occurred.isAfter(clock.instant().plusSeconds(366L * 24 * 3600))) {
            throw new InvalidFieldException("occurredAt", "Too far in the future");
        }
        UUID department = null;
        if (ownerId != null) {
            UserView owner = users.find(ownerId)
                    .orElseThrow(() -> new InvalidFieldException("ownerId", "No such user"));
            department = owner.departmentId();
        }
        for (UUID u : n.userIds()) {
            if (users.find(u).isEmpty()) {
                throw new InvalidFieldException("userIds", "No user " + u);
            }
        }
        return new InteractionRepository.Row(n.type(), n.direction(), occurred, n.durationSeconds(),
                blankToNull(n.subject()), blankToNull(n.body()), n.bodyFormat(), n.outcome(), n.sentiment(),
                blankToNull(n.fromAddress()), blankToNull(n.toAddress()),
                origins.of(n.type(), n.direction(), n.fromAddress(), n.toAddress()), blankToNull(n.recordingUrl()),
                source, externalId, n.messageId(), n.inReplyTo(), null, ownerId, department);
    }

    private void notifyMentioned(CurrentUser author, InteractionView interaction) {
        Set<String> handles = Mentions.handles(interaction.body());
        if (handles.isEmpty()) {
            return;
        }
        RecordRef about = interaction.contactIds().isEmpty()
                ? interaction.records().stream().findFirst().orElse(null)
                : new RecordRef("contact", interaction.contactIds().getFirst());
        String link = about == null ? "/interactions/" + interaction.id()
                : java.util.Optional.ofNullable(records.labels(List.of(about)).get(about))
                        .map(RecordDirectory.RecordLabel::href).orElse("/interactions/" + interaction.id());
        String what = interaction.subject() != null ? interaction.subject()
                : interaction.type().label().toLowerCase(java.util.Locale.ROOT);
        for (UserView mentioned : users.byMentionHandles(handles)) {
            if (!mentioned.id().equals(author.id())) {
                notifications.notify(mentioned.id(), "MENTION", author.name() + " mentioned you in " + what,
                        excerpt(interaction.body()), link, "mention:" + interaction.id() + ":" + mentioned.id());
            }
        }
    }

    private InteractionView read(UUID id) {
        return interactions.find(id, SqlFilter.UNRESTRICTED).orElseThrow(() -> new NotFoundException("Interaction"));
    }

    private static InteractionRepository.Row withThread(InteractionRepository.Row r, UUID thread) {
        return new InteractionRepository.Row(r.type(), r.direction(), r.occurredAt(), r.durationSeconds(), r.subject(),
                r.body(), r.bodyFormat(), r.outcome(), r.sentiment(), r.fromAddress(), r.toAddress(), r.origin(),
                r.recordingUrl(), r.source(), r.externalId(), r.messageId(), r.inReplyTo(), thread, r.ownerId(),
                r.departmentId());
    }

    static Map<String, Object> auditFields(InteractionView i) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", i.type().name());
        fields.put("direction", i.direction() == null ? null : i.direction().name());
        fields.put("occurredAt", i.occurredAt().toString());
        fields.put("durationSeconds", i.durationSeconds());
        fields.put("subject", i.subject());
        fields.put("outcome", i.outcome() == null ? null : i.outcome().name());
        fields.put("sentiment", i.sentiment() == null ? null : i.sentiment().name());
        fields.put("ownerId", i.ownerId() == null ? null : i.ownerId().toString());
        return fields;
    }

    private static RecordRef ref(UUID id) {
        return new RecordRef(TYPE, id);
    }

    private static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role cannot log or change interactions");
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }

    private static String capitalized(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
