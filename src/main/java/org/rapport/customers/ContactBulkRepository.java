package org.rapport.customers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of bulk writes: each statement handles all contacts of a chunk at once, its values passed as arrays
 * and unnested, so a chunk costs a fixed number of round trips whatever its size.
 */
@Repository
class ContactBulkRepository {

    /** A stored contact having one of the emails ({@code kind} e) or phones (p) looked for. */
    record Match(char kind, String key, UUID contactId, boolean visible, boolean hasEmail) {
    }

    /** A stored contact's values with the version they were read at. */
    record Stored(UUID id, int version, ContactData data) {
    }

    /** A contact a batch created or updated, and its version when the batch was done with it. */
    record Write(UUID contactId, boolean created, int versionAfter) {
    }

    /** A change of consent to record in {@code consent_events}. */
    record ConsentChange(UUID contactId, String kind, boolean granted, String source) {
    }

    private static final String SEARCH_TEXT = "rapport_search_key(concat_ws(' ', u.first_name, u.last_name, u.emails_text, u.phones_text))";
    private static final String UNNEST = """
            unnest(cast(:ids as uuid[]), cast(:firstNames as text[]), cast(:lastNames as text[]), cast(:titles as text[]),
                   cast(:stages as text[]), cast(:sources as text[]), cast(:optIns as boolean[]),
                   cast(:optInSources as text[]), cast(:doNotCalls as boolean[]), cast(:doNotEmails as boolean[]),
                   cast(:addresses as text[]), cast(:owners as uuid[]), cast(:departments as uuid[]),
                   cast(:tags as text[]), cast(:emailsTexts as text[]), cast(:phonesTexts as text[]),
                   cast(:customFields as text[]))
              as u(id, first_name, last_name, title, lifecycle_stage, source, opt_in, opt_in_source, do_not_call,
                   do_not_email, address, owner_id, department_id, tags, emails_text, phones_text, custom_fields)
            """;
    /** Tags travel as one text per contact, joined by the unit separator (which {@link ContactBulkMerge} keeps out of tags). */
    private static final String TAGS = "string_to_array(u.tags, chr(31))";

