package org.rapport.customers;

import org.rapport.shared.Cursors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.EnumSet;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.rapport.identity.SqlFilter;
import org.rapport.shared.CursorPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code accounts}; every read takes the caller's visibility filter. */
@Repository
class AccountRepository {

    private static final String SELECT = """
            select a.*, u.name as owner_name
            from accounts a join users u on u.id = a.owner_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccountRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<AccountView> find(UUID id, SqlFilter visible) {
        return jdbc.sql(SELECT + " where a.id = :id and " + visible.sql())
                .params(visible.params()).param("id", id)
                .query(this::view).optional();
    }

    /** One page ordered by name, after the cursor. */
    CursorPage<AccountView> list(SqlFilter visible, ListFilter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        filter.appendTo(sql, params, "a");
        if (cursor != null && !cursor.isBlank()) {
            String[] key = Cursors.decode(cursor, 2);
            sql.append(" and (lower(a.name), a.id) > (:afterName, :afterId)");
            params.put("afterName", key[0]);
            params.put("afterId", UUID.fromString(key[1]));
        }
        sql.append(" order by lower(a.name), a.id limit :limit");
        params.put("limit", limit + 1);
        List<AccountView> rows = jdbc.sql(sql.toString()).params(params).query(this::view).list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<AccountView> page = rows.subList(0, limit);
        AccountView last = page.getLast();
        return new CursorPage<>(List.copyOf(page), Cursors.encode(last.name().toLowerCase(), last.id().toString()));
    }

    UUID insert(AccountFields fields, UUID ownerId, UUID departmentId, UUID createdBy) {
        return jdbc.sql("""
                insert into accounts (name, domain, industry, relationship_types, lifecycle_stage, employees,
                    annual_revenue, revenue_currency, phone, billing_address, shipping_address, parent_account_id,
                    tags, custom_fields, owner_id, department_id, created_by)
                values (:name, :domain, :industry, :relationshipTypes, :lifecycleStage, :employees, :annualRevenue,
                    :revenueCurrency, :phone, cast(:billingAddress as jsonb), cast(:shippingAddress as jsonb),
                    :parentAccountId, :tags, cast(:customFields as jsonb), :owner, :department,
                    :createdBy)
                returning id
                """)
                .params(params(fields)).param("owner", ownerId).param("department", departmentId)
                .param("createdBy", createdBy)
                .query(UUID.class).single();
    }

    boolean update(UUID id, int version, AccountFields fields, UUID departmentId) {
        return jdbc.sql("""
                update accounts set name = :name, domain = :domain, industry = :industry,
                       relationship_types = :relationshipTypes, lifecycle_stage = :lifecycleStage,
                       employees = :employees, annual_revenue = :annualRevenue, revenue_currency = :revenueCurrency,
                       phone = :phone, billing_address = cast(:billingAddress as jsonb),
                       shipping_address = cast(:shippingAddress as jsonb), parent_account_id = :parentAccountId,
                       tags = :tags, custom_fields = cast(:customFields as jsonb), owner_id = :owner,
                       department_id = :department,
                       updated_at = now(), version = version + 1
                where id = :id and version = :version
                """)
                .params(params(fields)).param("owner", fields.ownerId()).param("department", departmentId)
                .param("id", id).param("version", version)
                .update() == 1;
    }

    /** The ids of {@code id} and all its ancestors, nearest first (to refuse a parent that would make a cycle). */
    List<UUID> selfAndAncestors(UUID id) {
        return jdbc.sql("""
                with recursive up(id, parent, depth) as (
                    select id, parent_account_id, 0 from accounts where id = :id
                    union all
                    select a.id, a.parent_account_id, up.depth + 1 from accounts a join up on a.id = up.parent
                    where up.depth < 100)
                select id from up order by depth
                """).param("id", id).query(UUID.class).list();
    }

    /** The contacts linked to an account that the caller may see, by name. */
    List<ContactLink> contactsOf(UUID accountId, SqlFilter visibleContacts) {
        return jdbc.sql("""
                select c.id, c.first_name, c.last_name, c.title, ca.role
                from contact_accounts ca join contacts c on c.id = ca.contact_id
                where ca.account_id = :account and c.erased_at is null and
                """ + " " + visibleContacts.sql() + " order by lower(c.last_name), lower(c.first_name) limit 200")
                .params(visibleContacts.params()).param("account", accountId)
                .query((rs, i) -> new ContactLink(rs.getObject(1, UUID.class),
                        (rs.getString(2) + " " + rs.getString(3)).strip(), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** A contact as listed on an account: name, title, role at the account. */
    record ContactLink(UUID id, String name, String title, String role) {
    }

    private Map<String, Object> params(AccountFields f) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", f.name());
        p.put("domain", f.domain());
        p.put("industry", f.industry());
        p.put("relationshipTypes", f.relationshipTypes().stream().map(Enum::name).sorted().toArray(String[]::new));
        p.put("lifecycleStage", f.lifecycleStage() == null ? null : f.lifecycleStage().name());
        p.put("employees", f.employees());
        p.put("annualRevenue", f.annualRevenue());
        p.put("revenueCurrency", f.revenueCurrency());
        p.put("phone", f.phone());
        p.put("billingAddress", f.billingAddress() == null ? null : json.writeValueAsString(f.billingAddress()));
        p.put("shippingAddress", f.shippingAddress() == null ? null : json.writeValueAsString(f.shippingAddress()));
        p.put("parentAccountId", f.parentAccountId());
        p.put("tags", f.tags().toArray(String[]::new));
        p.put("customFields", json.writeValueAsString(f.customFields() == null ? Map.of() : f.customFields()));
        return p;
    }

    void delete(UUID id) {
        jdbc.sql("delete from accounts where id = :id").param("id", id).update();
    }

    private AccountView view(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString("lifecycle_stage");
        Set<RelationshipType> types = EnumSet.noneOf(RelationshipType.class);
        for (String type : (String[]) rs.getArray("relationship_types").getArray()) {
            types.add(RelationshipType.valueOf(type));
        }
        return new AccountView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("domain"),
                rs.getString("industry"), types, stage == null ? null : LifecycleStage.valueOf(stage),
                (Integer) rs.getObject("employees"), rs.getBigDecimal("annual_revenue"),
                rs.getString("revenue_currency"), rs.getString("phone"), address(rs.getString("billing_address")),
                address(rs.getString("shipping_address")), rs.getObject("parent_account_id", UUID.class),
                List.of((String[]) rs.getArray("tags").getArray()),
                json.readValue(rs.getString("custom_fields"), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { }),
                rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"), rs.getObject("department_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

    private PostalAddress address(String jsonText) {
        return jsonText == null ? null : json.readValue(jsonText, PostalAddress.class);
    }

}
