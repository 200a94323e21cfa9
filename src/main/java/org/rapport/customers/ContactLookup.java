package org.rapport.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds contacts by email address or phone number, and the accounts of contacts, for machines that deliver
 * interactions (mail sync, phone system, web forms). It reads past visibility: callers decide what to show.
 */
@Service
public class ContactLookup {

    private final JdbcClient jdbc;

    ContactLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contacts (not erased) by lower-cased email address; an address may belong to several contacts. */
    public Map<String, List<UUID>> byEmail(Collection<String> addresses) {
        return grouped("""
                select e.address as k, e.contact_id from contact_emails e join contacts c on c.id = e.contact_id
                where e.address = any(:keys) and c.erased_at is null order by e.is_primary desc, c.created_at
                """, addresses.stream().map(a -> a.strip().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    /** Contacts (not erased) by E.164 phone number. */
    public Map<String, List<UUID>> byPhone(Collection<String> e164Numbers) {
        return grouped("""
                select p.number as k, p.contact_id from contact_phones p join contacts c on c.id = p.contact_id
                where p.number = any(:keys) and c.erased_at is null order by p.is_primary desc, c.created_at
                """, List.copyOf(e164Numbers));
    }

    /** The accounts each contact belongs to. */
    public Map<UUID, List<UUID>> accountsOf(Collection<UUID> contactIds) {
        Map<UUID, List<UUID>> accounts = new HashMap<>();
        if (contactIds.isEmpty()) {
            return accounts;
        }
        jdbc.sql("select contact_id, account_id from contact_accounts where contact_id = any(:ids)")
                .param("ids", contactIds.toArray(UUID[]::new))
                .query((rs, n) -> accounts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return accounts;
    }

    private Map<String, List<UUID>> grouped(String sql, List<String> keys) {
        Map<String, List<UUID>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql(sql).param("keys", keys.toArray(String[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>())
                        .add(rs.getObject("contact_id", UUID.class)))
                .list();
        return found;
    }
}
