package org.rapport;

import java.util.EnumSet;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.identity.Role;
import org.rapport.identity.Scope;
import org.rapport.identity.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Creates users and departments with unique names for a test, through the real services. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";
    private static final CurrentUser SYSTEM_ADMIN = new CurrentUser(new UUID(0, 0), "system@test", "System",
            Role.ADMIN, null, EnumSet.allOf(Scope.class));

    private final UserService users;

    TestUsers(UserService users) {
        this.users = users;
    }

    public UUID department(String name) {
        return users.createDepartment(SYSTEM_ADMIN, name + " " + UUID.randomUUID().toString().substring(0, 8), null);
    }

    public void makeHead(UUID departmentId, UUID userId) {
        var department = users.department(departmentId).orElseThrow();
        users.updateDepartment(SYSTEM_ADMIN, departmentId, department.name(), userId, department.version());
    }

    /** A new active user; returns the principal as a signed-in browser session would have it. */
    public CurrentUser create(Role role, UUID departmentId) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@test.rapport";
        UUID id = users.create(SYSTEM_ADMIN, new UserService.NewUser(email, role.label() + " " + email.substring(0, 12),
                role, departmentId, PASSWORD)).id();
        return new CurrentUser(id, email, role.label(), role, departmentId, EnumSet.allOf(Scope.class));
    }

    /** A request made in the browser session of {@code user}. */
    public static RequestPostProcessor signedIn(CurrentUser user) {
        var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(user.role().authority()));
        user.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }
}
