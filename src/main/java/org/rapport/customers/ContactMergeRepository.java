package org.rapport.customers;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL that moves what belongs to merged contacts (emails, phones, account links, consent history) to the survivor. */
@Repository
class ContactMergeRepository {

    private final JdbcClient jdbc;

    ContactMergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the merged contacts' emails and phones the survivor lacks; the survivor keeps its primary ones. */
    void moveEmailsAndPhones(MergePlan plan) {
        moveChannel(plan, "contact_emails", "address");
        moveChannel(plan, "contact_phones", "number");
    }

    /** Links the survivor to every account of the merged contacts; a role fills the survivor's missing one. */
    void moveAccountLinks(MergePlan plan) {
        jdbc.sql("""
                insert into contact_accounts (contact_id, account_id, role)
                select distinct on (l.account_id) :survivor, l.account_id, l.role
                from contact_accounts l where l.contact_id = any(:merged)
                order by l.account_id, l.role is null, array_position(:merged, l.contact_id)
                on conflict (contact_id, account_id) do update set role = coalesce(contact_accounts.role, excluded.role)
                """)
                .param("survivor", plan.survivorId()).param("merged", plan.mergedIds().toArray(UUID[]::new))
                .update();
    }

    void moveConsentHistory(MergePlan plan) {
        jdbc.sql("update consent_events set contact_id = :survivor where contact_id = any(:merged)")
                .param("survivor", plan.survivorId()).param("merged", plan.mergedIds().toArray(UUID[]::new))
                .update();
    }

    /** Recomputes the search text from the merged names, emails and phones, and counts the merge as a new version. */
    void touch(UUID survivor) {
        jdbc.sql("""
                update contacts s set search_text = rapport_search_key(concat_ws(' ', s.first_name, s.last_name,
                        (select string_agg(e.address, ' ' order by e.position) from contact_emails e where e.contact_id = s.id),
                        (select string_agg(p.number, ' ' order by p.position) from contact_phones p where p.contact_id = s.id))),
                    updated_at = now(), version = version + 1
                where s.id = :survivor
                """)
                .param("survivor", survivor).update();
    }

    private void moveChannel(MergePlan plan, String table, String value) {
        UUID[] merged = plan.mergedIds().toArray(UUID[]::new);
        jdbc.sql("""
                insert into %1$s (contact_id, position, %2$s, type, is_primary)
                select :survivor,
                       coalesce((select max(o.position) from %1$s o where o.contact_id = :survivor), -1)
                           + row_number() over (order by x.rank, x.position),
                       x.%2$s, x.type, false
                from (select distinct on (c.%2$s) c.%2$s, c.type, c.position, array_position(:merged, c.contact_id) as rank
                      from %1$s c
                      where c.contact_id = any(:merged)
                        and not exists (select 1 from %1$s o where o.contact_id = :survivor and o.%2$s = c.%2$s)
                      order by c.%2$s, array_position(:merged, c.contact_id), c.position) x
                """.formatted(table, value))
                .param("survivor", plan.survivorId()).param("merged", merged).update();
        jdbc.sql("""
                update %1$s set is_primary = true
                where contact_id = :survivor
                  and position = (select min(o.position) from %1$s o where o.contact_id = :survivor)
                  and not exists (select 1 from %1$s o where o.contact_id = :survivor and o.is_primary)
                """.formatted(table))
                .param("survivor", plan.survivorId()).update();
    }
}
