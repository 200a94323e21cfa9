package org.rapport.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rapport.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in user of a request (browser session or API token), as the security principal. */
public record CurrentUser(UUID id, String email, String name, Role role, UUID departmentId, Set<Scope> scopes)
        implements Actor, Principal, Serializable {

    @Override
    public UUID userId() {
        return id;
    }

    @Override
    public String getName() {
        return email;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may change business records: its role allows it and, for a token, its scope. */
    public boolean canWrite() {
        return role.canWrite() && scopes.contains(Scope.WRITE);
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
        return authorities;
    }

    CurrentUser withScopes(Set<Scope> narrowed) {
        return new CurrentUser(id, email, name, role, departmentId, Set.copyOf(narrowed));
    }
}
