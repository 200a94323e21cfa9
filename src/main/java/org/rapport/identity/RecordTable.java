package org.rapport.identity;

/**
 * A record type a module owns, declared as a bean so that other modules can check its visibility, name it and link
 * to it without depending on the owning module. The table needs {@code id}, {@code owner_id} and
 * {@code department_id}.
 *
 * @param type       the type as written in {@link org.rapport.shared.RecordRef} (e.g. {@code contact})
 * @param table      the table holding the records
 * @param labelSql   a SQL expression over the table's columns (alias {@code r}) naming a record for people
 * @param path       the detail page's path prefix (e.g. {@code /contacts/})
 * @param accountSql a SQL expression over the table's columns (alias {@code r}) giving the id of the account a
 *                   record belongs to, null when records of the type belong to none; what is logged on such a
 *                   record also goes on its account's timeline
 * @param visibility the type's own visibility rule when it differs from {@link Visibility}'s; null for the usual one
 */
public record RecordTable(String type, String table, String labelSql, String path, String accountSql,
                          Rule visibility) {

    /**
     * A record type's visibility rule: a SQL condition over the table's alias, with parameters that depend only on
     * the user (so that the rules of several types combine in one statement).
     */
    @FunctionalInterface
    public interface Rule {
        SqlFilter filter(CurrentUser user, String alias);
    }

    public RecordTable {
        if (!type.matches("[a-z_]{1,40}") || !table.matches("[a-z_]{1,63}")) {
            throw new IllegalArgumentException("Not a record type or table: " + type + ", " + table);
        }
    }

    /** A type under the usual visibility rule whose records belong to no account. */
    public RecordTable(String type, String table, String labelSql, String path) {
        this(type, table, labelSql, path, null, null);
    }
}
