package org.rapport.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.customers.SearchTerms;
import org.rapport.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds deals through trigram indexes: by their name ({@code deals.search_text}) or by their account's name
 * ({@code accounts_name_trgm}), as a substring or, with {@code fuzzy}, word by word close to it. Candidates come
 * ordered by substring first, then by word similarity. The account is named, and matched, only when visible.
 */
@Repository
class DealSearchRepository {

    /** A deal the index found, before it is scored against {@code matchedKey} (its name's or its account's). */
    record Candidate(UUID id, String name, String stage, BigDecimal amount, String currency, String account,
                     String matchedKey, boolean substring, double similarity) {
    }

    private static final String BY_NAME = """
            select d.id, d.name, s.name as stage, d.amount, d.currency, a.name as account,
                   d.search_text as matched_key, %1$s as substring,
                   word_similarity(:key, d.search_text) as similarity
            from deals d
            join pipeline_stages s on s.id = d.stage_id
            left join accounts a on a.id = d.account_id and %4$s
            where %2$s and %3$s
            order by substring desc, similarity desc, d.id
            limit :window
            """;

    private static final String BY_ACCOUNT = """
            select d.id, d.name, s.name as stage, d.amount, d.currency, a.name as account,
                   rapport_name_key(a.name) as matched_key, %1$s as substring,
                   word_similarity(:key, rapport_name_key(a.name)) as similarity
            from accounts a
            join deals d on d.account_id = a.id
            join pipeline_stages s on s.id = d.stage_id
            where %2$s and %3$s and %4$s
            order by substring desc, similarity desc, d.id
            limit :window
            """;

    private final JdbcClient jdbc;

    DealSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Candidate> byName(SearchTerms terms, boolean fuzzy, SqlFilter deals, SqlFilter accounts, int window) {
        return find(BY_NAME, "d.search_text", terms, fuzzy, deals, accounts, window);
    }

    List<Candidate> byAccount(SearchTerms terms, boolean fuzzy, SqlFilter deals, SqlFilter accounts, int window) {
        return find(BY_ACCOUNT, "rapport_name_key(a.name)", terms, fuzzy, deals, accounts, window);
    }

    private List<Candidate> find(String template, String text, SearchTerms terms, boolean fuzzy, SqlFilter deals,
                                 SqlFilter accounts, int window) {
        SearchTerms.Conditions where = terms.conditions(text, fuzzy);
        if (where.matches() == null) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(deals.params());
        params.putAll(accounts.params());
        params.putAll(where.params());
        params.put("window", window);
        String sql = template.formatted(where.substring(), where.matches(), deals.sql(), accounts.sql());
        return jdbc.sql(sql).params(params).query(DealSearchRepository::candidate).list();
    }

    private static Candidate candidate(ResultSet rs, int n) throws SQLException {
        return new Candidate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("stage"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("account"),
                rs.getString("matched_key"), rs.getBoolean("substring"), rs.getDouble("similarity"));
    }
}
