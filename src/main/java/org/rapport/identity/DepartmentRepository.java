package org.rapport.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code departments}. */
@Repository
class DepartmentRepository {

    private static final String SELECT_VIEW = """
            select d.id, d.name, d.head_user_id, h.name as head_name,
                   (select count(*) from users m where m.department_id = d.id and m.active) as members, d.version
            from departments d left join users h on h.id = d.head_user_id
            """;

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DepartmentView> list() {
        return jdbc.sql(SELECT_VIEW + " order by lower(d.name)").query(this::view).list();
    }

    Optional<DepartmentView> find(UUID id) {
        return jdbc.sql(SELECT_VIEW + " where d.id = :id").param("id", id).query(this::view).optional();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists (select 1 from departments where lower(name) = lower(:name) and id <> :except)")
                .param("name", name).param("except", except != null ? except : new UUID(0, 0))
                .query(Boolean.class).single();
    }

    UUID insert(String name, UUID headUserId) {
        return jdbc.sql("insert into departments (name, head_user_id) values (:name, :head) returning id")
                .param("name", name).param("head", headUserId).query(UUID.class).single();
    }

    boolean update(UUID id, int version, String name, UUID headUserId) {
        return jdbc.sql("""
                update departments set name = :name, head_user_id = :head, updated_at = now(), version = version + 1
                where id = :id and version = :version
                """)
                .param("name", name).param("head", headUserId).param("id", id).param("version", version)
                .update() == 1;
    }

    private DepartmentView view(ResultSet rs, int row) throws SQLException {
        return new DepartmentView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("head_user_id", UUID.class), rs.getString("head_name"), rs.getInt("members"),
                rs.getInt("version"));
    }
}
