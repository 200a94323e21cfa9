package org.rapport.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens: 256 random bits shown once as {@code rpt_...}, stored only as a SHA-256 hash, scoped,
 * expiring and revocable. A token acts as its user, narrowed to its scopes and to what the user's role allows.
 */
@Service
class ApiTokenService {

    static final String PREFIX = "rpt_";
    static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A freshly issued token: the secret is in {@code token} and is never available again. */
    record Issued(UUID id, String token, Set<Scope> scopes, Instant expiresAt) {
    }

    private final ApiTokenRepository tokens;
    private final ApiTokenCache cache;

    ApiTokenService(ApiTokenRepository tokens, ApiTokenCache cache) {
        this.tokens = tokens;
        this.cache = cache;
    }

    @Transactional
    Issued issue(CurrentUser owner, String name, Set<Scope> requested, int days) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidFieldException("name", "Enter a name of 1 to 100 characters");
        }
        if (requested == null || requested.isEmpty()) {
            throw new InvalidFieldException("scopes", "Choose at least one scope");
        }
        if (requested.contains(Scope.ADMIN) && !owner.isAdmin()) {
            throw new InvalidFieldException("scopes", "Only administrators may create tokens with the admin scope");
        }
        if (requested.contains(Scope.WRITE) && !owner.role().canWrite()) {
            throw new InvalidFieldException("scopes", "Your role cannot write, so a token of yours cannot either");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidFieldException("expiresInDays", "Choose between 1 and " + MAX_DAYS + " days");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = Instant.now().plus(Duration.ofDays(days));
        Set<Scope> scopes = EnumSet.copyOf(requested);
        UUID id = tokens.insert(owner.id(), clean, hash(token), token.substring(token.length() - 4), scopes, expires);
        return new Issued(id, token, scopes, expires);
    }

    /**
     * The caller a bearer token stands for, or empty when it is unknown, revoked, expired or its user inactive.
     * A token found live is believed for {@link ApiTokenCache#TTL} without asking the database again (see there).
     */
    Optional<CurrentUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<ApiTokenRepository.Match> live = cache.get(hash);
        if (live.isEmpty()) {
            long stamp = cache.stamp();
            live = tokens.findLive(hash);
            live.ifPresent(match -> cache.put(hash, match, stamp));
        }
        return live.map(match -> {
            Instant now = Instant.now();
            if (match.lastUsedAt() == null || match.lastUsedAt().isBefore(now.minus(TOUCH_EVERY))) {
                tokens.touch(match.tokenId());
                cache.touched(hash, now);
            }
            Set<Scope> scopes = EnumSet.copyOf(match.scopes());
            if (!match.user().isAdmin()) {
                scopes.remove(Scope.ADMIN);
            }
            return match.user().withScopes(scopes);
        });
    }

    List<ApiTokenView> list(CurrentUser owner) {
        return tokens.listFor(owner.id());
    }

    @Transactional
    void revoke(CurrentUser owner, UUID tokenId) {
        if (!tokens.revoke(owner.id(), tokenId)) {
            throw new NotFoundException("Token");
        }
        cache.evictToken(tokenId);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
