package org.rapport.sales;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.SqlFilter;
import org.rapport.identity.Visibility;
import org.springframework.stereotype.Component;

/**
 * Who sees a lead: the usual owner/department rule, plus the unassigned queue (leads without an owner), which managers
 * see whole and other internal users see for their own department. The lead pages and the record directory (so the
 * timeline and tasks of a lead) apply this one rule.
 */
@Component
class LeadVisibility {

    private final Visibility visibility;

    LeadVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    /** The condition "lead {@code alias} is visible to the user". */
    SqlFilter filter(CurrentUser user, String alias) {
        SqlFilter own = visibility.filter(user, alias, LeadService.TYPE);
        if (own.equals(SqlFilter.UNRESTRICTED) || user.role() == Role.PARTNER) {
            return own;
        }
        Map<String, Object> params = new HashMap<>(own.params());
        String queue;
        if (user.role() == Role.MANAGER) {
            queue = alias + ".owner_id is null";
        } else {
            queue = "(" + alias + ".owner_id is null and " + alias + ".department_id = :lead_department)";
            params.put("lead_department", user.departmentId() == null ? new UUID(0, 0) : user.departmentId());
        }
        return new SqlFilter("(" + own.sql() + " or " + queue + ")", params);
    }
}
