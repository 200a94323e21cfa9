package org.rapport.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Live API tokens this node found in the database in the last {@link #TTL} (5 seconds), keyed by their hash, so that
 * an API call does not look its token up again on every request.
 * <p>
 * On this node a revocation, and a change of the token's user (deactivation, role, department), takes effect at once:
 * the token is forgotten when it happens and again after its transaction commits, and a lookup that was under way
 * meanwhile is not kept. On the other nodes of a cluster it takes effect within {@link #TTL}, when their entry goes
 * stale. An expiry needs no one: a cached token is used only until its {@code expires_at}. At most
 * {@link #MAX_ENTRIES} tokens are kept; past that, the stale ones are dropped, and if none were, all of them.
 */
@Component
class ApiTokenCache {

    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiTokenRepository.Match match, long staleAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts the evictions, so that a lookup begun before one is not cached after it. */
    private final AtomicLong evictions = new AtomicLong();

    /** The token with this hash, if it was found live less than {@link #TTL} ago and has not expired since. */
    Optional<ApiTokenRepository.Match> get(String hash) {
        Entry entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.staleAtNanos() >= 0 || !Instant.now().isBefore(entry.match().expiresAt())) {
            entries.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.match());
    }

    /** Read before looking a token up in the database, and given back to {@link #put}. */
    long stamp() {
        return evictions.get();
    }

    /** Keeps a token found live, unless an eviction happened since {@code stamp} was read. */
    void put(String hash, ApiTokenRepository.Match match, long stamp) {
        if (entries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> now - e.staleAtNanos() >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        Entry entry = new Entry(match, System.nanoTime() + TTL.toNanos());
        entries.put(hash, entry);
        if (evictions.get() != stamp) {
            entries.remove(hash, entry);
        }
    }

    /** Replaces the cached token's last use after it was recorded, if the token is still cached. */
    void touched(String hash, Instant at) {
        entries.computeIfPresent(hash, (k, e) -> new Entry(e.match().usedAt(at), e.staleAtNanos()));
    }

    /** Forgets a token now and, when called in a transaction, again after it commits. */
    void evictToken(UUID tokenId) {
        evict(e -> e.match().tokenId().equals(tokenId));
    }

    /** Forgets the tokens of a user now and, when called in a transaction, again after it commits. */
    void evictUser(UUID userId) {
        evict(e -> e.match().user().id().equals(userId));
    }

    private void evict(Predicate<Entry> which) {
        evictNow(which);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evictNow(which);
                }
            });
        }
    }

    private void evictNow(Predicate<Entry> which) {
        evictions.incrementAndGet();
        entries.values().removeIf(which);
    }
}
