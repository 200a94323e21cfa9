package org.rapport.customers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the consent history, the personal-data export and the erasure of a contact. */
@Repository
class ContactPrivacyRepository {

    static final String ERASED_NAME = "Erased contact";

    private final JdbcClient jdbc;

    ContactPrivacyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ConsentEvent> consentHistory(UUID contactId) {
        return jdbc.sql("""
                select e.id, e.kind, e.granted, e.source, e.occurred_at, e.actor_id, u.name as actor_name
                from consent_events e left join users u on u.id = e.actor_id
                where e.contact_id = :id order by e.occurred_at, e.id
                """)
                .param("id", contactId)
                .query((rs, n) -> new ConsentEvent(rs.getLong("id"), rs.getString("kind"), rs.getBoolean("granted"),
                        rs.getString("source"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name")))
                .list();
    }

    List<PersonalData.LinkedAccount> accounts(UUID contactId) {
        return jdbc.sql("""
                select a.id, a.name, l.role from contact_accounts l join accounts a on a.id = l.account_id
                where l.contact_id = :id order by lower(a.name), a.id
                """)
                .param("id", contactId)
                .query((rs, n) -> new PersonalData.LinkedAccount(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("role")))
                .list();
    }

    /**
     * Replaces the names, removes every other personal value (title, emails, phones, address, preferences, tags,
     * custom fields, the opt-in and its source, the roles at accounts) and marks the contact erased. What is
     * not personal stays for the figures: owner, department, stage, relationship types, source, account links.
     * Returns the contact's former search key, or empty when there was no such contact left to erase.
     */
    Optional<String> erase(UUID id) {
        Optional<String> former = jdbc.sql("""
                update contacts c set first_name = '', last_name = :name, title = null, preferred_channel = null,
                    language = null, interests = '{}', address = null, tags = '{}', custom_fields = '{}',
                    search_text = '', marketing_opt_in = false, marketing_opt_in_at = null,
                    marketing_opt_in_source = null, erased_at = now(), updated_at = now(), version = c.version + 1
                from contacts before
                where c.id = :id and c.erased_at is null and before.id = c.id
                returning before.search_text
                """)
                .param("name", ERASED_NAME).param("id", id).query(String.class).optional();
        if (former.isPresent()) {
            jdbc.sql("delete from contact_emails where contact_id = :id").param("id", id).update();
            jdbc.sql("delete from contact_phones where contact_id = :id").param("id", id).update();
            jdbc.sql("update contact_accounts set role = null where contact_id = :id").param("id", id).update();
        }
        return former;
    }

    /** Consent sources that quote one of the contact's personal values (a name, an address) lose their text. */
    void scrubConsentSources(UUID contactId, List<String> personalValues, String replacement) {
        jdbc.sql("""
                update consent_events set source = :replacement
                where contact_id = :id and source is not null
                  and exists (select 1 from unnest(:values) v where strpos(lower(source), lower(v)) > 0)
                """)
                .param("replacement", replacement).param("id", contactId)
                .param("values", personalValues.toArray(String[]::new))
                .update();
    }
}
