package org.rapport.identity;

import java.util.Map;

import org.rapport.platform.AuditService;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization-wide settings row (today: the visibility scope of internal non-admin users). */
@Service
public class OrgSettingsService {

    private static final RecordRef SETTINGS = new RecordRef("org_settings", new java.util.UUID(0, 1));

    private final JdbcClient jdbc;
    private final AuditService audit;

    OrgSettingsService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public VisibilityScope visibilityScope() {
        return VisibilityScope.valueOf(jdbc.sql("select visibility_scope from org_settings").query(String.class).single());
    }

    @Transactional
    public void setVisibilityScope(CurrentUser admin, VisibilityScope scope) {
        if (!admin.isAdmin() || !admin.scopes().contains(Scope.ADMIN)) {
            throw new ForbiddenException("Only an administrator may change organization settings");
        }
        VisibilityScope before = visibilityScope();
        jdbc.sql("update org_settings set visibility_scope = :scope, updated_at = now()")
                .param("scope", scope.name()).update();
        audit.updated(SETTINGS, Map.of("visibilityScope", before), Map.of("visibilityScope", scope));
    }
}
