package org.rapport.interactions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.rapport.shared.DemoDataContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * About 4,000 interactions over the past twelve months between the demo reps and the demo contacts, on every channel,
 * with call outcomes, origins and sentiment; written in batches. Deterministic apart from the anchor day (today).
 */
@Component
class InteractionsDemoData implements DemoDataContributor {

    static final int INTERACTIONS = 4_000;

    private record Contact(UUID id, UUID ownerId, UUID departmentId, String phone, String email, String name,
                           UUID[] accounts) {
    }

    private record Rep(UUID id, UUID departmentId, String email) {
    }

    private static final InteractionType[] TYPES = weighted(InteractionType.CALL, 45, InteractionType.EMAIL, 25,
            InteractionType.MEETING, 10, InteractionType.NOTE, 10, InteractionType.CHAT, 4, InteractionType.SMS, 2,
            InteractionType.WEB_FORM, 2, InteractionType.SOCIAL, 1, InteractionType.LETTER, 1);
    private static final CallOutcome[] OUTCOMES = weighted(CallOutcome.CONNECTED, 55, CallOutcome.NO_ANSWER, 20,
            CallOutcome.VOICEMAIL, 15, CallOutcome.BUSY, 7, CallOutcome.WRONG_NUMBER, 3);
    private static final List<String> CALL_SUBJECTS = List.of("Discovery call", "Follow-up on proposal",
            "Pricing questions", "Renewal check-in", "Support escalation", "Introduction", "Contract terms",
            "Onboarding review", "Upsell conversation", "Complaint about delivery");
    private static final List<String> EMAIL_SUBJECTS = List.of("Quote attached", "Re: your enquiry",
            "Meeting notes", "Invoice question", "Product brochure", "Re: delivery date", "Thank you",
            "Trial extension", "Re: contract draft", "Welcome aboard");
    private static final List<String> NOTES = List.of("Decision expected next quarter.",
            "Prefers email over calls.", "Budget approved, waiting on legal.", "Asked for a **discount** on volume.",
            "Unhappy with response times last month.", "Champion is the *head of operations*.",
            "Competitor is also pitching.", "Wants a demo for the wider team.");

    private final JdbcTemplate jdbc;
    private final Origins origins;
    private final Clock clock;

