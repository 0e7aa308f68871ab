package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Rolls and allowlist changes made on node {@code a}, as node {@code b} sees them, each timed from the
 * write's commit until {@code b}'s cache holds the change. Whether the old token is still accepted is
 * judged at instants around the end of the overlap (the authenticator's rule: the previous token
 * until {@code expiresAt}, exclusive), so no test waits for an overlap to end.
 */
final class RotationAcrossNodes {

    static final String STORE = "fleet";
    /** The end of every overlap; the checks ask about the instants just before it and at it. */
    static final Instant OVERLAP_END = Instant.parse("2026-06-01T12:00:00Z");
    static final AllowedAddresses OFFICE = AllowedAddresses.parse(List.of("203.0.113.0/24"));
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Node a;
    private final Node b;

    RotationAcrossNodes(Node a, Node b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Creates account {@code n} on {@code a}, has {@code b} cache it and a "not found" for the next token,
     * rolls it on {@code a} with an overlap, and returns how long until {@code b} accepts the new token
     * and holds the old one only for the overlap; then rolls again without overlap and checks that
     * {@code b} drops the first token.
     */
    long roll(int n) {
        String first = TestAccounts.newToken();
        String second = TestAccounts.newToken();
        OAuthAccount created = TestAccounts.oauth(STORE, n, first);
        assertTrue(a.repository.insertOAuthAccount(created, 50, TestAudit.ENTRY));
        assertInstanceOf(AuthResult.Authenticated.class, b.get(STORE, first));
        assertEquals(Optional.empty(), b.cache.find(key(second)), "b caches that the next token is unknown");
        OAuthAccount rolled = TestAccounts.rolled(created, second, OVERLAP_END);
        long start = System.nanoTime();
        assertTrue(a.repository.replaceOAuthAccount(created, rolled, TestAudit.ENTRY));
        long millis = millisUntil(start, () -> b.cache.find(key(second)).isPresent()
                && !acceptedAt(first, OVERLAP_END));
        assertInstanceOf(AuthResult.Authenticated.class, b.get(STORE, second), "the new token works on b");
        assertTrue(acceptedAt(first, OVERLAP_END.minusNanos(1_000)), "the old token works until the overlap ends");
        assertFalse(acceptedAt(first, OVERLAP_END), "and fails from then on");
        OAuthAccount rolledAgain = rolled.withAccessToken(TestAccounts.digest(TestAccounts.newToken()), Optional.empty());
        long again = System.nanoTime();
        assertTrue(a.repository.replaceOAuthAccount(rolled, rolledAgain, TestAudit.ENTRY));
        millisUntil(again, () -> b.cache.find(key(first)).isEmpty() && !acceptedAt(second, OVERLAP_END.minusSeconds(1)));
        return millis;
    }

    /**
     * Creates account {@code n} on {@code a}, has {@code b} cache it, restricts it on {@code a}, and
     * returns how long until the account {@code b} finds is restricted.
     */
    long restrict(int n) {
        String token = TestAccounts.newToken();
        OAuthAccount open = TestAccounts.oauth(STORE, n, token);
        assertTrue(a.repository.insertOAuthAccount(open, 50, TestAudit.ENTRY));
        assertInstanceOf(AuthResult.Authenticated.class, b.get(STORE, token));
        long start = System.nanoTime();
        assertTrue(a.repository.replaceOAuthAccount(open, open.withAllowedAddresses(OFFICE), TestAudit.ENTRY));
        long millis = millisUntil(start, () -> b.cache.find(key(token)).map(Account::allowedAddresses)
                .equals(Optional.of(OFFICE)));
        AllowedAddresses seen = b.cache.find(key(token)).orElseThrow().allowedAddresses();
        assertFalse(seen.permits("192.0.2.1"), "b no longer lets the account in from elsewhere");
        assertTrue(seen.permits("203.0.113.9"));
        return millis;
    }

    /** Whether the account {@code b} finds for {@code token} accepts it at {@code now}. */
    private boolean acceptedAt(String token, Instant now) {
        SecretDigest digest = TestAccounts.digest(token);
        return b.cache.find(key(token)).filter(OAuthAccount.class::isInstance).map(OAuthAccount.class::cast)
                .filter(account -> account.accessTokenDigest().equals(digest) || account.previousToken()
                        .filter(p -> p.digest().equals(digest) && now.isBefore(p.expiresAt())).isPresent())
                .isPresent();
    }

    private static LookupKey key(String token) {
        return new LookupKey.ByTokenDigest(TestAccounts.digest(token));
    }

    /** Milliseconds from {@code start} until {@code condition} holds, polled every millisecond; fails after 5 s. */
    private static long millisUntil(long start, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "not seen on the other node within 5 s");
            LockSupport.parkNanos(1_000_000);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Prints the median and slowest of {@code millis} and fails if the slowest took a second or more. */
    static void report(String what, String database, AccountChangeFeed feed, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long slowest = sorted.get(sorted.size() - 1);
        System.out.printf("%s across nodes (%s, %s): median %d ms, max %d ms over %d%n", what, database,
                feed.getClass().getSimpleName(), sorted.get(sorted.size() / 2), slowest, sorted.size());
        assertTrue(slowest < 1_000, "slowest " + what + " took " + slowest + " ms");
    }
}
