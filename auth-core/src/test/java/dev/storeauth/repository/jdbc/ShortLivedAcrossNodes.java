package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.repository.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Short-lived tokens issued for an account on node {@code a}, used on node {@code b} (which never sees
 * the account's own access token before), and killed on {@code a} by deleting the account, rolling its
 * access token or deleting the token; each timed as revocation is, from
 * the write's commit until {@code b} refuses the token, polled every millisecond.
 */
final class ShortLivedAcrossNodes {

    private static final String STORE = "fleet";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Node a;
    private final Node b;

    ShortLivedAcrossNodes(Node a, Node b) {
        this.a = a;
        this.b = b;
    }

    /** Creates account {@code n} on {@code a}, has {@code b} prove a short-lived token of it, deletes it on {@code a}. */
    long delete(int n) {
        OAuthAccount account = TestAccounts.oauth(STORE, n);
        String token = proven(account);
        long start = System.nanoTime();
        a.repository.deleteOAuthAccounts(STORE, List.of(account.id()), TestAudit.ENTRY);
        return millisUntilRefused(start, token);
    }

    /**
     * As {@link #delete}, but rolls the account's access token with an hour's overlap instead: the
     * short-lived token dies while the old access token still works.
     */
    long roll(int n) {
        String accessToken = TestAccounts.newToken();
        OAuthAccount account = TestAccounts.oauth(STORE, n, accessToken);
        String token = proven(account);
        OAuthAccount rolled = TestAccounts.rolled(account, TestAccounts.newToken(), Instant.now().plus(Duration.ofHours(1)));
        long start = System.nanoTime();
        assertTrue(a.repository.replaceOAuthAccount(account, rolled, TestAudit.ENTRY));
        long millis = millisUntilRefused(start, token);
        assertInstanceOf(AuthResult.Authenticated.class, b.get(STORE, accessToken), "the old access token overlaps");
        return millis;
    }

    /** As {@link #delete}, but deletes just the short-lived token on {@code a}, as for a leak: the account lives on. */
    long deleteToken(int n) {
        String accessToken = TestAccounts.newToken();
        OAuthAccount account = TestAccounts.oauth(STORE, n, accessToken);
        String token = proven(account);
        long start = System.nanoTime();
        assertTrue(a.repository.deleteShortLivedToken(TestAccounts.digest(token), TestAudit.ENTRY));
        long millis = millisUntilRefused(start, token);
        assertInstanceOf(AuthResult.Authenticated.class, b.get(STORE, accessToken), "the access token stays");
        return millis;
    }

    private String proven(OAuthAccount account) {
        assertTrue(a.repository.insertOAuthAccount(account, 50, TestAudit.ENTRY));
        String token = a.tokens.issue(account, account.scopes()).orElseThrow().token();
        assertInstanceOf(AuthResult.Authenticated.class, b.get(STORE, token));
        assertInstanceOf(AuthResult.Authenticated.class, b.get(STORE, token), "served from b's cache");
        return token;
    }

    private long millisUntilRefused(long start, String token) {
        AuthResult result;
        while ((result = b.get(STORE, token)) instanceof AuthResult.Authenticated) {
            assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "still accepted on the other node after 5 s");
            LockSupport.parkNanos(1_000_000);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, ((AuthResult.Denied) result).problem());
        return millis;
    }
}
