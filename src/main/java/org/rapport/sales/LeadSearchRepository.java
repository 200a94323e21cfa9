package org.rapport.sales;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rapport.customers.SearchTerms;
import org.rapport.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds open leads through the trigram index on {@code leads.search_text} (name, company, email and phone), as a
 * substring or, with {@code fuzzy}, word by word close to it; candidates come ordered by substring first, then by
 * word similarity, within the caller's visibility filter.
 */
@Repository
class LeadSearchRepository {

    /** A lead the index found, before it is scored against {@code titleKey} (its name's and company's key). */
    record Candidate(LeadView lead, String titleKey, boolean substring, double similarity) {
    }

    private static final String OPEN_LEADS = """
            select l.*, u.name as owner_name, d.name as department_name,
                   rapport_search_key(concat_ws(' ', l.first_name, l.last_name, l.company)) as title_key,
                   %1$s as substring,
                   word_similarity(:key, l.search_text) as similarity
            from leads l left join users u on u.id = l.owner_id left join departments d on d.id = l.department_id
            where l.status <> 'CONVERTED' and %2$s and %3$s
            order by substring desc, similarity desc, l.id
            limit :window
            """;

    private final JdbcClient jdbc;

    LeadSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Candidate> find(SearchTerms terms, boolean fuzzy, SqlFilter visible, int window) {
        SearchTerms.Conditions where = terms.conditions("l.search_text", fuzzy);
        if (where.matches() == null) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(visible.params());
        params.putAll(where.params());
        params.put("window", window);
        return jdbc.sql(OPEN_LEADS.formatted(where.substring(), where.matches(), visible.sql())).params(params)
                .query((rs, n) -> new Candidate(LeadRepository.row(rs, n), rs.getString("title_key"),
                        rs.getBoolean("substring"), rs.getDouble("similarity")))
                .list();
    }
}
