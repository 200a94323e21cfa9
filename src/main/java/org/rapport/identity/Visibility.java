package org.rapport.identity;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The record visibility rule, applied in SQL by every module on every read, list, search, report and export.
 * A record table needs {@code id}, {@code owner_id} and {@code department_id}.
 * <ul>
 *   <li>ADMIN sees everything;</li>
 *   <li>MANAGER sees their own records, those of the departments they head, and what the org setting gives every internal user;</li>
 *   <li>other internal roles see their own records plus, per the org setting, their department's or all;</li>
 *   <li>PARTNER sees only records shared with them in {@code record_shares}.</li>
 * </ul>
 * The org setting is read inside the same SQL statement, so every node applies a change at once. The parameters
 * depend only on the user, so filters of several record types can be combined in one statement.
 */
@Component
public class Visibility {

    private static final String ORG_SCOPE = "(select s.visibility_scope from org_settings s)";
    private static final Pattern RECORD_TYPE = Pattern.compile("[a-z_]{1,40}");

    /**
     * @param alias      the alias of the record table in the caller's query
     * @param recordType the record type as written in {@code record_shares} (e.g. {@code account})
     */
    public SqlFilter filter(CurrentUser user, String alias, String recordType) {
        String a = alias + ".";
        if (!RECORD_TYPE.matcher(recordType).matches()) {
            throw new IllegalArgumentException("Not a record type: " + recordType);
        }
        return switch (user.role()) {
            case ADMIN -> SqlFilter.UNRESTRICTED;
            case PARTNER -> new SqlFilter(
                    "exists (select 1 from record_shares vis_s where vis_s.record_type = '" + recordType + "'"
                            + " and vis_s.record_id = " + a + "id and vis_s.user_id = :vis_user)",
                    Map.of("vis_user", user.id()));
            case MANAGER -> new SqlFilter("(" + internal(a)
                    + " or " + a + "department_id in (select vis_d.id from departments vis_d"
                    + " where vis_d.head_user_id = :vis_user))", params(user));
            default -> new SqlFilter(internal(a), params(user));
        };
    }

    private static String internal(String a) {
        return "(" + a + "owner_id = :vis_user"
                + " or (" + ORG_SCOPE + " = 'DEPARTMENT' and " + a + "department_id = :vis_department)"
                + " or " + ORG_SCOPE + " = 'ALL')";
    }

    private static Map<String, Object> params(CurrentUser user) {
        // A user without a department matches no department's records: compare with a random id.
        return Map.of("vis_user", user.id(),
                "vis_department", user.departmentId() != null ? user.departmentId() : java.util.UUID.randomUUID());
    }
}
