package org.rapport.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.RecordDirectory;
import org.rapport.identity.Role;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.identity.Visibility;
import org.rapport.platform.AuditService;
import org.rapport.shared.CursorPage;
import org.rapport.shared.Cursors;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PreconditionFailedException;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals in pipelines. A deal is visible by the owner/department rule; its status follows the kind of its stage
 * (a WON or LOST stage closes it), its probability defaults to the stage's, and every stage change is kept in its
 * stage history. Every change is audited.
 */
@Service
public class DealService {

    /** The record type of deals, as written in {@link RecordRef} and the audit trail. */
    public static final String TYPE = "deal";
    static final int MAX_PAGE = 200;
    static final int BOARD_LIMIT = 500;

    private final DealRepository deals;
    private final PipelineService pipelines;
    private final Visibility visibility;
    private final RecordDirectory records;
    private final UserService users;
    private final AuditService audit;
    private final Clock clock;
    private final String defaultCurrency;

    DealService(DealRepository deals, PipelineService pipelines, Visibility visibility, RecordDirectory records,
                UserService users, AuditService audit, Clock clock,
                @Value("${rapport.currency:USD}") String defaultCurrency) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.visibility = visibility;
        this.records = records;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.defaultCurrency = defaultCurrency;
    }

    /** One deal with its contacts (named when the caller may see them); "not found" when invisible. */
    public DealView get(CurrentUser user, UUID id) {
        DealView deal = deals.find(id, visible(user)).orElseThrow(() -> new NotFoundException("Deal"));
        List<DealContact> contacts = deals.contacts(List.of(id)).getOrDefault(id, List.of());
        List<RecordRef> seen = contacts.stream().map(c -> new RecordRef("contact", c.contactId()))
                .filter(r -> records.canSee(user, r)).toList();
        var labels = records.labels(seen);
        return deal.withContacts(contacts.stream().map(c -> {
            var label = labels.get(new RecordRef("contact", c.contactId()));
            return new DealContact(c.contactId(), c.role(), label == null ? null : label.name());
        }).toList());
    }

    /** One page of the deals the caller may see, by name. */
    CursorPage<DealView> list(CurrentUser user, DealFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to " + MAX_PAGE);
        }
        String afterName = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = Cursors.decode(cursor, 2);
            afterName = parts[0];
            try {
                afterId = UUID.fromString(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("cursor", "Not a cursor of this list");
            }
        }
        List<DealView> rows = deals.list(visible(user), filter, afterName, afterId, limit);
        var contacts = deals.contacts(rows.stream().map(DealView::id).toList());
        rows = rows.stream().map(d -> d.withContacts(contacts.getOrDefault(d.id(), List.of()))).toList();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<DealView> page = List.copyOf(rows.subList(0, limit));
        DealView last = page.getLast();
        return new CursorPage<>(page, Cursors.encode(last.name().toLowerCase(), last.id().toString()));
    }

    /**
     * The deals the caller may see of an account, or that a contact is on: open ones by expected close date, or
     * closed ones latest first; at most {@code limit}.
     */
    List<DealView> ofRecord(CurrentUser user, RecordRef record, boolean open, int limit) {
        return deals.ofRecord(visible(user), record, open, limit);
    }

    /** The deals of a pipeline's board that the caller may see, matching the filter. */
    List<DealView> board(CurrentUser user, DealFilter filter) {
        return deals.board(visible(user), filter, BOARD_LIMIT);
    }

    /** The stays of a deal in its stages, oldest first. */
    public List<DealStageStay> stageHistory(CurrentUser user, UUID id) {
        get(user, id);
        return deals.history(id, clock.instant());
    }

    /** Creates a deal; lead conversion calls this too. */
    @Transactional
    public DealView create(CurrentUser user, NewDeal deal) {
        return create(user, DealFields.of(deal));
    }

    @Transactional
    DealView create(CurrentUser user, DealFields fields) {
        requireWriter(user);
        Clean clean = clean(user, fields, null);
        UserView owner = requireOwner(clean.fields().ownerId());
        Instant closedAt = clean.status() == DealStatus.OPEN ? null : clock.instant();
        UUID id = deals.insert(clean.fields(), clean.probability(), owner.departmentId(), clean.status(), closedAt,
                user.id());
        deals.replaceContacts(id, clean.fields().contacts());
        deals.enterStage(id, clean.fields().stageId(), user.id());
        DealView created = reread(id);
        audit.created(ref(id), auditFields(created));
        return created;
    }

    /**
     * Replaces the deal's values with {@code change} (merged onto the current values by the caller) when
     * {@code expectedVersion} still matches; a null version means the caller did not send If-Match.
     */
    @Transactional
    DealView update(CurrentUser user, UUID id, Integer expectedVersion, DealFields change) {
        DealView before = get(user, id);
        requireWriter(user);
        if (expectedVersion == null) {
            throw new PreconditionFailedException("Send If-Match with the version (ETag) you last read", true);
        }
        if (expectedVersion != before.version()) {
            throw new PreconditionFailedException("The deal changed since version " + expectedVersion
                    + "; it is now at version " + before.version(), false);
        }
        return write(user, before, change);
    }

    /** Moves a deal to another stage of its pipeline (the kanban board's drop), whatever its version. */
    @Transactional
    public DealView moveToStage(CurrentUser user, UUID id, UUID stageId) {
        DealView before = get(user, id);
        requireWriter(user);
        if (before.stageId().equals(stageId)) {
            return before;
        }
        return write(user, before, new DealFields(before.name(), before.pipelineId(), stageId, before.amount(),
                before.currency(), before.expectedCloseDate(), before.probability(), before.ownerId(),
                before.accountId(), before.lossReason(), roles(before)));
    }

    /** Replaces the deal's contacts and their roles, whatever its version. */
    @Transactional
    DealView changeContacts(CurrentUser user, UUID id, List<DealFields.ContactRole> contacts) {
        DealView before = get(user, id);
        requireWriter(user);
        return write(user, before, new DealFields(before.name(), before.pipelineId(), before.stageId(),
                before.amount(), before.currency(), before.expectedCloseDate(), before.probability(),
                before.ownerId(), before.accountId(), before.lossReason(), contacts));
    }

    @Transactional
    public void delete(CurrentUser user, UUID id) {
        DealView before = get(user, id);
        requireWriter(user);
        deals.delete(id);
        audit.deleted(ref(id), auditFields(before));
    }

    private DealView write(CurrentUser user, DealView before, DealFields change) {
        Clean clean = clean(user, change, before);
        UserView owner = requireOwner(clean.fields().ownerId());
        UUID department = owner.id().equals(before.ownerId()) ? before.departmentId() : owner.departmentId();
        Instant closedAt = clean.status() == DealStatus.OPEN ? null
                : before.status() == clean.status() && before.closedAt() != null ? before.closedAt() : clock.instant();
        if (!deals.update(before.id(), before.version(), clean.fields(), clean.probability(), department,
                clean.status(), closedAt)) {
            throw new PreconditionFailedException("The deal changed meanwhile; read it again", false);
        }
        if (!roles(before).equals(clean.fields().contacts())) {
            deals.replaceContacts(before.id(), clean.fields().contacts());
        }
        if (!before.stageId().equals(clean.fields().stageId())) {
            deals.enterStage(before.id(), clean.fields().stageId(), user.id());
        }
        DealView after = reread(before.id());
        audit.updated(ref(before.id()), auditFields(before), auditFields(after));
        return after;
    }

    private record Clean(DealFields fields, int probability, DealStatus status) {
    }

    private Clean clean(CurrentUser user, DealFields f, DealView before) {
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidFieldException("name", "Enter a name of 1 to 200 characters");
        }
        PipelineView pipeline;
        if (f.pipelineId() != null) {
            pipeline = pipelines.find(f.pipelineId())
                    .orElseThrow(() -> new InvalidFieldException("pipelineId", "No such pipeline"));
        } else if (f.stageId() != null) {
            pipeline = pipelines.list().stream()
                    .filter(p -> p.stages().stream().anyMatch(s -> s.id().equals(f.stageId()))).findFirst()
                    .orElseThrow(() -> new InvalidFieldException("stageId", "No such stage"));
        } else {
            pipeline = pipelines.defaultPipeline();
        }
        PipelineStage stage;
        if (f.stageId() == null) {
            stage = pipeline.stages().stream().findFirst()
                    .orElseThrow(() -> new InvalidFieldException("stageId", "The pipeline has no stages"));
        } else {
            stage = PipelineService.stage(pipeline, f.stageId());
        }
        BigDecimal amount = f.amount() == null ? BigDecimal.ZERO : f.amount();
        if (amount.signum() < 0) {
            throw new InvalidFieldException("amount", "Enter an amount of zero or more");
        }
        if (amount.stripTrailingZeros().scale() > 4 || amount.precision() - amount.scale() > 15) {
            throw new InvalidFieldException("amount", "Use at most 15 digits before and 4 after the decimal point");
        }
        String currency = f.currency() == null || f.currency().isBlank() ? null : f.currency().strip().toUpperCase();
        if (currency == null) {
            currency = before != null ? before.currency() : defaultCurrency;
        }
        try {
            if (!currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException(currency);
            }
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("currency", "Use an ISO 4217 currency code such as EUR or USD");
        }
        boolean stageChanged = before == null || !before.stageId().equals(stage.id());
        int probability;
        if (f.probability() == null || (stageChanged && before != null && f.probability() == before.probability())) {
            probability = stage.probability();
        } else {
            probability = f.probability();
        }
        if (probability < 0 || probability > 100) {
            throw new InvalidFieldException("probability", "Use a probability from 0 to 100");
        }
        String lossReason = f.lossReason() == null || f.lossReason().isBlank() ? null : f.lossReason().strip();
        if (lossReason != null && lossReason.length() > 500) {
            throw new InvalidFieldException("lossReason", "Use at most 500 characters");
        }
        DealStatus status = DealStatus.valueOf(stage.kind().name());
        if (status != DealStatus.LOST) {
            lossReason = null;
        }
        if (f.accountId() != null && !(before != null && f.accountId().equals(before.accountId()))
                && !records.canSee(user, new RecordRef("account", f.accountId()))) {
            throw new InvalidFieldException("accountId", "No such account");
        }
        List<DealFields.ContactRole> contacts = f.contacts() == null ? List.of() : f.contacts();
        Set<UUID> known = new HashSet<>(before == null ? List.of()
                : before.contacts().stream().map(DealContact::contactId).toList());
        Map<UUID, DealFields.ContactRole> unique = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            DealFields.ContactRole c = contacts.get(i);
            if (c == null || c.contactId() == null) {
                throw new InvalidFieldException("contacts[" + i + "].contactId", "Name the contact");
            }
            if (!known.contains(c.contactId()) && !records.canSee(user, new RecordRef("contact", c.contactId()))) {
                throw new InvalidFieldException("contacts[" + i + "].contactId", "No such contact");
            }
            String role = c.role() == null || c.role().isBlank() ? null : c.role().strip();
            if (role != null && role.length() > 100) {
                throw new InvalidFieldException("contacts[" + i + "].role", "Use at most 100 characters");
            }
            unique.put(c.contactId(), new DealFields.ContactRole(c.contactId(), role));
        }
        UUID owner = f.ownerId() == null ? (before == null ? user.id() : before.ownerId()) : f.ownerId();
        DealFields clean = new DealFields(name, pipeline.id(), stage.id(), amount, currency, f.expectedCloseDate(),
                probability, owner, f.accountId(), lossReason, new ArrayList<>(unique.values()));
        return new Clean(clean, probability, status);
    }

    /** Reads back a deal the caller has just written, even when the change took it out of their sight. */
    private DealView reread(UUID id) {
        DealView deal = deals.find(id, SqlFilter.UNRESTRICTED).orElseThrow();
        return deal.withContacts(deals.contacts(List.of(id)).getOrDefault(id, List.of()));
    }

    SqlFilter visible(CurrentUser user) {
        return visibility.filter(user, "d", TYPE);
    }

    private UserView requireOwner(UUID ownerId) {
        return users.find(ownerId).filter(u -> u.active() && u.role() != Role.PARTNER)
                .orElseThrow(() -> new InvalidFieldException("ownerId", "Give the deal to an active internal user"));
    }

    private static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow changing deals");
        }
    }

    static List<DealFields.ContactRole> roles(DealView deal) {
        return deal.contacts().stream().map(c -> new DealFields.ContactRole(c.contactId(), c.role())).toList();
    }

    static RecordRef ref(UUID id) {
        return new RecordRef(TYPE, id);
    }

    private static Map<String, Object> auditFields(DealView d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", d.name());
        fields.put("pipelineId", d.pipelineId());
        fields.put("stage", d.stageName());
        fields.put("amount", d.amount());
        fields.put("currency", d.currency());
        fields.put("expectedCloseDate", d.expectedCloseDate());
        fields.put("probability", d.probability());
        fields.put("ownerId", d.ownerId());
        fields.put("accountId", d.accountId());
        fields.put("status", d.status());
        fields.put("lossReason", d.lossReason());
        fields.put("contacts", d.contacts().stream()
                .map(c -> c.contactId() + (c.role() == null ? "" : " (" + c.role() + ")")).toList());
        return fields;
    }
}
