package org.rapport.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rapport.identity.SqlFilter;
import org.rapport.platform.Sql;
import org.rapport.shared.CursorPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code accounts}; every read takes the caller's visibility filter. */
@Repository
class AccountRepository {

    private static final String SELECT = """
            select a.id, a.name, a.domain, a.industry, a.owner_id, u.name as owner_name, a.department_id,
                   a.created_at, a.updated_at, a.version
            from accounts a join users u on u.id = a.owner_id
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountView> find(UUID id, SqlFilter visible) {
        return jdbc.sql(SELECT + " where a.id = :id and " + visible.sql())
                .params(visible.params()).param("id", id)
                .query(this::view).optional();
    }

    /** One page ordered by name, after the cursor; {@code q} matches the start of the name or the domain. */
    CursorPage<AccountView> list(SqlFilter visible, String q, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        if (q != null && !q.isBlank()) {
            sql.append(" and (lower(a.name) like :q or lower(a.domain) like :q)");
            params.put("q", Sql.escapeLike(q.strip().toLowerCase()) + "%");
        }
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
                insert into accounts (name, domain, industry, owner_id, department_id, created_by)
                values (:name, :domain, :industry, :owner, :department, :createdBy) returning id
                """)
                .param("name", fields.name()).param("domain", fields.domain()).param("industry", fields.industry())
                .param("owner", ownerId).param("department", departmentId).param("createdBy", createdBy)
                .query(UUID.class).single();
    }

    boolean update(UUID id, int version, AccountFields fields, UUID departmentId) {
        return jdbc.sql("""
                update accounts set name = :name, domain = :domain, industry = :industry, owner_id = :owner,
                       department_id = :department, updated_at = now(), version = version + 1
                where id = :id and version = :version
                """)
                .param("name", fields.name()).param("domain", fields.domain()).param("industry", fields.industry())
                .param("owner", fields.ownerId()).param("department", departmentId)
                .param("id", id).param("version", version)
                .update() == 1;
    }

    void delete(UUID id) {
        jdbc.sql("delete from accounts where id = :id").param("id", id).update();
    }

    private AccountView view(ResultSet rs, int row) throws SQLException {
        return new AccountView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("domain"),
                rs.getString("industry"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                rs.getObject("department_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

}
