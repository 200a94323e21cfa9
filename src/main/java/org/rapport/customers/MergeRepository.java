package org.rapport.customers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL shared by the contact and the account merge. Table and column names come from constants of the mergers,
 * never from a request; the request only supplies ids, which are bound as parameters.
 */
@Repository
class MergeRepository {

    private final JdbcClient jdbc;

    MergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the rows in id order, so that two merges of overlapping records wait for each other. */
    void lock(String table, List<UUID> ids) {
        jdbc.sql("select id from " + table + " where id = any(:ids) order by id for update")
                .param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /**
     * One UPDATE of the survivor, so that row constraints hold on the end result: each chosen field takes its
     * winner's columns; each fillable field left unchosen keeps the survivor's value or, when it has none, takes
     * the first merged record's; {@code extraSets} are further assignments that may use {@code :all}.
     */
    void applyFields(String table, MergePlan plan, List<MergeField> fields, List<String> extraSets) {
        List<String> sets = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        int winnerIndex = 0;
        for (MergeField field : fields) {
            UUID winner = plan.winners().get(field.name());
            if (winner != null) {
                if (!winner.equals(plan.survivorId())) {
                    String param = "winner" + winnerIndex++;
                    sets.add(assign(field, "select " + field.columns("w") + " from " + table + " w where w.id = :" + param));
                    params.put(param, winner);
                }
            } else if (field.fillable()) {
                sets.add(assign(field, "select " + field.columns("x") + " from ("
                        + " select " + field.columns("s") + ", 0 as rank where " + field.present("s")
                        + " union all select " + field.columns("m") + ", array_position(:merged, m.id) from " + table
                        + " m where m.id = any(:merged) and " + field.present("m")
                        + " union all select " + field.columns("s") + ", 2147483647) x order by x.rank limit 1"));
            }
        }
        sets.addAll(extraSets);
        if (sets.isEmpty()) {
            return;
        }
        jdbc.sql("update " + table + " s set " + String.join(", ", sets) + " where s.id = :survivor")
                .params(params)
                .param("survivor", plan.survivorId())
                .param("merged", plan.mergedIds().toArray(UUID[]::new))
                .param("all", plan.all().toArray(UUID[]::new))
                .update();
    }

    /**
     * Gives the survivor the union of the arrays of all records: {@code ordered} columns keep the survivor's values
     * first, {@code sorted} ones are sorted; {@code custom_fields} are merged with the survivor's keys winning.
     */
    void combine(String table, MergePlan plan, List<String> ordered, List<String> sorted) {
        List<String> sets = new ArrayList<>();
        for (String column : ordered) {
            sets.add(column + " = array(select u.v from " + table + " c cross join lateral unnest(c." + column
                    + ") with ordinality u(v, n) where c.id = any(:all) group by u.v"
                    + " order by min(array_position(:all, c.id) * 1000 + u.n))");
        }
        for (String column : sorted) {
            sets.add(column + " = array(select distinct u.v from " + table + " c cross join lateral unnest(c." + column
                    + ") u(v) where c.id = any(:all) order by u.v)");
        }
        sets.add("custom_fields = coalesce((select jsonb_object_agg(x.k, x.v) from (select distinct on (e.key)"
                + " e.key as k, e.value as v from " + table + " c cross join lateral jsonb_each(c.custom_fields) e"
                + " where c.id = any(:all) order by e.key, array_position(:all, c.id)) x), '{}'::jsonb)");
        jdbc.sql("update " + table + " s set " + String.join(", ", sets) + " where s.id = :survivor")
                .param("survivor", plan.survivorId()).param("all", plan.all().toArray(UUID[]::new))
                .update();
    }

    void delete(String table, List<UUID> ids) {
        jdbc.sql("delete from " + table + " where id = any(:ids)").param("ids", ids.toArray(UUID[]::new)).update();
    }

    private static String assign(MergeField field, String select) {
        String target = field.columns().size() == 1 ? field.columns().getFirst()
                : "(" + String.join(", ", field.columns()) + ")";
        return target + " = (" + select + ")";
    }
}
