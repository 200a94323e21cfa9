package org.rapport.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/me}: who the caller is and what its token may do. */
@RestController
@Tag(name = "Authentication")
class MeApi {

    record Me(UUID id, String email, String name, String role, UUID departmentId, String departmentName,
              List<String> scopes) {
    }

    private final UserService users;

    MeApi(UserService users) {
        this.users = users;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The user the bearer token acts for, and the token's effective scopes")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        String department = user.departmentId() == null ? null
                : users.department(user.departmentId()).map(DepartmentView::name).orElse(null);
        return new Me(user.id(), user.email(), user.name(), user.role().name(), user.departmentId(), department,
                user.scopes().stream().map(Scope::value).toList());
    }
}
