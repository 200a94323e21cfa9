package org.rapport.customers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.rapport.identity.Role;
import org.rapport.identity.UserService;
import org.rapport.identity.UserView;
import org.rapport.shared.DemoDataContributor;
import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * About 200 accounts and 1,000 contacts that look real (international names, companies, industries, valid phone
 * numbers), owned by the demo reps, with a few deliberate duplicates; deterministic (same data on every machine).
 */
@Component
class CustomersDemoData implements DemoDataContributor {

    static final int ACCOUNTS = 200;
    static final int CONTACTS = 1_000;
    static final int DUPLICATES = 12;

    private record Country(String code, String city, String currency, List<String> firstNames, List<String> lastNames,
                           String suffix) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("US", "Chicago", "USD", List.of("John", "Emily", "Michael", "Sarah", "David", "Jessica", "James", "Ashley"),
                    List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia"), "Inc."),
            new Country("GB", "Manchester", "GBP", List.of("Oliver", "Amelia", "Harry", "Isla", "George", "Ava"),
                    List.of("Taylor", "Wilson", "Evans", "Thomas", "Roberts", "Walker"), "Ltd"),
            new Country("DE", "München", "EUR", List.of("Jürgen", "Lena", "Lukas", "Anna", "Maximilian", "Sophie"),
                    List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer"), "GmbH"),
            new Country("FR", "Lyon", "EUR", List.of("François", "Camille", "Louis", "Léa", "Hugo", "Chloé"),
                    List.of("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard"), "SA"),
            new Country("ES", "Sevilla", "EUR", List.of("José", "Lucía", "Javier", "María", "Álvaro", "Sofía"),
                    List.of("García", "Fernández", "González", "Rodríguez", "López", "Martínez"), "S.L."),
            new Country("SE", "Göteborg", "SEK", List.of("Søren", "Ingrid", "Erik", "Astrid", "Lars", "Freja"),
                    List.of("Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson"), "AB"),
            new Country("PL", "Kraków", "PLN", List.of("Łukasz", "Zofia", "Piotr", "Agnieszka", "Tomasz", "Katarzyna"),
                    List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"), "Sp. z o.o."),
            new Country("BR", "São Paulo", "BRL", List.of("João", "Ana", "Pedro", "Beatriz", "Gabriel", "Júlia"),
                    List.of("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa"), "Ltda."),
            new Country("IN", "Bengaluru", "INR", List.of("Arjun", "Priya", "Rahul", "Ananya", "Vikram", "Meera"),
                    List.of("Sharma", "Patel", "Iyer", "Reddy", "Gupta", "Nair"), "Pvt Ltd"),
            new Country("JP", "Osaka", "JPY", List.of("Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina"),
                    List.of("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"), "K.K."));
    private static final List<String> WORDS = List.of("North", "Blue", "Summit", "Iron", "Bright", "Silver", "Green",
            "Harbor", "Crescent", "Pioneer", "Atlas", "Cedar", "Falcon", "Granite", "Horizon", "Maple", "Orbit",
            "Quartz", "Redwood", "Sterling", "Vertex", "Willow", "Zenith", "Aurora", "Beacon");
    private static final List<String> NOUNS = List.of("Logistics", "Analytics", "Foods", "Robotics", "Health",
            "Energy", "Textiles", "Software", "Motors", "Pharma", "Media", "Capital", "Labs", "Systems", "Retail",
            "Telecom", "Farms", "Airlines", "Hotels", "Consulting");
    private static final List<String> INDUSTRIES = List.of("Logistics", "Analytics", "Food and beverage", "Manufacturing",
            "Healthcare", "Energy", "Textiles", "Software", "Automotive", "Pharmaceuticals", "Media", "Financial services",
            "Research", "IT services", "Retail", "Telecommunications", "Agriculture", "Airlines", "Hospitality", "Consulting");
    private static final List<String> TITLES = List.of("CEO", "CFO", "CTO", "Head of Procurement", "Purchasing Manager",
            "Operations Director", "IT Manager", "Office Manager", "Marketing Lead", "Sales Director", "Buyer",
            "Product Owner", "Finance Controller", "Logistics Coordinator");
    private static final List<String> SOURCES = List.of("Web form", "Referral", "Trade show", "Cold call", "Partner",
            "Newsletter", "Import");

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final UserService users;

    CustomersDemoData(AccountRepository accounts, ContactRepository contacts, UserService users) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.users = users;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load() {
        List<UserView> owners = users.list().stream()
                .filter(u -> u.role() == Role.SALES_REP || u.role() == Role.MANAGER || u.role() == Role.SUPPORT_AGENT)
                .toList();
        if (owners.isEmpty()) {
            return;
        }
        Random random = new Random(42);
        List<UUID> accountIds = new ArrayList<>();
        List<Country> accountCountries = new ArrayList<>();
        List<String> accountDomains = new ArrayList<>();
        List<UserView> accountOwners = new ArrayList<>();
        List<int[]> names = new ArrayList<>();
        for (int w = 0; w < WORDS.size(); w++) {
            for (int n = 0; n < NOUNS.size(); n++) {
                names.add(new int[] {w, n});
            }
        }
        java.util.Collections.shuffle(names, random);
        for (int i = 0; i < ACCOUNTS; i++) {
            Country country = COUNTRIES.get(i % COUNTRIES.size());
            int noun = names.get(i)[1];
            String name = WORDS.get(names.get(i)[0]) + " " + NOUNS.get(noun) + " " + country.suffix();
            String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example";
            UserView owner = owners.get(random.nextInt(owners.size()));
            Set<RelationshipType> types = EnumSet.of(pick(random, RelationshipType.values(), 0.6, RelationshipType.CUSTOMER));
            BigDecimal revenue = BigDecimal.valueOf((long) (random.nextDouble() * 50_000_000) + 100_000);
            AccountFields fields = new AccountFields(name, domain, INDUSTRIES.get(noun), owner.id(), types,
                    types.contains(RelationshipType.CUSTOMER) ? LifecycleStage.CUSTOMER : LifecycleStage.OPPORTUNITY,
                    10 + random.nextInt(5_000), revenue, country.currency(), phone(country.code(), random),
                    new PostalAddress((1 + random.nextInt(200)) + " Market Street", country.city(), null,
                            String.valueOf(10_000 + random.nextInt(89_999)), country.code()),
                    null, null, random.nextInt(5) == 0 ? List.of("key account") : List.of(), Map.of());
            accountIds.add(accounts.insert(fields, owner.id(), owner.departmentId(), null));
            accountCountries.add(country);
            accountDomains.add(domain);
            accountOwners.add(owner);
        }
        List<ContactData> made = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            int account = random.nextInt(ACCOUNTS);
            Country country = accountCountries.get(account);
            String first = country.firstNames().get(random.nextInt(country.firstNames().size()));
            String last = country.lastNames().get(random.nextInt(country.lastNames().size()));
            String local = ascii(first).charAt(0) + "." + ascii(last) + (i >= 200 ? String.valueOf(i) : "");
            UserView owner = accountOwners.get(account);
            Map<UUID, String> links = new LinkedHashMap<>();
            links.put(accountIds.get(account), random.nextInt(4) == 0 ? "Decision maker" : null);
            boolean optIn = random.nextInt(3) == 0;
            ContactData contact = new ContactData(first, last, TITLES.get(random.nextInt(TITLES.size())),
                    List.of(new ContactView.Email(local.toLowerCase(Locale.ROOT) + "@" + accountDomains.get(account),
                            EmailType.WORK, true)),
                    List.of(new ContactView.Phone(phone(country.code(), random), PhoneType.WORK, true)),
                    links, EnumSet.of(RelationshipType.CUSTOMER),
                    LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)],
                    SOURCES.get(random.nextInt(SOURCES.size())),
                    new ContactView.Preferences(ContactChannel.values()[random.nextInt(ContactChannel.values().length)],
                            country.code().toLowerCase(Locale.ROOT), List.of()),
                    optIn, optIn ? "demo data" : null, random.nextInt(10) == 0, random.nextInt(15) == 0,
                    new PostalAddress(null, country.city(), null, null, country.code()), owner.id(),
                    owner.departmentId(), random.nextInt(6) == 0 ? List.of("newsletter") : List.of(), Map.of());
            contacts.insert(contact, null);
            made.add(contact);
        }
        for (int i = 0; i < DUPLICATES; i++) {
            ContactData original = made.get(i * 37);
            contacts.insert(new ContactData(original.firstName(), original.lastName(), original.title(),
                    i % 2 == 0 ? original.emails() : List.of(), i % 2 == 0 ? List.of() : original.phones(),
                    original.accounts(), original.relationshipTypes(), original.lifecycleStage(), "Import",
                    original.preferences(), false, null, false, false, original.address(), original.ownerId(),
                    original.departmentId(), List.of("possible duplicate"), Map.of()), null);
        }
    }

    private static <E> E pick(Random random, E[] values, double preferredShare, E preferred) {
        return random.nextDouble() < preferredShare ? preferred : values[random.nextInt(values.length)];
    }

    /** A valid number of the country, varied from libphonenumber's example number (E.164). */
    private static String phone(String region, Random random) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        var example = util.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        for (int attempt = 0; attempt < 10; attempt++) {
            long national = example.getNationalNumber();
            long varied = national - national % 10_000 + random.nextInt(10_000);
            var candidate = new com.google.i18n.phonenumbers.Phonenumber.PhoneNumber()
                    .setCountryCode(example.getCountryCode()).setNationalNumber(varied);
            if (util.isValidNumber(candidate)) {
                return util.format(candidate, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        }
        return util.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static String ascii(String name) {
        String plain = name.replace("Ł", "L").replace("ł", "l").replace("ø", "o").replace("Ø", "O");
        return java.text.Normalizer.normalize(plain, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }
}
