package org.rapport.sales;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.rapport.customers.ContactLookup;
import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.notifications.NotificationService;
import org.rapport.platform.AuditService;
import org.rapport.shared.ConflictException;
import org.rapport.shared.CursorPage;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.rapport.shared.PhoneNumber;
import org.rapport.shared.PreconditionFailedException;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads: capture (checked for duplicates among open leads and contacts), assignment by the ordered rules or to the
 * unassigned queue, changes with optimistic locking, all audited. Visibility: the usual owner/department rule, plus the
 * queue (leads without an owner), which managers see whole and other internal users see for their own department.
 */
@Service
public class LeadService {

    /** The record type of leads, as written in {@link RecordRef} and the audit trail. */
    public static final String TYPE = "lead";
    static final int MAX_PAGE = 200;

    private final LeadRepository leads;
    private final LeadAssignment assignment;
    private final LeadScoring scoring;
    private final LeadVisibility leadVisibility;
    private final UserService users;
    private final ContactLookup contacts;
    private final AuditService audit;
    private final NotificationService notifications;
    private final String phoneRegion;

    LeadService(LeadRepository leads, LeadAssignment assignment, LeadScoring scoring, LeadVisibility leadVisibility,
                UserService users, ContactLookup contacts, AuditService audit, NotificationService notifications,
                @Value("${rapport.phone-region:US}") String phoneRegion) {
        this.leads = leads;
        this.assignment = assignment;
        this.scoring = scoring;
        this.leadVisibility = leadVisibility;
        this.users = users;
        this.contacts = contacts;
        this.audit = audit;
        this.notifications = notifications;
        this.phoneRegion = phoneRegion;
    }

    public LeadView get(CurrentUser user, UUID id) {
        return leads.find(id, visible(user)).orElseThrow(() -> new NotFoundException("Lead"));
    }

