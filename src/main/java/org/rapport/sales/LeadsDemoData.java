package org.rapport.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * About 150 demo leads over the last six months for the sales reps and managers of the sales departments (some in
 * the unassigned queue), across sources and statuses; the converted ones point at demo contacts of the same owner,
 * converted after they were created. Also a round-robin rule for Sales East and a few scoring rules. Seeded random:
 * the same on every machine. Runs after the customer and interaction demo data.
 */
@Component
class LeadsDemoData implements DemoDataContributor {

    static final int LEADS = 150;
    private static final List<String> FIRST = List.of("Amelia", "Noah", "Olivia", "Liam", "Sofia", "Mateo", "Yuki",
            "Arjun", "Chloe", "Lars", "Fatima", "Jonas", "Isabel", "Kwame", "Mei", "Oscar", "Zara", "Pablo");
    private static final List<String> LAST = List.of("Fischer", "Tanaka", "Rossi", "Silva", "Novak", "Dubois",
            "Kowalski", "Haddad", "Jensen", "Murphy", "Costa", "Ivanova", "Okoye", "Lindqvist", "Park", "Varga");
    private static final List<String> COMPANIES = List.of("Northwind Labs", "Bluefin Logistics", "Cedar Health",
            "Quartz Analytics", "Helix Robotics", "Orchid Foods", "Summit Legal", "Tidewater Energy", "Pixel Forge",
            "Granite Insurance", "Lumen Retail", "Atlas Freight");
    private static final List<String> TITLES = List.of("Purchasing Manager", "Director of Operations", "CTO",
            "Office Manager", "Head of Sales", "Procurement Lead", "Owner");
    private static final List<String> COUNTRIES = List.of("US", "US", "US", "CA", "GB", "DE", "FR", "BR", "JP", "IN");
    private static final List<String> REASONS = List.of("No budget", "Chose a competitor", "Not the decision maker",
            "No response after five attempts");

    private final UserService users;
    private final JdbcClient jdbc;
    private final Clock clock;

    LeadsDemoData(UserService users, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load() {
        Map<String, UUID> departments = users.departments().stream()
                .collect(Collectors.toMap(d -> d.name(), d -> d.id(), (a, b) -> a));
        List<UserView> sellers = users.list().stream().filter(u -> u.active()
                        && (u.role() == Role.SALES_REP || u.role() == Role.MANAGER) && u.departmentId() != null
                        && (u.departmentId().equals(departments.get("Sales East"))
                        || u.departmentId().equals(departments.get("Sales West"))))
                .sorted(java.util.Comparator.comparing(UserView::email)).toList();
        if (sellers.isEmpty()) {
            return;
        }
        Map<UUID, List<UUID>> contactsByOwner = new java.util.HashMap<>();
        jdbc.sql("select id, owner_id from contacts where erased_at is null order by created_at, id limit 5000")
                .query((rs, n) -> contactsByOwner.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(1, UUID.class)))
                .list();
        Random random = new Random(52);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<LeadSource> sources = List.of(LeadSource.values());
        for (int i = 0; i < LEADS; i++) {
            UserView seller = sellers.get(random.nextInt(sellers.size()));
            boolean queued = random.nextInt(12) == 0;
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            String company = random.nextInt(5) == 0 ? null : COMPANIES.get(random.nextInt(COMPANIES.size()));
            LeadSource source = sources.get(random.nextInt(sources.size()));
            Instant created = now.minus(Duration.ofMinutes(random.nextInt(180 * 24 * 60)));
            int roll = random.nextInt(10);
            LeadStatus status = queued ? LeadStatus.NEW : roll < 4 ? LeadStatus.NEW : roll < 6 ? LeadStatus.WORKING
                    : roll < 7 ? LeadStatus.QUALIFIED : roll < 8 ? LeadStatus.DISQUALIFIED : LeadStatus.CONVERTED;
            List<UUID> ownContacts = contactsByOwner.getOrDefault(seller.id(), List.of());
            if (status == LeadStatus.CONVERTED && ownContacts.isEmpty()) {
                status = LeadStatus.QUALIFIED;
            }
            UUID contact = status == LeadStatus.CONVERTED ? ownContacts.get(random.nextInt(ownContacts.size())) : null;
            Instant converted = contact == null ? null
                    : created.plus(Duration.ofMinutes(random.nextInt((int) Math.max(1,
                    Duration.between(created, now).toMinutes()))));
            String email = (first + "." + last + i).toLowerCase() + "@"
                    + (company == null ? "mail.example.net" : company.toLowerCase().replace(" ", "") + ".example");
            int score = (company != null ? 10 : 0) + (source == LeadSource.REFERRAL ? 20 : 0);
            jdbc.sql("""
                            insert into leads (first_name, last_name, email, phone, company, title, country, source,
                                status, disqualified_reason, owner_id, department_id, generated_by, converted_at,
                                converted_contact_id, score, created_at, updated_at)
                            values (:first, :last, :email, :phone, :company, :title, :country, :source, :status,
                                :reason, :owner, :department, :generatedBy, cast(:convertedAt as timestamptz), :contact, :score, :created,
                                coalesce(cast(:convertedAt as timestamptz), :created))
                            """)
                    .param("first", first).param("last", last).param("email", email)
                    .param("phone", "+1" + (202 + random.nextInt(700)) + "555" + String.format("%04d", 1000 + i))
                    .param("company", company).param("title", TITLES.get(random.nextInt(TITLES.size())))
                    .param("country", COUNTRIES.get(random.nextInt(COUNTRIES.size()))).param("source", source.name())
                    .param("status", status.name())
                    .param("reason", status == LeadStatus.DISQUALIFIED ? REASONS.get(random.nextInt(REASONS.size())) : null)
                    .param("owner", queued ? null : seller.id()).param("department", seller.departmentId())
                    .param("generatedBy", source == LeadSource.WEB_FORM || source == LeadSource.CAMPAIGN ? null
                            : seller.id())
                    .param("convertedAt", converted == null ? null : java.sql.Timestamp.from(converted))
                    .param("contact", contact).param("score", score).param("created", java.sql.Timestamp.from(created))
                    .update();
        }
        UUID east = departments.get("Sales East");
        if (east != null) {
            jdbc.sql("insert into lead_assignment_rules (position, kind, department_id) values (1, 'ROUND_ROBIN', :d)")
                    .param("d", east).update();
        }
        jdbc.sql("""
                insert into lead_scoring_rules (kind, field, value, behaviour, points) values
                    ('FIELD', 'COMPANY_PRESENT', null, null, 10),
                    ('FIELD', 'SOURCE', 'REFERRAL', null, 20),
                    ('BEHAVIOUR', null, null, 'CALL_CONNECTED', 15),
                    ('BEHAVIOUR', null, null, 'EMAIL_REPLIED', 10)
                """).update();
    }
}
