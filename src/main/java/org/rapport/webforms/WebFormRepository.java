package org.rapport.webforms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code web_forms} and their fields. */
@Repository
class WebFormRepository {

    private static final String SELECT = """
            select id, form_key, name, owner_id, department_id, creates, success_url, success_message, active, version
            from web_forms
            """;

    private final JdbcClient jdbc;

    WebFormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WebForm> list() {
        return withFields(jdbc.sql(SELECT + " order by lower(name), id").query(this::form).list());
    }

    Optional<WebForm> find(UUID id) {
        return withFields(jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::form).list()).stream()
                .findFirst();
    }

    Optional<WebForm> findActiveByKey(String formKey) {
        return withFields(jdbc.sql(SELECT + " where form_key = :key and active").param("key", formKey)
                .query(this::form).list()).stream().findFirst();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists (select 1 from web_forms where lower(name) = lower(:name) and id <> :except)")
                .param("name", name).param("except", except == null ? new UUID(0, 0) : except)
                .query(Boolean.class).single();
    }

    UUID insert(WebForm f, UUID createdBy) {
        UUID id = jdbc.sql("""
                        insert into web_forms (form_key, name, owner_id, department_id, creates, success_url,
                            success_message, active, created_by)
                        values (:key, :name, :owner, :department, :creates, :url, :message, :active, :createdBy)
                        returning id
                        """)
                .params(params(f)).param("createdBy", createdBy).query(UUID.class).single();
        insertFields(id, f.fields());
        return id;
    }

    boolean update(UUID id, int version, WebForm f) {
        boolean updated = jdbc.sql("""
                        update web_forms set name = :name, owner_id = :owner, department_id = :department,
                            creates = :creates, success_url = :url, success_message = :message, active = :active,
                            updated_at = now(), version = version + 1
                        where id = :id and version = :version
                        """)
                .params(params(f)).param("id", id).param("version", version).update() == 1;
        if (updated) {
            jdbc.sql("delete from web_form_fields where form_id = :id").param("id", id).update();
            insertFields(id, f.fields());
        }
        return updated;
    }

    void delete(UUID id) {
        jdbc.sql("delete from web_forms where id = :id").param("id", id).update();
    }

    private void insertFields(UUID formId, List<WebForm.Field> fields) {
        for (int i = 0; i < fields.size(); i++) {
            WebForm.Field f = fields.get(i);
            jdbc.sql("""
                            insert into web_form_fields (form_id, position, name, label, target, required)
                            values (:form, :position, :name, :label, :target, :required)
                            """)
                    .param("form", formId).param("position", i).param("name", f.name()).param("label", f.label())
                    .param("target", f.target().name()).param("required", f.required()).update();
        }
    }

    private static Map<String, Object> params(WebForm f) {
        Map<String, Object> p = new HashMap<>();
        p.put("key", f.formKey());
        p.put("name", f.name());
        p.put("owner", f.ownerId());
        p.put("department", f.departmentId());
        p.put("creates", f.creates().name());
        p.put("url", f.successUrl());
        p.put("message", f.successMessage());
        p.put("active", f.active());
        return p;
    }

    private WebForm form(ResultSet rs, int n) throws SQLException {
        return new WebForm(rs.getObject("id", UUID.class), rs.getString("form_key"), rs.getString("name"),
                rs.getObject("owner_id", UUID.class), rs.getObject("department_id", UUID.class),
                WebForm.Creates.valueOf(rs.getString("creates")), rs.getString("success_url"),
                rs.getString("success_message"), rs.getBoolean("active"), List.of(), rs.getInt("version"));
    }

    private List<WebForm> withFields(List<WebForm> forms) {
        if (forms.isEmpty()) {
            return forms;
        }
        Map<UUID, List<WebForm.Field>> fields = new HashMap<>();
        jdbc.sql("""
                        select form_id, name, label, target, required from web_form_fields
                        where form_id = any(:ids) order by form_id, position
                        """)
                .param("ids", forms.stream().map(WebForm::id).toArray(UUID[]::new))
                .query((rs, n) -> fields.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new WebForm.Field(rs.getString(2), rs.getString(3), FieldTarget.valueOf(rs.getString(4)),
                                rs.getBoolean(5))))
                .list();
        return forms.stream().map(f -> new WebForm(f.id(), f.formKey(), f.name(), f.ownerId(), f.departmentId(),
                f.creates(), f.successUrl(), f.successMessage(), f.active(), fields.getOrDefault(f.id(), List.of()),
                f.version())).toList();
    }
}
