package org.rapport.customers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL that moves what belongs to merged accounts (contact links, child accounts) to the survivor, and reads snapshots. */
@Repository
class AccountMergeRepository {

    private final JdbcClient jdbc;

    AccountMergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every column a merge may change, by field name, as the audit trail and the merge page show them. */
    Map<String, Object> snapshot(UUID id) {
        return jdbc.sql("""
                select name, domain, industry, owner_id, department_id, relationship_types, lifecycle_stage, employees,
                       annual_revenue, revenue_currency, phone, billing_address::text as billing_address,
                       shipping_address::text as shipping_address, parent_account_id, tags, custom_fields::text as custom_fields
                from accounts where id = :id
                """)
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("name", rs.getString("name"));
                    fields.put("domain", rs.getString("domain"));
                    fields.put("industry", rs.getString("industry"));
                    fields.put("ownerId", rs.getObject("owner_id", UUID.class));
                    fields.put("departmentId", rs.getObject("department_id", UUID.class));
                    fields.put("relationshipTypes", List.of((String[]) rs.getArray("relationship_types").getArray()));
                    fields.put("lifecycleStage", rs.getString("lifecycle_stage"));
                    fields.put("employees", rs.getObject("employees", Integer.class));
                    fields.put("annualRevenue", rs.getBigDecimal("annual_revenue") == null ? null
                            : rs.getBigDecimal("annual_revenue").stripTrailingZeros().toPlainString() + " "
                            + rs.getString("revenue_currency"));
                    fields.put("phone", rs.getString("phone"));
                    fields.put("billingAddress", rs.getString("billing_address"));
                    fields.put("shippingAddress", rs.getString("shipping_address"));
                    fields.put("parentAccountId", rs.getObject("parent_account_id", UUID.class));
                    fields.put("tags", List.of((String[]) rs.getArray("tags").getArray()));
                    fields.put("customFields", rs.getString("custom_fields"));
                    return fields;
                })
                .single();
    }

    /** The accounts each contact of these accounts is linked to, to audit the contacts whose links a merge changes. */
    Map<UUID, List<UUID>> linksOfContactsAt(List<UUID> accountIds) {
        Map<UUID, List<UUID>> links = new HashMap<>();
        jdbc.sql("""
                select l.contact_id, l.account_id from contact_accounts l
                where l.contact_id in (select x.contact_id from contact_accounts x where x.account_id = any(:ids))
                order by l.contact_id, l.account_id
                """)
                .param("ids", accountIds.toArray(UUID[]::new))
                .query(rs -> {
                    links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        return links;
    }

    /** Links every contact of the merged accounts to the survivor; a role fills a contact's missing one. */
    void moveContactLinks(MergePlan plan) {
        jdbc.sql("""
                insert into contact_accounts (contact_id, account_id, role)
                select distinct on (l.contact_id) l.contact_id, :survivor, l.role
                from contact_accounts l where l.account_id = any(:merged)
                order by l.contact_id, l.role is null, array_position(:merged, l.account_id)
                on conflict (contact_id, account_id) do update set role = coalesce(contact_accounts.role, excluded.role)
                """)
                .param("survivor", plan.survivorId()).param("merged", plan.mergedIds().toArray(UUID[]::new))
                .update();
    }

    /** The merged accounts' children become the survivor's; the survivor cannot be its own parent. */
    void moveChildAccounts(MergePlan plan) {
        UUID[] all = plan.all().toArray(UUID[]::new);
        jdbc.sql("update accounts set parent_account_id = null where id = :survivor and parent_account_id = any(:all)")
                .param("survivor", plan.survivorId()).param("all", all).update();
        jdbc.sql("update accounts set parent_account_id = :survivor where parent_account_id = any(:merged)")
                .param("survivor", plan.survivorId()).param("merged", plan.mergedIds().toArray(UUID[]::new))
                .update();
    }

    /** Whether the survivor is among its own ancestors after the merge. */
    boolean inCycle(UUID survivor) {
        return jdbc.sql("""
                with recursive up(id, depth) as (
                    select parent_account_id, 1 from accounts where id = :survivor
                    union all
                    select a.parent_account_id, up.depth + 1 from accounts a join up on a.id = up.id
                    where up.depth < 1000
                )
                select exists (select 1 from up where id = :survivor)
                """)
                .param("survivor", survivor).query(Boolean.class).single();
    }

    /** Recomputes the search text and counts the merge as a new version. */
    void touch(UUID survivor) {
        jdbc.sql("""
                update accounts set search_text = rapport_search_key(name || ' ' || coalesce(domain, '')),
                    updated_at = now(), version = version + 1
                where id = :survivor
                """)
                .param("survivor", survivor).update();
    }
}
