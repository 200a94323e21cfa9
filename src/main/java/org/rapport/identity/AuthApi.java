package org.rapport.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ProblemDetail;
import org.rapport.platform.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/auth/token}: trade an email and password for a bearer token, for scripts. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApi {

    /** Sign-in for scripts; scopes default to what the user's role allows, expiry to 30 days. */
    record TokenRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password,
                        List<@NotBlank String> scopes, @Min(1) @Max(ApiTokenService.MAX_DAYS) Integer expiresInDays,
                        @Size(max = 100) String name) {
    }

    record TokenResponse(String token, String tokenType, List<String> scopes, Instant expiresAt) {
    }

    private final LoginService login;
    private final ApiTokenService tokens;

    AuthApi(LoginService login, ApiTokenService tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    @PostMapping("/token")
    @Operation(summary = "Issue a bearer token for a user's email and password",
            description = "Repeated wrong passwords lock the account for a while (423 is never used: it answers 401 "
                    + "with a message). Scopes: read, write, admin (admin for administrators only).")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
        Set<Scope> scopes;
        try {
            scopes = request.scopes() == null ? null : request.scopes().stream().map(Scope::parse)
                    .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        } catch (IllegalArgumentException e) {
            throw new org.rapport.shared.InvalidFieldException("scopes", e.getMessage());
        }
        CurrentUser user = login.authenticate(request.email(), request.password());
        if (scopes == null) {
            scopes = EnumSet.of(Scope.READ);
            if (user.role().canWrite()) {
                scopes.add(Scope.WRITE);
            }
            if (user.isAdmin()) {
                scopes.add(Scope.ADMIN);
            }
        }
        String name = request.name() == null || request.name().isBlank() ? "API sign-in " + Instant.now() : request.name();
        int days = request.expiresInDays() == null ? 30 : request.expiresInDays();
        ApiTokenService.Issued issued = tokens.issue(user, name, scopes, days);
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), "Bearer",
                issued.scopes().stream().map(Scope::value).toList(), issued.expiresAt()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> rejected(AuthenticationException e) {
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        String detail = e instanceof LockedException ? e.getMessage() : "Invalid email or password";
        return ResponseEntity.status(status).body(Problems.of(status, detail));
    }
}
