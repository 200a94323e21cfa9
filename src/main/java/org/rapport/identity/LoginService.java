package org.rapport.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks an email and password. After {@code maxFailures} wrong passwords in a row the account is locked
 * for {@code lockDuration}, and each further wrong password locks it again; a locked account refuses even
 * the right password until the lock ends. Unknown emails cost the same time as known ones.
 */
@Service
class LoginService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final int maxFailures;
    private final Duration lockDuration;
    private final String dummyHash;

    LoginService(UserRepository users, PasswordEncoder passwords,
                 @Value("${rapport.login.max-failures:5}") int maxFailures,
                 @Value("${rapport.login.lock-duration:15m}") Duration lockDuration) {
        this.users = users;
        this.passwords = passwords;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.dummyHash = passwords.encode(UserService.randomPassword());
    }

    CurrentUser authenticate(String email, String password) {
        String candidate = password == null ? "" : password;
        var row = email == null ? java.util.Optional.<UserRepository.LoginRow>empty() : users.findLogin(email.trim());
        if (row.isEmpty() || !row.get().active()) {
            passwords.matches(candidate, dummyHash);
            throw new BadCredentialsException("Invalid email or password");
        }
        UserRepository.LoginRow user = row.get();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(Instant.now())) {
            throw new LockedException("Too many failed sign-in attempts; try again in "
                    + minutesLeft(user.lockedUntil()) + " minutes");
        }
        if (!passwords.matches(candidate, user.passwordHash())) {
            users.recordFailure(user.id(), maxFailures, lockDuration);
            throw new BadCredentialsException("Invalid email or password");
        }
        users.recordSuccess(user.id());
        return users.findActivePrincipal(user.id())
                .orElseThrow(() -> new BadCredentialsException("Invalid email or password"))
                .withScopes(EnumSet.allOf(Scope.class));
    }

    private static long minutesLeft(Instant until) {
        return Math.max(1, (Duration.between(Instant.now(), until).toSeconds() + 59) / 60);
    }
}