    private static final long BULK_WRITE_LOCK = 0x5241505042554C4BL;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContactBulkRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Makes bulk writes wait for each other until the end of the transaction, so that two imports of the same rows
     * running at once see each other's contacts and create no duplicates.
     */
    void serializeBulkWrites() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", BULK_WRITE_LOCK).query((rs, n) -> 1).list();
    }

    /** Ids of the visible accounts with each of these lower-case names. */
    Map<String, List<UUID>> visibleAccountIdsByName(SqlFilter visible, Collection<String> lowerNames) {
        Map<String, List<UUID>> ids = new HashMap<>();
        if (lowerNames.isEmpty()) {
            return ids;
        }
        jdbc.sql("select lower(a.name), a.id from accounts a where lower(a.name) = any(:names) and " + visible.sql()
                        + " order by a.id")
                .params(visible.params()).param("names", lowerNames.toArray(String[]::new))
                .query(rs -> {
                    ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                });
        return ids;
    }

    /** Stored contacts with one of these emails or phones; visible ones first, then the oldest. */
    List<Match> matches(SqlFilter visible, Collection<String> emails, Collection<String> phones) {
        String vis = visible.sql();
        return jdbc.sql("""
                select m.kind, m.key, m.id, m.visible, m.has_email from (
                  select 'e' as kind, e.address as key, c.id, c.created_at, (%s) as visible, true as has_email
                  from contact_emails e join contacts c on c.id = e.contact_id
                  where e.address = any(:emails) and c.erased_at is null
                  union all
                  select 'p', p.number, c.id, c.created_at, (%s),
                         exists (select 1 from contact_emails x where x.contact_id = c.id)
                  from contact_phones p join contacts c on c.id = p.contact_id
                  where p.number = any(:phones) and c.erased_at is null
                ) m order by m.visible desc, m.created_at, m.id
                """.formatted(vis, vis))
                .params(visible.params())
                .param("emails", emails.toArray(String[]::new)).param("phones", phones.toArray(String[]::new))
                .query((rs, n) -> new Match(rs.getString(1).charAt(0), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    /** Reads these contacts with their emails, phones and account links, locking them until the transaction ends. */
    Map<UUID, Stored> lockAndLoad(Collection<UUID> ids) {
        Map<UUID, Stored> stored = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return stored;
        }
        UUID[] array = ids.stream().sorted().toArray(UUID[]::new);
        List<Row> rows = jdbc.sql("select * from contacts c where c.id = any(:ids) and c.erased_at is null order by c.id for update")
                .param("ids", array).query(this::row).list();
        Map<UUID, List<ContactView.Email>> emails = new HashMap<>();
        jdbc.sql("select contact_id, address, type, is_primary from contact_emails where contact_id = any(:ids) order by contact_id, position")
                .param("ids", array).query(rs -> {
                    emails.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(
                            new ContactView.Email(rs.getString(2), EmailType.valueOf(rs.getString(3)), rs.getBoolean(4)));
                });
        Map<UUID, List<ContactView.Phone>> phones = new HashMap<>();
        jdbc.sql("select contact_id, number, type, is_primary from contact_phones where contact_id = any(:ids) order by contact_id, position")
                .param("ids", array).query(rs -> {
                    phones.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(
                            new ContactView.Phone(rs.getString(2), PhoneType.valueOf(rs.getString(3)), rs.getBoolean(4)));
                });
        Map<UUID, Map<UUID, String>> accounts = new HashMap<>();
        jdbc.sql("select contact_id, account_id, role from contact_accounts where contact_id = any(:ids) order by contact_id, account_id")
                .param("ids", array).query(rs -> {
                    accounts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                            .put(rs.getObject(2, UUID.class), rs.getString(3));
                });
        for (Row r : rows) {
            stored.put(r.id(), new Stored(r.id(), r.version(), r.data(List.copyOf(emails.getOrDefault(r.id(), List.of())),
                    List.copyOf(phones.getOrDefault(r.id(), List.of())), accounts.getOrDefault(r.id(), Map.of()))));
        }
        return stored;
    }

    /** Keeps the current state of contacts about to be updated by the batch, unless the batch already wrote them. */
    void snapshot(UUID batchId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contact_bulk_writes (batch_id, contact_id, action, version_after, before)
                select :batch, c.id, 'UPDATED', c.version + 1, jsonb_build_object(
                    'contact', to_jsonb(c),
                    'emails', coalesce((select jsonb_agg(to_jsonb(e) order by e.position) from contact_emails e
                                        where e.contact_id = c.id), '[]'),
                    'phones', coalesce((select jsonb_agg(to_jsonb(p) order by p.position) from contact_phones p
                                        where p.contact_id = c.id), '[]'),
                    'accounts', coalesce((select jsonb_agg(to_jsonb(a)) from contact_accounts a
                                          where a.contact_id = c.id), '[]'))
                from contacts c where c.id = any(:ids)
                on conflict (batch_id, contact_id) do update set version_after = excluded.version_after
                """)
                .param("batch", batchId).param("ids", ids.toArray(UUID[]::new)).update();
    }

    void recordCreated(UUID batchId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contact_bulk_writes (batch_id, contact_id, action, version_after)
                select :batch, id, 'CREATED', 0 from unnest(cast(:ids as uuid[])) as id
                """)
                .param("batch", batchId).param("ids", ids.toArray(UUID[]::new)).update();
    }

    void insert(Map<UUID, ContactData> contacts, UUID createdBy) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into contacts (id, first_name, last_name, title, lifecycle_stage, source, marketing_opt_in,
                    marketing_opt_in_at, marketing_opt_in_source, do_not_call, do_not_email, address, owner_id,
                    department_id, tags, search_text, custom_fields, created_by)
                select u.id, u.first_name, u.last_name, u.title, u.lifecycle_stage, u.source, u.opt_in,
                    case when u.opt_in then now() end, u.opt_in_source, u.do_not_call, u.do_not_email,
                    cast(u.address as jsonb), u.owner_id, u.department_id, %s, %s, cast(u.custom_fields as jsonb),
                    :createdBy
                from %s
                """.formatted(TAGS, SEARCH_TEXT, UNNEST))
                .params(columns(contacts)).param("createdBy", createdBy).update();
    }

    void update(Map<UUID, ContactData> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update contacts c set first_name = u.first_name, last_name = u.last_name, title = u.title,
                    lifecycle_stage = u.lifecycle_stage, source = u.source,
                    marketing_opt_in_at = case when u.opt_in and not c.marketing_opt_in then now()
                                               when u.opt_in then c.marketing_opt_in_at end,
                    marketing_opt_in_source = u.opt_in_source, marketing_opt_in = u.opt_in,
                    do_not_call = u.do_not_call, do_not_email = u.do_not_email, address = cast(u.address as jsonb),
                    owner_id = u.owner_id, department_id = u.department_id, tags = %s, search_text = %s,
                    custom_fields = cast(u.custom_fields as jsonb), updated_at = now(), version = c.version + 1
                from %s
                where c.id = u.id
                """.formatted(TAGS, SEARCH_TEXT, UNNEST))
                .params(columns(contacts)).update();
    }

    /** Replaces the emails, phones and account links of these contacts (none stored yet for new ones). */
    void replaceChildren(Map<UUID, ContactData> contacts, Collection<UUID> stored) {
        if (!stored.isEmpty()) {
            UUID[] ids = stored.toArray(UUID[]::new);
            jdbc.sql("delete from contact_emails where contact_id = any(:ids)").param("ids", ids).update();
            jdbc.sql("delete from contact_phones where contact_id = any(:ids)").param("ids", ids).update();
            jdbc.sql("delete from contact_accounts where contact_id = any(:ids)").param("ids", ids).update();
        }
        Children emails = new Children();
        Children phones = new Children();
        List<UUID> linkContacts = new ArrayList<>();
        List<UUID> linkAccounts = new ArrayList<>();
        List<String> linkRoles = new ArrayList<>();
        contacts.forEach((id, c) -> {
            for (int i = 0; i < c.emails().size(); i++) {
                ContactView.Email e = c.emails().get(i);
                emails.add(id, i, e.address(), e.type().name(), e.primary());
            }
            for (int i = 0; i < c.phones().size(); i++) {
                ContactView.Phone p = c.phones().get(i);
                phones.add(id, i, p.number(), p.type().name(), p.primary());
            }
            c.accounts().forEach((account, role) -> {
                linkContacts.add(id);
                linkAccounts.add(account);
                linkRoles.add(role);
            });
        });
        if (!emails.contacts.isEmpty()) {
            emails.insert(jdbc, "contact_emails", "address");
        }
        if (!phones.contacts.isEmpty()) {
            phones.insert(jdbc, "contact_phones", "number");
        }
        if (!linkContacts.isEmpty()) {
            jdbc.sql("""
                    insert into contact_accounts (contact_id, account_id, role)
                    select * from unnest(cast(:contacts as uuid[]), cast(:accounts as uuid[]), cast(:roles as text[]))
                    """)
                    .param("contacts", linkContacts.toArray(UUID[]::new))
                    .param("accounts", linkAccounts.toArray(UUID[]::new))
                    .param("roles", linkRoles.toArray(String[]::new)).update();
        }
    }

    void recordConsent(List<ConsentChange> changes, UUID actorId) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into consent_events (contact_id, kind, granted, source, actor_id)
                select u.contact_id, u.kind, u.granted, u.source, :actor
                from unnest(cast(:contacts as uuid[]), cast(:kinds as text[]), cast(:granted as boolean[]),
                            cast(:sources as text[])) as u(contact_id, kind, granted, source)
                """)
                .param("contacts", changes.stream().map(ConsentChange::contactId).toArray(UUID[]::new))
                .param("kinds", changes.stream().map(ConsentChange::kind).toArray(String[]::new))
                .param("granted", changes.stream().map(ConsentChange::granted).toArray(Boolean[]::new))
                .param("sources", changes.stream().map(ConsentChange::source).toArray(String[]::new))
                .param("actor", actorId).update();
    }

    /** The next contacts of a batch still to revert, locked. */
    List<Write> nextWrites(UUID batchId, int limit) {
        return jdbc.sql("""
                select contact_id, action, version_after from contact_bulk_writes
                where batch_id = :batch order by contact_id limit :limit for update
                """)
                .param("batch", batchId).param("limit", limit)
                .query((rs, n) -> new Write(rs.getObject(1, UUID.class), "CREATED".equals(rs.getString(2)), rs.getInt(3)))
                .list();
    }

    /** Puts these contacts back as the batch found them (values, emails, phones, links to accounts that still exist). */
    void restore(UUID batchId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        jdbc.sql("""
                update contacts c set first_name = s.first_name, last_name = s.last_name, title = s.title,
                    relationship_types = s.relationship_types, lifecycle_stage = s.lifecycle_stage, source = s.source,
                    preferred_channel = s.preferred_channel, language = s.language, interests = s.interests,
                    marketing_opt_in = s.marketing_opt_in, marketing_opt_in_at = s.marketing_opt_in_at,
                    marketing_opt_in_source = s.marketing_opt_in_source, do_not_call = s.do_not_call,
                    do_not_email = s.do_not_email, address = s.address, owner_id = s.owner_id,
                    department_id = s.department_id, tags = s.tags, custom_fields = s.custom_fields,
                    search_text = s.search_text, updated_at = now(), version = c.version + 1
                from contact_bulk_writes w, jsonb_populate_record(null::contacts, w.before -> 'contact') s
                where w.batch_id = :batch and w.contact_id = any(:ids) and c.id = w.contact_id
                """).param("batch", batchId).param("ids", array).update();
        jdbc.sql("delete from contact_emails where contact_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from contact_phones where contact_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from contact_accounts where contact_id = any(:ids)").param("ids", array).update();
        jdbc.sql("""
                insert into contact_emails (contact_id, position, address, type, is_primary)
                select x.contact_id, x.position, x.address, x.type, x.is_primary
                from contact_bulk_writes w, jsonb_populate_recordset(null::contact_emails, w.before -> 'emails') x
                where w.batch_id = :batch and w.contact_id = any(:ids)
                """).param("batch", batchId).param("ids", array).update();
        jdbc.sql("""
                insert into contact_phones (contact_id, position, number, type, is_primary)
                select x.contact_id, x.position, x.number, x.type, x.is_primary
                from contact_bulk_writes w, jsonb_populate_recordset(null::contact_phones, w.before -> 'phones') x
                where w.batch_id = :batch and w.contact_id = any(:ids)
                """).param("batch", batchId).param("ids", array).update();
        jdbc.sql("""
                insert into contact_accounts (contact_id, account_id, role)
                select x.contact_id, x.account_id, x.role
                from contact_bulk_writes w, jsonb_populate_recordset(null::contact_accounts, w.before -> 'accounts') x
                where w.batch_id = :batch and w.contact_id = any(:ids)
                  and exists (select 1 from accounts a where a.id = x.account_id)
                """).param("batch", batchId).param("ids", array).update();
    }

    void delete(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from contacts where id = any(:ids)").param("ids", ids.toArray(UUID[]::new)).update();
        }
    }

    void forget(UUID batchId, Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from contact_bulk_writes where batch_id = :batch and contact_id = any(:ids)")
                    .param("batch", batchId).param("ids", ids.toArray(UUID[]::new)).update();
        }
    }

    /** Names of these accounts, of those the caller can see. */
    Map<UUID, String> accountNames(SqlFilter visible, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select a.id, a.name from accounts a where a.id = any(:ids) and " + visible.sql())
                    .params(visible.params()).param("ids", ids.toArray(UUID[]::new))
                    .query(rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return names;
    }

    private Map<String, Object> columns(Map<UUID, ContactData> contacts) {
        int n = contacts.size();
        UUID[] ids = new UUID[n];
        String[] firstNames = new String[n];
        String[] lastNames = new String[n];
        String[] titles = new String[n];
        String[] stages = new String[n];
        String[] sources = new String[n];
        Boolean[] optIns = new Boolean[n];
        String[] optInSources = new String[n];
        Boolean[] doNotCalls = new Boolean[n];
        Boolean[] doNotEmails = new Boolean[n];
        String[] addresses = new String[n];
        UUID[] owners = new UUID[n];
        UUID[] departments = new UUID[n];
        String[] tags = new String[n];
        String[] emailsTexts = new String[n];
        String[] phonesTexts = new String[n];
        String[] customFields = new String[n];
        int i = 0;
        for (Map.Entry<UUID, ContactData> entry : contacts.entrySet()) {
            ContactData c = entry.getValue();
            ids[i] = entry.getKey();
            firstNames[i] = c.firstName();
            lastNames[i] = c.lastName();
            titles[i] = c.title();
            stages[i] = c.lifecycleStage() == null ? null : c.lifecycleStage().name();
            sources[i] = c.source();
            optIns[i] = c.marketingOptIn();
            optInSources[i] = c.marketingOptInSource();
            doNotCalls[i] = c.doNotCall();
            doNotEmails[i] = c.doNotEmail();
            addresses[i] = c.address() == null ? null : json.writeValueAsString(c.address());
            owners[i] = c.ownerId();
            departments[i] = c.departmentId();
            tags[i] = String.join("\u001f", c.tags());
            emailsTexts[i] = String.join(" ", c.emails().stream().map(ContactView.Email::address).toList());
            phonesTexts[i] = String.join(" ", c.phones().stream().map(ContactView.Phone::number).toList());
            customFields[i] = json.writeValueAsString(c.customFields());
            i++;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ids", ids);
        p.put("firstNames", firstNames);
        p.put("lastNames", lastNames);
        p.put("titles", titles);
        p.put("stages", stages);
        p.put("sources", sources);
        p.put("optIns", optIns);
        p.put("optInSources", optInSources);
        p.put("doNotCalls", doNotCalls);
        p.put("doNotEmails", doNotEmails);
        p.put("addresses", addresses);
        p.put("owners", owners);
        p.put("departments", departments);
        p.put("tags", tags);
        p.put("emailsTexts", emailsTexts);
        p.put("phonesTexts", phonesTexts);
        p.put("customFields", customFields);
        return p;
    }

    /** Emails or phones of many contacts, as parallel arrays for one insert. */
    private static final class Children {
        final List<UUID> contacts = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<Boolean> primaries = new ArrayList<>();

        void add(UUID contact, int position, String value, String type, boolean primary) {
            contacts.add(contact);
            positions.add(position);
            values.add(value);
            types.add(type);
            primaries.add(primary);
        }

        void insert(JdbcClient jdbc, String table, String valueColumn) {
            jdbc.sql("insert into " + table + " (contact_id, position, " + valueColumn + ", type, is_primary) "
                            + "select * from unnest(cast(:contacts as uuid[]), cast(:positions as int[]), "
                            + "cast(:values as text[]), cast(:types as text[]), cast(:primaries as boolean[]))")
                    .param("contacts", contacts.toArray(UUID[]::new))
                    .param("positions", positions.toArray(Integer[]::new))
                    .param("values", values.toArray(String[]::new))
                    .param("types", types.toArray(String[]::new))
                    .param("primaries", primaries.toArray(Boolean[]::new))
                    .update();
        }
    }

    /** The contacts row before its children are attached. */
    private record Row(UUID id, int version, String firstName, String lastName, String title,
                       Set<RelationshipType> types, LifecycleStage stage, String source,
                       ContactView.Preferences preferences, boolean optIn, String optInSource, boolean doNotCall,
                       boolean doNotEmail, PostalAddress address, UUID ownerId, UUID departmentId, List<String> tags,
                       Map<String, Object> customFields) {

        ContactData data(List<ContactView.Email> emails, List<ContactView.Phone> phones, Map<UUID, String> accounts) {
            return new ContactData(firstName, lastName, title, emails, phones, accounts, types, stage, source,
                    preferences, optIn, optInSource, doNotCall, doNotEmail, address, ownerId, departmentId, tags,
                    customFields);
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String channel = rs.getString("preferred_channel");
        String stage = rs.getString("lifecycle_stage");
        String address = rs.getString("address");
        Set<RelationshipType> types = EnumSet.noneOf(RelationshipType.class);
        for (String type : strings(rs.getArray("relationship_types"))) {
            types.add(RelationshipType.valueOf(type));
        }
        return new Row(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("title"), types,
                stage == null ? null : LifecycleStage.valueOf(stage), rs.getString("source"),
                new ContactView.Preferences(channel == null ? null : ContactChannel.valueOf(channel),
                        rs.getString("language"), strings(rs.getArray("interests"))),
                rs.getBoolean("marketing_opt_in"), rs.getString("marketing_opt_in_source"),
                rs.getBoolean("do_not_call"), rs.getBoolean("do_not_email"),
                address == null ? null : json.readValue(address, PostalAddress.class),
                rs.getObject("owner_id", UUID.class), rs.getObject("department_id", UUID.class),
                strings(rs.getArray("tags")),
                json.readValue(rs.getString("custom_fields"), new TypeReference<Map<String, Object>>() { }));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
