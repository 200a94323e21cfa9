package org.rapport.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Form sign-in through {@link LoginService}; the principal is a {@link CurrentUser}. */
@Component
class LoginAuthenticationProvider implements AuthenticationProvider {

    private final LoginService login;

    LoginAuthenticationProvider(LoginService login) {
        this.login = login;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        CurrentUser user = login.authenticate(authentication.getName(),
                authentication.getCredentials() == null ? null : authentication.getCredentials().toString());
        return authenticated(user);
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