    InteractionsDemoData(JdbcTemplate jdbc, Origins origins, Clock clock) {
        this.jdbc = jdbc;
        this.origins = origins;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load() {
        List<Contact> contacts = jdbc.query("""
                select c.id, c.owner_id, c.department_id, concat_ws(' ', c.first_name, c.last_name) as name,
                    (select p.number from contact_phones p where p.contact_id = c.id order by p.is_primary desc, p.position limit 1) as phone,
                    (select e.address from contact_emails e where e.contact_id = c.id order by e.is_primary desc, e.position limit 1) as email,
                    array(select a.account_id from contact_accounts a where a.contact_id = c.id) as accounts
                from contacts c join users u on u.id = c.owner_id
                where u.email like '%@example.%' and c.erased_at is null order by c.id
                """, (rs, n) -> new Contact(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getObject("department_id", UUID.class), rs.getString("phone"), rs.getString("email"),
                rs.getString("name"), (UUID[]) rs.getArray("accounts").getArray()));
        List<Rep> reps = jdbc.query("""
                select id, department_id, email from users
                where email like '%@example.%' and active and role in ('SALES_REP', 'MANAGER', 'SUPPORT_AGENT')
                order by email
                """, (rs, n) -> new Rep(rs.getObject("id", UUID.class), rs.getObject("department_id", UUID.class),
                rs.getString("email")));
        if (contacts.isEmpty() || reps.isEmpty()) {
            return;
        }
        Random random = new Random(20261124);
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> participants = new ArrayList<>();
        for (int n = 0; n < INTERACTIONS; n++) {
            Contact contact = contacts.get(random.nextInt(contacts.size()));
            Rep rep = random.nextInt(5) == 0 ? reps.get(random.nextInt(reps.size()))
                    : reps.stream().filter(r -> r.id().equals(contact.ownerId())).findFirst()
                            .orElse(reps.get(random.nextInt(reps.size())));
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Instant occurred = today.minus(random.nextInt(365), ChronoUnit.DAYS)
                    .plus(8 * 60 + random.nextInt(10 * 60), ChronoUnit.MINUTES);
            InteractionType type = TYPES[random.nextInt(TYPES.length)];
            Direction direction = random.nextInt(10) < 6 ? Direction.OUTBOUND : Direction.INBOUND;
            CallOutcome outcome = null;
            Integer duration = null;
            String subject;
            String body = random.nextInt(3) == 0 ? NOTES.get(random.nextInt(NOTES.size())) : null;
            String from = null;
            String to = null;
            switch (type) {
                case CALL, SMS -> {
                    if (contact.phone() == null) {
                        type = InteractionType.NOTE;
                        direction = null;
                        body = NOTES.get(random.nextInt(NOTES.size()));
                    } else {
                        String repNumber = "+1312555" + String.format("%04d", 100 + reps.indexOf(rep));
                        from = direction == Direction.INBOUND ? contact.phone() : repNumber;
                        to = direction == Direction.INBOUND ? repNumber : contact.phone();
                        if (type == InteractionType.CALL) {
                            outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                            duration = outcome == CallOutcome.CONNECTED ? 60 + random.nextInt(1740)
                                    : outcome == CallOutcome.VOICEMAIL ? 20 + random.nextInt(60) : 0;
                        }
                    }
                }
                case EMAIL -> {
                    String address = contact.email() != null ? contact.email() : "info@example.org";
                    from = direction == Direction.INBOUND ? address : rep.email();
                    to = direction == Direction.INBOUND ? rep.email() : address;
                }
                case MEETING -> duration = 15 * (1 + random.nextInt(6));
                case NOTE, LETTER, SOCIAL, CHAT, WEB_FORM -> {
                    if (type == InteractionType.NOTE || type == InteractionType.LETTER) {
                        direction = type == InteractionType.LETTER ? Direction.OUTBOUND : null;
                    }
                    if (type == InteractionType.WEB_FORM || type == InteractionType.CHAT) {
                        direction = Direction.INBOUND;
                    }
                    body = body == null ? NOTES.get(random.nextInt(NOTES.size())) : body;
                }
                default -> { }
            }
            if (type == InteractionType.NOTE) {
                direction = null;
            }
            subject = switch (type) {
                case CALL -> CALL_SUBJECTS.get(random.nextInt(CALL_SUBJECTS.size()));
                case EMAIL -> EMAIL_SUBJECTS.get(random.nextInt(EMAIL_SUBJECTS.size()));
                case MEETING -> "Meeting with " + contact.name();
                case WEB_FORM -> "Contact form";
                case CHAT -> "Website chat";
                default -> null;
            };
            InteractionView.Origin origin = origins.of(type, direction, from, to);
            Sentiment sentiment = random.nextInt(4) == 0 ? Sentiment.values()[random.nextInt(3)] : null;
            rows.add(new Object[] {id, type.name(), direction == null ? null : direction.name(), Timestamp.from(occurred),
                    duration, subject, body, outcome == null ? null : outcome.name(),
                    sentiment == null ? null : sentiment.name(), from, to,
                    origin == null ? null : origin.country(), origin == null ? null : origin.region(),
                    origin == null ? null : origin.domain(), rep.id(), rep.departmentId(), Timestamp.from(occurred)});
            links.add(new Object[] {id, "contact", contact.id(), Timestamp.from(occurred)});
            for (UUID account : contact.accounts()) {
                links.add(new Object[] {id, "account", account, Timestamp.from(occurred)});
            }
            participants.add(new Object[] {id, "CONTACT", contact.id()});
            participants.add(new Object[] {id, "USER", rep.id()});
        }
        jdbc.batchUpdate("""
                insert into interactions (id, type, direction, occurred_at, duration_seconds, subject, body, outcome,
                    sentiment, from_address, to_address, origin_country, origin_region, origin_domain, owner_id,
                    department_id, created_at, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DEMO')
                """, rows);
        jdbc.batchUpdate("insert into interaction_links (interaction_id, record_type, record_id, occurred_at)"
                + " values (?, ?, ?, ?) on conflict do nothing", links);
        jdbc.batchUpdate("insert into interaction_participants (interaction_id, participant_type, participant_id)"
                + " values (?, ?, ?) on conflict do nothing", participants);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] weighted(Object... valuesAndWeights) {
        List<Object> expanded = new ArrayList<>();
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            for (int w = 0; w < (Integer) valuesAndWeights[i + 1]; w++) {
                expanded.add(valuesAndWeights[i]);
            }
        }
        T[] array = (T[]) java.lang.reflect.Array.newInstance(valuesAndWeights[0].getClass(), expanded.size());
        return expanded.toArray(array);
    }
}