    CursorPage<LeadView> list(CurrentUser user, LeadFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidFieldException("limit", "Use a limit from 1 to " + MAX_PAGE);
        }
        if (filter.q() != null && filter.q().length() > 200) {
            throw new InvalidFieldException("q", "Search for at most 200 characters");
        }
        return leads.list(visible(user), filter, cursor, limit);
    }

    /**
     * Creates a lead as the user (who generated it, unless they name no owner and it comes from elsewhere). Without an
     * owner the assignment rules choose one, or the lead waits in the queue. A lead whose email or phone matches an
     * open lead or a contact is refused (409) unless {@code allowDuplicate}.
     */
    @Transactional
    public LeadView create(CurrentUser user, LeadFields fields, boolean allowDuplicate) {
        requireWriter(user);
        LeadFields clean = clean(fields, LeadStatus.NEW);
        if (clean.status() == LeadStatus.CONVERTED) {
            throw new InvalidFieldException("status", "A lead is converted with POST /api/v1/leads/{id}/convert");
        }
        leads.lockIdentity(clean.email(), clean.phone());
        if (!allowDuplicate) {
            duplicateOf(clean, null).ifPresent(d -> {
                throw new ConflictException("A " + d + " already has this email or phone; send allowDuplicate=true"
                        + " to create the lead anyway");
            });
        }
        return insert(placed(clean), user.id(), user.id(), user.id());
    }

    /**
     * Captures a lead from a machine channel (web form, unknown email sender, unmatched call) with no signed-in user:
     * nothing is written when an open lead or a contact already has its email or phone.
     *
     * @param generatedBy the user credited with generating it (the form's owner, the mailbox owner, the rep who
     *                    took the call), or null
     */
    @Transactional
    public Optional<LeadView> capture(LeadFields fields, UUID generatedBy) {
        LeadFields clean = clean(fields, LeadStatus.NEW);
        leads.lockIdentity(clean.email(), clean.phone());
        if (duplicateOf(clean, null).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(insert(placed(clean), generatedBy, null, null));
    }

    /**
     * Fills in what an open lead lacks from values a machine channel received (names, email, phone, company, title,
     * country), overwriting nothing it has, since anyone can type anyone's address; audited and scored again.
     */
    @Transactional
    void complete(UUID id, LeadFields given) {
        leads.lock(id);
        LeadView before = readBack(id);
        LeadFields current = LeadFields.of(before);
        LeadFields filled = new LeadFields(or(current.firstName(), given.firstName()), current.lastName(),
                or(current.email(), given.email()), or(current.phone(), given.phone()),
                or(current.company(), given.company()), or(current.title(), given.title()),
                or(current.country(), given.country()), current.source(), current.campaignId(), current.status(),
                current.disqualifiedReason(), current.ownerId(), current.departmentId());
        if (filled.equals(current) || before.status() == LeadStatus.CONVERTED) {
            return;
        }
        leads.update(id, before.version(), filled);
        scoring.rescore(id);
        audit.updated(ref(id), auditFields(before), auditFields(readBack(id)));
    }

    /** The values as a new lead would store them (email lower-cased, phone in E.164, ...), or the first fault. */
    LeadFields cleaned(LeadFields fields) {
        return clean(fields, LeadStatus.NEW);
    }

    /** Replaces the lead's values with {@code change} (merged by the caller) when the version still matches. */
    @Transactional
    public LeadView update(CurrentUser user, UUID id, Integer expectedVersion, LeadFields change) {
        LeadView before = get(user, id);
        requireWriter(user);
        if (expectedVersion == null) {
            throw new PreconditionFailedException("Send If-Match with the version (ETag) you last read", true);
        }
        if (expectedVersion != before.version()) {
            throw new PreconditionFailedException("The lead changed since version " + expectedVersion
                    + "; it is now at version " + before.version(), false);
        }
        if (before.status() == LeadStatus.CONVERTED) {
            throw new ConflictException("The lead was converted; change the contact it became instead");
        }
        LeadFields clean = clean(change, before.status());
        if (clean.status() == LeadStatus.CONVERTED) {
            throw new InvalidFieldException("status", "A lead is converted with POST /api/v1/leads/{id}/convert");
        }
        if (!Objects.equals(clean.ownerId(), before.ownerId())) {
            UserView owner = clean.ownerId() == null ? null : requireOwner(clean.ownerId());
            UUID department = Objects.equals(clean.departmentId(), before.departmentId()) && owner != null
                    ? owner.departmentId() : clean.departmentId();
            clean = clean.withOwner(clean.ownerId(), department);
        }
        requireDepartment(clean.departmentId());
        if (!leads.update(id, expectedVersion, clean)) {
            throw new PreconditionFailedException("The lead changed meanwhile; read it again", false);
        }
        scoring.rescore(id);
        LeadView after = readBack(id);
        audit.updated(ref(id), auditFields(before), auditFields(after));
        notifyOwner(user.id(), after, before.ownerId());
        return after;
    }

    /** Reads a lead past visibility, for the conversion and listeners of this module. */
    LeadView readBack(UUID id) {
        return leads.find(id, SqlFilter.UNRESTRICTED).orElseThrow(() -> new NotFoundException("Lead"));
    }

    /** The leads the user may see: by owner/department, plus the queue (see the class comment). */
    SqlFilter visible(CurrentUser user) {
        return leadVisibility.filter(user, "l");
    }

    private LeadView insert(LeadFields clean, UUID generatedBy, UUID createdBy, UUID actorId) {
        UUID id = leads.insert(clean, generatedBy, createdBy);
        scoring.rescore(id);
        LeadView created = readBack(id);
        audit.created(ref(id), auditFields(created));
        notifyOwner(actorId, created, null);
        return created;
    }

    /** The owner and department a new lead gets: as given, else by the assignment rules, else the queue. */
    private LeadFields placed(LeadFields clean) {
        LeadFields placed = clean;
        if (clean.ownerId() == null) {
            LeadAssignment.Target target = assignment.assign(clean);
            placed = clean.withOwner(target.ownerId(), target.departmentId() != null ? target.departmentId()
                    : clean.departmentId());
        }
        if (placed.ownerId() != null) {
            UserView owner = requireOwner(placed.ownerId());
            if (placed.departmentId() == null) {
                placed = placed.withOwner(owner.id(), owner.departmentId());
            }
        }
        requireDepartment(placed.departmentId());
        return placed;
    }

    /** "lead" or "contact" when an open lead (other than {@code except}) or a contact has the email or phone. */
    private Optional<String> duplicateOf(LeadFields lead, UUID except) {
        if (!leads.duplicates(lead.email(), lead.phone(), except).isEmpty()) {
            return Optional.of("lead");
        }
        boolean contact = lead.email() != null && !contacts.byEmail(List.of(lead.email())).isEmpty()
                || lead.phone() != null && !contacts.byPhone(List.of(lead.phone())).isEmpty();
        return contact ? Optional.of("contact") : Optional.empty();
    }

    private void notifyOwner(UUID actorId, LeadView lead, UUID previousOwner) {
        if (lead.ownerId() != null && !lead.ownerId().equals(previousOwner) && !lead.ownerId().equals(actorId)) {
            notifications.notify(lead.ownerId(), "LEAD_ASSIGNED", "New lead for you: " + lead.name(),
                    lead.company(), "/leads/" + lead.id(), null);
        }
    }

    private UserView requireOwner(UUID ownerId) {
        return users.find(ownerId).filter(u -> u.active() && u.role() != Role.PARTNER)
                .orElseThrow(() -> new InvalidFieldException("ownerId", "Give the lead to an active internal user"));
    }

    private void requireDepartment(UUID departmentId) {
        if (departmentId != null && users.department(departmentId).isEmpty()) {
            throw new InvalidFieldException("departmentId", "No such department");
        }
    }

    private LeadFields clean(LeadFields f, LeadStatus defaultStatus) {
        String email = text("email", f.email(), 254);
        if (email != null) {
            try {
                email = EmailAddress.parse(email).value();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("email", e.getMessage());
            }
        }
        String phone = text("phone", f.phone(), 40);
        if (phone != null) {
            try {
                phone = PhoneNumber.parse(phone, phoneRegion).e164();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("phone", e.getMessage());
            }
        }
        String lastName = text("lastName", f.lastName(), 100);
        if (lastName == null) {
            throw new InvalidFieldException("lastName", "Enter the last name");
        }
        String country = text("country", f.country(), 2);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!List.of(Locale.getISOCountries()).contains(country)) {
                throw new InvalidFieldException("country", "Use an ISO 3166 country code such as US or DE");
            }
        }
        LeadStatus status = f.status() == null ? defaultStatus : f.status();
        String reason = text("disqualifiedReason", f.disqualifiedReason(), 500);
        if (status == LeadStatus.DISQUALIFIED && reason == null) {
            throw new InvalidFieldException("disqualifiedReason", "Say why the lead is disqualified");
        }
        return new LeadFields(text("firstName", f.firstName(), 100), lastName, email, phone,
                text("company", f.company(), 200), text("title", f.title(), 200), country,
                f.source() == null ? LeadSource.OTHER : f.source(), f.campaignId(), status,
                status == LeadStatus.DISQUALIFIED ? reason : null, f.ownerId(), f.departmentId());
    }

    private static String or(String current, String given) {
        return current != null ? current : given;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidFieldException(field, "Use at most " + max + " characters");
        }
        return v;
    }

    static void requireWriter(CurrentUser user) {
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role or token does not allow changing leads");
        }
    }

    static RecordRef ref(UUID id) {
        return new RecordRef(TYPE, id);
    }

    static Map<String, Object> auditFields(LeadView l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", l.firstName());
        m.put("lastName", l.lastName());
        m.put("email", l.email());
        m.put("phone", l.phone());
        m.put("company", l.company());
        m.put("title", l.title());
        m.put("country", l.country());
        m.put("source", l.source());
        m.put("campaignId", l.campaignId());
        m.put("status", l.status());
        m.put("disqualifiedReason", l.disqualifiedReason());
        m.put("ownerId", l.ownerId());
        m.put("departmentId", l.departmentId());
        m.put("convertedContactId", l.convertedContactId());
        m.put("convertedAccountId", l.convertedAccountId());
        m.put("convertedDealId", l.convertedDealId());
        return m;
    }
}
