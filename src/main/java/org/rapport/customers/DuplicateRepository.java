package org.rapport.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds likely duplicates among the records the caller may see: contacts sharing an email or a phone or with
 * similar names (pg_trgm) at the same account, accounts sharing a domain or with similar names. A pair found for
 * several reasons scores higher.
 */
@Repository
class DuplicateRepository {

    static final double NAME_SIMILARITY = 0.5;
    private static final String CONTACT_NAME = "rapport_name_key(%1$s.first_name || ' ' || %1$s.last_name)";
    private static final String SCORE = "least(1.0, max(p.score) + 0.1 * (count(distinct p.reason) - 1))";

    /** A visible contact whose name is like the one being typed. */
    record NameMatch(UUID id, String name, double similarity) {
    }

    private final JdbcClient jdbc;

    DuplicateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param visible the caller's contact visibility filter on alias {@code c} */
    List<DuplicatePair> contactPairs(SqlFilter visible, int limit) {
        String sql = """
                with v as materialized (select c.id from contacts c where c.erased_at is null and %1$s),
                pairs as (
                    select e1.contact_id as a, e2.contact_id as b, 1.0::float8 as score, 'Same email' as reason
                    from contact_emails e1 join v v1 on v1.id = e1.contact_id
                    join contact_emails e2 on e2.address = e1.address and e2.contact_id > e1.contact_id
                    join v v2 on v2.id = e2.contact_id
                    union all
                    select p1.contact_id, p2.contact_id, 0.9, 'Same phone'
                    from contact_phones p1 join v v1 on v1.id = p1.contact_id
                    join contact_phones p2 on p2.number = p1.number and p2.contact_id > p1.contact_id
                    join v v2 on v2.id = p2.contact_id
                    union all
                    select x1.id, x2.id, similarity(%2$s, %3$s)::float8, 'Similar name at the same account'
                    from contact_accounts l1 join v v1 on v1.id = l1.contact_id
                    join contact_accounts l2 on l2.account_id = l1.account_id and l2.contact_id > l1.contact_id
                    join v v2 on v2.id = l2.contact_id
                    join contacts x1 on x1.id = l1.contact_id
                    join contacts x2 on x2.id = l2.contact_id
                    where similarity(%2$s, %3$s) >= :threshold
                )
                select p.a, p.b, %4$s as score, array_agg(distinct p.reason order by p.reason) as reasons,
                       concat_ws(' ', c1.first_name, c1.last_name) as a_name,
                       concat_ws(' ', c2.first_name, c2.last_name) as b_name,
                       (select e.address from contact_emails e where e.contact_id = p.a
                        order by e.is_primary desc, e.position limit 1) as a_detail,
                       (select e.address from contact_emails e where e.contact_id = p.b
                        order by e.is_primary desc, e.position limit 1) as b_detail
                from pairs p join contacts c1 on c1.id = p.a join contacts c2 on c2.id = p.b
                group by p.a, p.b, c1.first_name, c1.last_name, c2.first_name, c2.last_name
                order by score desc, a_name, p.a, p.b
                limit :limit
                """.formatted(visible.sql(), CONTACT_NAME.formatted("x1"), CONTACT_NAME.formatted("x2"), SCORE);
        return jdbc.sql(sql).params(visible.params()).param("threshold", NAME_SIMILARITY).param("limit", limit)
                .query((rs, n) -> pair("contact", rs)).list();
    }

    /** @param visible the caller's account visibility filter on alias {@code a} */
    List<DuplicatePair> accountPairs(SqlFilter visible, int limit) {
        String sql = """
                with v as materialized (select a.id from accounts a where %1$s),
                pairs as (
                    select a1.id as a, a2.id as b, 1.0::float8 as score, 'Same domain' as reason
                    from accounts a1 join v v1 on v1.id = a1.id
                    join accounts a2 on a2.domain = a1.domain and a2.id > a1.id
                    join v v2 on v2.id = a2.id
                    where a1.domain is not null
                    union all
                    select a1.id, a2.id, similarity(rapport_name_key(a1.name), rapport_name_key(a2.name))::float8,
                           'Similar name'
                    from accounts a1 join v v1 on v1.id = a1.id
                    join accounts a2 on rapport_name_key(a2.name) %% rapport_name_key(a1.name) and a2.id > a1.id
                    join v v2 on v2.id = a2.id
                    where similarity(rapport_name_key(a1.name), rapport_name_key(a2.name)) >= :threshold
                )
                select p.a, p.b, %2$s as score, array_agg(distinct p.reason order by p.reason) as reasons,
                       a1.name as a_name, a2.name as b_name, a1.domain as a_detail, a2.domain as b_detail
                from pairs p join accounts a1 on a1.id = p.a join accounts a2 on a2.id = p.b
                group by p.a, p.b, a1.name, a2.name, a1.domain, a2.domain
                order by score desc, a_name, p.a, p.b
                limit :limit
                """.formatted(visible.sql(), SCORE);
        return jdbc.sql(sql).params(visible.params()).param("threshold", NAME_SIMILARITY).param("limit", limit)
                .query((rs, n) -> pair("account", rs)).list();
    }

    /** Visible contacts whose full name is at least {@code threshold} similar to {@code name}, most similar first. */
    List<NameMatch> similarNames(SqlFilter visible, String name, double threshold, UUID except, int limit) {
        String key = CONTACT_NAME.formatted("c");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("name", name);
        params.put("threshold", threshold);
        params.put("except", except == null ? new UUID(0, 0) : except);
        params.put("limit", limit);
        return jdbc.sql("""
                select c.id, concat_ws(' ', c.first_name, c.last_name) as name,
                       similarity(%1$s, rapport_name_key(:name))::float8 as similarity
                from contacts c
                where c.erased_at is null and c.id <> :except and %1$s %% rapport_name_key(:name)
                  and similarity(%1$s, rapport_name_key(:name)) >= :threshold and %2$s
                order by similarity desc, c.id
                limit :limit
                """.formatted(key, visible.sql()))
                .params(params)
                .query((rs, n) -> new NameMatch(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getDouble("similarity")))
                .list();
    }

    private static DuplicatePair pair(String type, ResultSet rs) throws SQLException {
        return new DuplicatePair(type,
                new DuplicatePair.Side(rs.getObject("a", UUID.class), rs.getString("a_name").strip(), rs.getString("a_detail")),
                new DuplicatePair.Side(rs.getObject("b", UUID.class), rs.getString("b_name").strip(), rs.getString("b_detail")),
                rs.getDouble("score"), Arrays.asList((String[]) rs.getArray("reasons").getArray()));
    }
}
