package org.rapport.customers;

import org.rapport.shared.Cursors;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.rapport.identity.SqlFilter;
import org.rapport.shared.CursorPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL for contacts and their emails, phones and account links; every read takes the caller's visibility filter. */
@Repository
class ContactRepository {

    /**
     * A contact with its owner's name and, as JSON arrays, its emails, phones and account links: one statement
     * and one round trip for a contact or a page of them.
     */
    private static final String SELECT = """
            select c.id, c.first_name, c.last_name, c.title, c.relationship_types, c.lifecycle_stage, c.source,
                   c.preferred_channel, c.language, c.interests, c.marketing_opt_in, c.marketing_opt_in_at,
                   c.marketing_opt_in_source, c.do_not_call, c.do_not_email, c.address, c.owner_id,
                   (select u.name from users u where u.id = c.owner_id) as owner_name, c.department_id, c.tags, c.custom_fields, c.created_at, c.updated_at,
                   c.version,
                   (select json_agg(json_build_array(e.address, e.type, e.is_primary) order by e.position)
                    from contact_emails e where e.contact_id = c.id) as emails,
                   (select json_agg(json_build_array(p.number, p.type, p.is_primary) order by p.position)
                    from contact_phones p where p.contact_id = c.id) as phones,
                   (select json_agg(json_build_array(a.account_id, a.role) order by a.account_id)
                    from contact_accounts a where a.contact_id = c.id) as accounts
            from contacts c
            """;
    /** {@link #find}'s statement up to the visibility filter; bench/pgbench/get-contact.sql runs the same. */
    static final String FIND = SELECT + " where c.id = :id and c.erased_at is null and ";
    private static final TypeReference<Map<String, Object>> CUSTOM_FIELDS = new TypeReference<>() { };
    private static final String SEARCH_TEXT = """
            rapport_search_key(concat_ws(' ', cast(:firstName as text), cast(:lastName as text), cast(:emailsText as text), cast(:phonesText as text)))""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContactRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ContactView> find(UUID id, SqlFilter visible) {
        return load(jdbc.sql(FIND + visible.sql()).params(visible.params()).param("id", id)).stream().findFirst();
    }

    /** One page ordered by last name, first name, id; the cursor is the last row's key. */
    CursorPage<ContactView> list(SqlFilter visible, ListFilter filter, ContactSort sort, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.erased_at is null and ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        filter.appendTo(sql, params, "c");
        String[] key = cursor == null || cursor.isBlank() ? null : Cursors.decode(cursor, sort == ContactSort.NAME ? 4 : 3);
        if (key != null && !key[0].equals(sort.name())) {
            throw new org.rapport.shared.InvalidFieldException("cursor", "This cursor belongs to another sort order");
        }
        switch (sort) {
            case NAME -> {
                if (key != null) {
                    sql.append(" and (lower(c.last_name), lower(c.first_name), c.id) > (:afterLast, :afterFirst, :afterId)");
                    params.put("afterLast", key[1]);
                    params.put("afterFirst", key[2]);
                    params.put("afterId", UUID.fromString(key[3]));
                }
                sql.append(" order by lower(c.last_name), lower(c.first_name), c.id");
            }
            case UPDATED, CREATED -> {
                String column = sort == ContactSort.UPDATED ? "c.updated_at" : "c.created_at";
                if (key != null) {
                    sql.append(" and (").append(column).append(", c.id) < (:afterTime, :afterId)");
                    params.put("afterTime", Cursors.time(key[1]));
                    params.put("afterId", UUID.fromString(key[2]));
                }
                sql.append(" order by ").append(column).append(" desc, c.id desc");
            }
        }
        sql.append(" limit :limit");
        params.put("limit", limit + 1);
        List<ContactView> rows = load(jdbc.sql(sql.toString()).params(params));
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<ContactView> page = List.copyOf(rows.subList(0, limit));
        ContactView last = page.getLast();
        return new CursorPage<>(page, switch (sort) {
            case NAME -> Cursors.encode(sort.name(), last.lastName().toLowerCase(), last.firstName().toLowerCase(),
                    last.id().toString());
            case UPDATED -> Cursors.encode(sort.name(), last.updatedAt().toString(), last.id().toString());
            case CREATED -> Cursors.encode(sort.name(), last.createdAt().toString(), last.id().toString());
        });
    }

    UUID insert(ContactData c, UUID createdBy) {
        UUID id = jdbc.sql("""
                insert into contacts (first_name, last_name, title, relationship_types, lifecycle_stage, source,
                    preferred_channel, language, interests, marketing_opt_in, marketing_opt_in_at,
                    marketing_opt_in_source, do_not_call, do_not_email, address, owner_id, department_id, tags,
                    custom_fields, search_text, created_by)
                values (:firstName, :lastName, :title, :relationshipTypes, :lifecycleStage, :source,
                    :preferredChannel, :language, :interests, :optIn, case when :optIn then now() end,
                    :optInSource, :doNotCall, :doNotEmail, cast(:address as jsonb), :ownerId, :departmentId, :tags,
                    cast(:customFields as jsonb), %s, :createdBy)
                returning id
                """.formatted(SEARCH_TEXT))
                .params(params(c)).param("createdBy", createdBy)
                .query(UUID.class).single();
        insertChildren(id, c);
        return id;
    }

    boolean update(UUID id, int version, ContactData c) {
        int updated = jdbc.sql("""
                update contacts set first_name = :firstName, last_name = :lastName, title = :title,
                    relationship_types = :relationshipTypes, lifecycle_stage = :lifecycleStage, source = :source,
                    preferred_channel = :preferredChannel, language = :language, interests = :interests,
                    marketing_opt_in_at = case when :optIn and not marketing_opt_in then now()
                                               when :optIn then marketing_opt_in_at end,
                    marketing_opt_in_source = case when :optIn then coalesce(:optInSource, marketing_opt_in_source) end,
                    marketing_opt_in = :optIn, do_not_call = :doNotCall, do_not_email = :doNotEmail,
                    address = cast(:address as jsonb), owner_id = :ownerId, department_id = :departmentId,
                    tags = :tags, custom_fields = cast(:customFields as jsonb), search_text = %s,
                    updated_at = now(), version = version + 1
                where id = :id and version = :version and erased_at is null
                """.formatted(SEARCH_TEXT))
                .params(params(c)).param("id", id).param("version", version)
                .update();
        if (updated == 1) {
            jdbc.sql("delete from contact_emails where contact_id = :id").param("id", id).update();
            jdbc.sql("delete from contact_phones where contact_id = :id").param("id", id).update();
            jdbc.sql("delete from contact_accounts where contact_id = :id").param("id", id).update();
            insertChildren(id, c);
        }
        return updated == 1;
    }

    void delete(UUID id) {
        jdbc.sql("delete from contacts where id = :id").param("id", id).update();
    }

    void recordConsent(UUID contactId, String kind, boolean granted, String source, UUID actorId) {
        jdbc.sql("""
                insert into consent_events (contact_id, kind, granted, source, actor_id)
                values (:contact, :kind, :granted, :source, :actor)
                """)
                .param("contact", contactId).param("kind", kind).param("granted", granted).param("source", source)
                .param("actor", actorId).update();
    }

    /** Visible contacts sharing one of these emails or phones, for the duplicate warning. */
    List<ContactView> findByEmailsOrPhones(SqlFilter visible, List<String> emails, List<String> phones, UUID except) {
        return load(jdbc.sql(SELECT + """
                 where c.erased_at is null and c.id <> :except and (
                   exists (select 1 from contact_emails e where e.contact_id = c.id and e.address = any(:emails))
                   or exists (select 1 from contact_phones p where p.contact_id = c.id and p.number = any(:phones)))
                """ + " and " + visible.sql() + " limit 10")
                .params(visible.params()).param("except", except == null ? new UUID(0, 0) : except)
                .param("emails", emails.toArray(String[]::new)).param("phones", phones.toArray(String[]::new)));
    }

    /** Emails, phones and account links in one statement each, however many there are. */
    private void insertChildren(UUID id, ContactData c) {
        if (!c.emails().isEmpty()) {
            jdbc.sql("""
                    insert into contact_emails (contact_id, position, address, type, is_primary)
                    select :id, t.ord - 1, t.value, t.type, t.is_primary
                    from unnest(cast(:values as text[]), cast(:types as text[]), cast(:primaries as boolean[]))
                         with ordinality as t(value, type, is_primary, ord)
                    """)
                    .param("id", id)
                    .param("values", c.emails().stream().map(ContactView.Email::address).toArray(String[]::new))
                    .param("types", c.emails().stream().map(e -> e.type().name()).toArray(String[]::new))
                    .param("primaries", c.emails().stream().map(ContactView.Email::primary).toArray(Boolean[]::new))
                    .update();
        }
        if (!c.phones().isEmpty()) {
            jdbc.sql("""
                    insert into contact_phones (contact_id, position, number, type, is_primary)
                    select :id, t.ord - 1, t.value, t.type, t.is_primary
                    from unnest(cast(:values as text[]), cast(:types as text[]), cast(:primaries as boolean[]))
                         with ordinality as t(value, type, is_primary, ord)
                    """)
                    .param("id", id)
                    .param("values", c.phones().stream().map(ContactView.Phone::number).toArray(String[]::new))
                    .param("types", c.phones().stream().map(p -> p.type().name()).toArray(String[]::new))
                    .param("primaries", c.phones().stream().map(ContactView.Phone::primary).toArray(Boolean[]::new))
                    .update();
        }
        if (!c.accounts().isEmpty()) {
            jdbc.sql("""
                    insert into contact_accounts (contact_id, account_id, role)
                    select :id, t.account_id, t.role from unnest(cast(:accounts as uuid[]), cast(:roles as text[])) as t(account_id, role)
                    """)
                    .param("id", id)
                    .param("accounts", c.accounts().keySet().toArray(UUID[]::new))
                    .param("roles", c.accounts().values().toArray(String[]::new))
                    .update();
        }
    }

    private Map<String, Object> params(ContactData c) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", c.firstName());
        p.put("lastName", c.lastName());
        p.put("title", c.title());
        p.put("relationshipTypes", c.relationshipTypes().stream().map(Enum::name).sorted().toArray(String[]::new));
        p.put("lifecycleStage", c.lifecycleStage() == null ? null : c.lifecycleStage().name());
        p.put("source", c.source());
        p.put("preferredChannel", c.preferences().preferredChannel() == null ? null : c.preferences().preferredChannel().name());
        p.put("language", c.preferences().language());
        p.put("interests", c.preferences().interests().toArray(String[]::new));
        p.put("optIn", c.marketingOptIn());
        p.put("optInSource", c.marketingOptInSource());
        p.put("doNotCall", c.doNotCall());
        p.put("doNotEmail", c.doNotEmail());
        p.put("address", c.address() == null ? null : json.writeValueAsString(c.address()));
        p.put("ownerId", c.ownerId());
        p.put("departmentId", c.departmentId());
        p.put("tags", c.tags().toArray(String[]::new));
        p.put("customFields", json.writeValueAsString(c.customFields()));
        p.put("emailsText", c.emails().stream().map(ContactView.Email::address).collect(Collectors.joining(" ")));
        p.put("phonesText", c.phones().stream().map(ContactView.Phone::number).collect(Collectors.joining(" ")));
        return p;
    }

    private List<ContactView> load(JdbcClient.StatementSpec query) {
        return query.query(this::row).list();
    }

    private ContactView row(ResultSet rs, int n) throws SQLException {
        String channel = rs.getString("preferred_channel");
        String stage = rs.getString("lifecycle_stage");
        String address = rs.getString("address");
        List<ContactView.Email> emails = new ArrayList<>();
        for (JsonNode e : jsonArray(rs, "emails")) {
            emails.add(new ContactView.Email(e.get(0).asString(), EmailType.valueOf(e.get(1).asString()),
                    e.get(2).asBoolean()));
        }
        List<ContactView.Phone> phones = new ArrayList<>();
        for (JsonNode p : jsonArray(rs, "phones")) {
            phones.add(new ContactView.Phone(p.get(0).asString(), PhoneType.valueOf(p.get(1).asString()),
                    p.get(2).asBoolean()));
        }
        List<UUID> accountIds = new ArrayList<>();
        Map<UUID, String> roles = new LinkedHashMap<>();
        for (JsonNode a : jsonArray(rs, "accounts")) {
            UUID accountId = UUID.fromString(a.get(0).asString());
            accountIds.add(accountId);
            if (!a.get(1).isNull()) {
                roles.put(accountId, a.get(1).asString());
            }
        }
        return new ContactView(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("title"), emails, phones, List.copyOf(accountIds), roles,
                enums(rs.getArray("relationship_types")),
                stage == null ? null : LifecycleStage.valueOf(stage), rs.getString("source"),
                new ContactView.Preferences(channel == null ? null : ContactChannel.valueOf(channel),
                        rs.getString("language"), strings(rs.getArray("interests"))),
                new ContactView.Consent(rs.getBoolean("marketing_opt_in"), instant(rs, "marketing_opt_in_at"),
                        rs.getString("marketing_opt_in_source"), rs.getBoolean("do_not_call"),
                        rs.getBoolean("do_not_email")),
                address == null ? null : json.readValue(address, PostalAddress.class),
                rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                rs.getObject("department_id", UUID.class), strings(rs.getArray("tags")),
                json.readValue(rs.getString("custom_fields"), CUSTOM_FIELDS),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    /** A json_agg column: the array's elements, none when the column is null (json_agg of no rows). */
    private Iterable<JsonNode> jsonArray(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? List.of() : json.readTree(text);
    }

    private static Set<RelationshipType> enums(Array array) throws SQLException {
        Set<RelationshipType> set = EnumSet.noneOf(RelationshipType.class);
        for (String s : (String[]) array.getArray()) {
            set.add(RelationshipType.valueOf(s));
        }
        return set;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
