package org.rapport.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Visibility, names and links of records of any type, for modules that point at records through
 * {@link RecordRef} (interactions, tasks, notifications) without depending on the modules that own them.
 */
@Component
public class RecordDirectory {

    /** A record as people see it: its name and the page that shows it. */
    public record RecordLabel(RecordRef ref, String name, String href) {
    }

    private final Map<String, RecordTable> tables = new LinkedHashMap<>();
    private final Visibility visibility;
    private final JdbcClient jdbc;

    RecordDirectory(List<RecordTable> tables, Visibility visibility, JdbcClient jdbc) {
        tables.forEach(t -> this.tables.put(t.type(), t));
        this.visibility = visibility;
        this.jdbc = jdbc;
    }

    public Set<String> types() {
        return tables.keySet();
    }

    public boolean isType(String type) {
        return tables.containsKey(type);
    }

    /**
     * A SQL condition: the record named by the type and id columns of the caller's query is one the user may see.
     * Both arguments are SQL column expressions written by the caller, never user input.
     */
    public SqlFilter visible(CurrentUser user, String typeColumn, String idColumn) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (RecordTable t : tables.values()) {
            String alias = "rd_" + t.type();
            SqlFilter filter = filter(t, user, alias);
            parts.add("(" + typeColumn + " = '" + t.type() + "' and exists (select 1 from " + t.table() + " " + alias
                    + " where " + alias + ".id = " + idColumn + " and " + filter.sql() + "))");
            params.putAll(filter.params());
        }
        return new SqlFilter(parts.isEmpty() ? "false" : "(" + String.join(" or ", parts) + ")", params);
    }

    /** Whether the record exists and the user may see it. */
    public boolean canSee(CurrentUser user, RecordRef ref) {
        RecordTable t = tables.get(ref.type());
        if (t == null) {
            return false;
        }
        SqlFilter filter = filter(t, user, "r");
        return jdbc.sql("select exists (select 1 from " + t.table() + " r where r.id = :rd_id and " + filter.sql() + ")")
                .params(filter.params()).param("rd_id", ref.id()).query(Boolean.class).single();
    }

    /** The accounts the given records belong to (see {@link RecordTable#accountSql()}), whoever may see them. */
    public Set<UUID> accountsOf(Collection<RecordRef> refs) {
        Set<UUID> accounts = new LinkedHashSet<>();
        byType(refs).forEach((type, ids) -> {
            RecordTable t = tables.get(type);
            if (t == null || t.accountSql() == null) {
                return;
            }
            accounts.addAll(jdbc.sql("select " + t.accountSql() + " from " + t.table() + " r where r.id = any(:ids)")
                    .param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list().stream()
                    .filter(Objects::nonNull).toList());
        });
        return accounts;
    }

    private SqlFilter filter(RecordTable t, CurrentUser user, String alias) {
        return t.visibility() == null ? visibility.filter(user, alias, t.type()) : t.visibility().filter(user, alias);
    }

    /** Names and links of the given records; records that no longer exist are left out. */
    public Map<RecordRef, RecordLabel> labels(Collection<RecordRef> refs) {
        Map<RecordRef, RecordLabel> labels = new HashMap<>();
        byType(refs).forEach((type, ids) -> {
            RecordTable t = tables.get(type);
            if (t == null) {
                return;
            }
            jdbc.sql("select r.id, " + t.labelSql() + " as label from " + t.table() + " r where r.id = any(:ids)")
                    .param("ids", ids.toArray(UUID[]::new))
                    .query((rs, n) -> new RecordLabel(new RecordRef(type, rs.getObject("id", UUID.class)),
                            rs.getString("label"), t.path() + rs.getObject("id", UUID.class)))
                    .list().forEach(l -> labels.put(l.ref(), l));
        });
        return labels;
    }

    private static Map<String, List<UUID>> byType(Collection<RecordRef> refs) {
        Map<String, List<UUID>> byType = new HashMap<>();
        refs.forEach(r -> byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r.id()));
        return byType;
    }
}
