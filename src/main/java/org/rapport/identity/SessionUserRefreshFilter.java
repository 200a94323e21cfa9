package org.rapport.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in user on every request so that a change of role or department applies at once,
 * and a deactivated user's session ends on its next request, on whichever node serves it.
 */
class SessionUserRefreshFilter extends OncePerRequestFilter {

    private final UserRepository users;

    SessionUserRefreshFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser sessionUser) {
            Optional<CurrentUser> fresh = users.findActivePrincipal(sessionUser.id());
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!fresh.get().equals(sessionUser)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(LoginAuthenticationProvider.authenticated(fresh.get()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
