package org.rapport.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts and contacts through the trigram indexes on {@code search_text}: the key as a substring
 * ({@code LIKE}), a phone number's digits as a substring, or every word of the key close to some word of the text
 * ({@code <%}, word similarity); candidates come ordered by substring first, then by the key's word similarity.
 * Every query takes the caller's visibility filter.
 */
@Repository
class CustomerSearchRepository {

    /** A record the index found, before it is scored. */
    record Candidate(String type, UUID id, String title, String subtitle, String titleKey, boolean substring,
                     double similarity) {
    }

    private static final String CONTACTS = """
            select c.id,
                   concat_ws(' ', nullif(c.first_name, ''), nullif(c.last_name, '')) as title,
                   concat_ws(' · ', nullif(c.title, ''),
                       (select e.address from contact_emails e where e.contact_id = c.id
                        order by e.is_primary desc, e.position limit 1),
                       (select p.number from contact_phones p where p.contact_id = c.id
                        order by p.is_primary desc, p.position limit 1)) as subtitle,
                   rapport_search_key(concat_ws(' ', c.first_name, c.last_name)) as title_key,
                   %1$s as substring,
                   word_similarity(:key, c.search_text) as similarity
            from contacts c
            where c.erased_at is null and %2$s and %3$s
            order by substring desc, similarity desc, c.id
            limit :window
            """;

    private static final String ACCOUNTS = """
            select a.id, a.name as title,
                   concat_ws(' · ', nullif(a.domain, ''), nullif(a.industry, '')) as subtitle,
                   rapport_search_key(a.name) as title_key,
                   %1$s as substring,
                   word_similarity(:key, a.search_text) as similarity
            from accounts a
            where %2$s and %3$s
            order by substring desc, similarity desc, a.id
            limit :window
            """;

    private final JdbcClient jdbc;

    CustomerSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets, for the rest of the transaction, the word similarity a fuzzy match needs, and returns the query's
     * search key. Sequential scans are switched off meanwhile: the planner prices the trigram operators as cheap,
     * so below some tens of thousands of rows it would rather test every row (about 40 ms at 3,000 contacts,
     * against 3 ms through the index). JIT goes too, since before PostgreSQL 18 a disabled scan inflates the
     * plan's cost past JIT's threshold, and compiling would cost more than the whole query.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String prepare(String query, double threshold) {
        return jdbc.sql("""
                select set_config('pg_trgm.word_similarity_threshold', :threshold, true),
                       set_config('enable_seqscan', 'off', true),
                       set_config('jit', 'off', true),
                       rapport_search_key(:query) as key
                """)
                .param("threshold", Double.toString(threshold)).param("query", query)
                .query((rs, n) -> rs.getString("key")).single();
    }

    /** Gives the planner back its session settings, for whatever else a longer transaction does after the search. */
    void restorePlanner() {
        jdbc.sql("select set_config(name, reset_val, true) from pg_settings where name in ('enable_seqscan', 'jit')")
                .query(String.class).list();
    }

    /** Contacts matching a substring pattern and, with {@code fuzzy}, also those whose words are close enough. */
    List<Candidate> contacts(SearchTerms terms, boolean fuzzy, SqlFilter visible, int window) {
        return find(CONTACTS, "c", ContactService.TYPE, terms, fuzzy, visible, window);
    }

    /** Accounts matching a substring pattern and, with {@code fuzzy}, also those whose words are close enough. */
    List<Candidate> accounts(SearchTerms terms, boolean fuzzy, SqlFilter visible, int window) {
        return find(ACCOUNTS, "a", AccountService.TYPE, terms, fuzzy, visible, window);
    }

    private List<Candidate> find(String template, String alias, String type, SearchTerms terms, boolean fuzzy,
                                 SqlFilter visible, int window) {
        SearchTerms.Conditions where = terms.conditions(alias + ".search_text", fuzzy);
        if (where.matches() == null) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(visible.params());
        params.putAll(where.params());
        params.put("window", window);
        String sql = template.formatted(where.substring(), where.matches(), visible.sql());
        return jdbc.sql(sql).params(params).query((rs, n) -> candidate(type, rs)).list();
    }

    private static Candidate candidate(String type, ResultSet rs) throws SQLException {
        return new Candidate(type, rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("subtitle"),
                rs.getString("title_key"), rs.getBoolean("substring"), rs.getDouble("similarity"));
    }
}
