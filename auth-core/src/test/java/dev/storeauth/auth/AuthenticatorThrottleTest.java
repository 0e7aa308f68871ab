package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authenticator with a failure throttle over an {@link AccountCache}, on a clock the tests move.
 * The throttle bounds the work unproven credentials cause; it never refuses a credential this node
 * has proven, and it never counts a username on its own, so no one can lock a client out from
 * another address, or with another client's failures from its own.
 */
class AuthenticatorThrottleTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String STORE = "store1";
    private static final String PRODUCTS = "/stores/store1/v2/products";
    private static final String BEARER = "Bearer realm=\"storeauth\"";
    private static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";
    private static final List<String> INVALID = List.of(BEARER + ", error=\"invalid_token\"", BASIC);
    /** RFC 6750 section 3.1: the bearer challenge answering a Basic attempt carries no error code. */
    private static final List<String> INVALID_BASIC = List.of(BEARER, BASIC);
    private static final String ATTACKER = "203.0.113.66";
    private static final String CLEAN = "198.51.100.7";

    private final SecretGenerator generator = new SecretGenerator();
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicBoolean repositoryDown = new AtomicBoolean();
    private final AtomicLong nanos = new AtomicLong();
    private final AccountCache cache = AccountCache.builder(counting(repository))
            .lookupExecutor(Runnable::run).ticker(() -> 0L).build();
    private final Authenticator authenticator = throttled(cache);

    private final String oauthToken = generator.generate(SecretKind.ACCESS_TOKEN);
    private final String aliceToken = generator.generate(SecretKind.LEGACY_TOKEN);
    private final String victimToken = generator.generate(SecretKind.LEGACY_TOKEN);
    private final LegacyAccount victim = TestAccounts.legacy(STORE, "victim", victimToken);

    AuthenticatorThrottleTest() {
        repository.insertOAuthAccount(TestAccounts.oauth(STORE, 1, oauthToken), 100, TestAudit.ENTRY);
        repository.insertLegacyAccount(TestAccounts.legacy(STORE, "alice", aliceToken), TestAudit.ENTRY);
        repository.insertLegacyAccount(victim, TestAudit.ENTRY);
    }

    /** The one place the throttle is configured: 20 failures a minute, counted on the test clock. */
    private Authenticator throttled(AccountLookup lookup) {
        return Authenticator.builder(lookup).throttle(LIMIT, WINDOW).limitStore(LimitStore.local(nanos::get)).build();
    }

    private AccountLookup counting(AccountLookup delegate) {
        return key -> {
            lookups.incrementAndGet();
            if (repositoryDown.get()) {
                throw new RepositoryUnavailableException("the repository is down");
            }
            return delegate.find(key);
        };
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    private AuthResult bearer(String address, String token) {
        return request(address, PRODUCTS, Map.of("X-Auth-Token", List.of(token)));
    }

    private AuthResult basic(String address, String username, String token) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return request(address, PRODUCTS, Map.of("Authorization", List.of("Basic " + pair)));
    }

    private AuthResult request(String address, String path, Map<String, List<String>> headers) {
        return authenticator.authenticate(new ApiRequest("GET", path, ApiRequest.Headers.of(headers), true, address));
    }

    private String wrongBearerToken() {
        return generator.generate(SecretKind.ACCESS_TOKEN);
    }

    private String wrongLegacyToken() {
        return generator.generate(SecretKind.LEGACY_TOKEN);
    }

    private void forget(LookupKey key) {
        cache.onChange(new AccountChange.Changed(List.of(key)));
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static AuthResult.Authenticated assertAuthenticated(AuthResult result, String what) {
        return assertInstanceOf(AuthResult.Authenticated.class, result, () -> what + ": " + result);
    }

    private static void assertInvalid(AuthResult result) {
        assertInvalid(result, INVALID);
    }

    private static void assertInvalidBasic(AuthResult result) {
        assertInvalid(result, INVALID_BASIC);
    }

    private static void assertInvalid(AuthResult result, List<String> challenges) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result);
        assertEquals(401, denied.status(), denied::toString);
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied.problem(), denied::toString);
        assertEquals(challenges, denied.challenges(), denied::toString);
    }

    /** A 429 for failures, telling when to retry in both headers; returns the seconds. */
    private static long assertThrottled(AuthResult result) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result);
        assertEquals(429, denied.status(), denied::toString);
        assertEquals(AuthResult.Problem.TOO_MANY_FAILURES, denied.problem(), denied::toString);
        assertEquals(List.of(), denied.challenges());
        String seconds = denied.headers().get("Retry-After");
        assertEquals(seconds, denied.headers().get("X-Retry-After"), denied.headers()::toString);
        assertTrue(seconds != null && seconds.matches("[1-9][0-9]*"), denied.headers()::toString);
        return Long.parseLong(seconds);
    }

    /** {@code attempts} wrong OAuth tokens from {@code address}: the first {@code LIMIT} are checked, the rest 429. */
    private void failBearer(String address, int attempts) {
        for (int i = 0; i < attempts; i++) {
            AuthResult result = bearer(address, wrongBearerToken());
            if (i < LIMIT) {
                assertInvalid(result);
            } else {
                assertThrottled(result);
            }
        }
    }

    @Test
    void readsTheRemoteAddressWithOrWithoutAThrottle() {
        assertTrue(authenticator.readsRemoteAddress());
        assertTrue(Authenticator.builder(cache).build().readsRemoteAddress());
    }

    @Test
    void aThrottleTheCountersCannotCountFailsWhenItIsConfigured() {
        Authenticator.Builder builder = Authenticator.builder(cache);

        assertThrows(IllegalArgumentException.class, () -> builder.throttle(20, Duration.ofNanos(19)));
        assertThrows(IllegalArgumentException.class, () -> builder.throttle(20, Duration.ofDays(1_000_000)));
        assertThrows(IllegalArgumentException.class, () -> builder.throttle(0, WINDOW));
        assertThrows(IllegalArgumentException.class, () -> builder.throttle(20, Duration.ZERO));
        builder.throttle(20, Duration.ofNanos(20));
    }

    // (a) An address's failures never refuse a credential this node has proven.

    @Test
    void failuresFromAnAddressNeverRefuseACachedOAuthTokenFromThatAddress() {
        assertAuthenticated(bearer(ATTACKER, oauthToken), "first use");

        failBearer(ATTACKER, LIMIT + 30);
        int before = lookups.get();

        for (int i = 0; i < 50; i++) {
            assertAuthenticated(bearer(ATTACKER, oauthToken), "a proven token after " + (LIMIT + 30) + " failures");
        }
        assertEquals(before, lookups.get(), "proven from the cache, without a lookup");
    }

    @Test
    void failuresFromAnAddressNeverRefuseACachedBasicCredentialFromThatAddressEvenForTheSameUsername() {
        assertAuthenticated(basic(ATTACKER, "alice", aliceToken), "first use");

        for (int i = 0; i < LIMIT + 30; i++) {
            AuthResult result = i % 2 == 0 ? basic(ATTACKER, "alice", wrongLegacyToken())
                    : basic(ATTACKER, "mallory" + i, wrongLegacyToken());
            if (i < LIMIT) {
                assertInvalidBasic(result);
            } else {
                assertThrottled(result);
            }
        }

        for (int i = 0; i < 50; i++) {
            assertAuthenticated(basic(ATTACKER, "alice", aliceToken), "a proven credential after failures for it");
        }
    }

    // (b) Never per identity alone: wrong tokens for a username from elsewhere do not lock its owner out.

    @Test
    void wrongTokensForAUsernameFromManyAddressesNeverRefuseItsOwnerFromACleanAddressEvenUncached() {
        List<AuthResult> failures = new ArrayList<>();
        for (int address = 0; address < 2 * LIMIT; address++) {
            for (int i = 0; i < 2; i++) {
                failures.add(basic("192.0.2." + address, "victim", wrongLegacyToken()));
            }
        }
        forget(LookupKey.of(victim));
        int before = lookups.get();

        assertAuthenticated(basic(CLEAN, "victim", victimToken), "the owner, uncached, after " + 4 * LIMIT + " failures");

        assertEquals(before + 1, lookups.get(), "it was not cached: one lookup proved it");
        assertAuthenticated(basic(CLEAN, "victim", victimToken), "and proven again from the cache");
        failures.forEach(AuthenticatorThrottleTest::assertInvalidBasic);
    }

    @Test
    void wrongTokensForAUsernameFromOneAddressLeaveItsOwnerFreeAtAnyOther() {
        for (int i = 0; i < LIMIT + 10; i++) {
            AuthResult result = basic(ATTACKER, "victim", wrongLegacyToken());
            if (i < LIMIT) {
                assertInvalidBasic(result);
            } else {
                assertThrottled(result);
            }
        }
        forget(LookupKey.of(victim));

        assertAuthenticated(basic(CLEAN, "victim", victimToken), "the owner at another address, uncached");
        assertInvalidBasic(basic("192.0.2.1", "victim", wrongLegacyToken()));
    }

    // (c) A stale client with a rotated-out secret does not lock out the new one.

    @Test
    void aStaleClientSendingARotatedOutLegacyTokenDoesNotLockOutTheNewTokenFromAnotherAddress() {
        String oldToken = wrongLegacyToken();
        String newToken = wrongLegacyToken();
        repository.insertLegacyAccount(TestAccounts.legacy(STORE, "sync", oldToken), TestAudit.ENTRY);
        String stale = "192.0.2.44";
        assertAuthenticated(basic(stale, "sync", oldToken), "before the rotation");

        LegacyAccount before = (LegacyAccount) repository.find(new LookupKey.ByUsername(STORE, "sync")).orElseThrow();
        repository.replaceLegacyAccount(before, before.withTokenDigest(TestAccounts.digest(newToken)), TestAudit.ENTRY);
        forget(new LookupKey.ByUsername(STORE, "sync"));
        for (int i = 0; i < LIMIT + 30; i++) {
            AuthResult result = basic(stale, "sync", oldToken);
            if (i < LIMIT) {
                assertInvalidBasic(result);
            } else {
                assertThrottled(result);
            }
        }

        assertAuthenticated(basic("192.0.2.45", "sync", newToken), "the new token at the new client");
        forget(new LookupKey.ByUsername(STORE, "sync"));
        assertAuthenticated(basic("192.0.2.46", "sync", newToken), "the new token uncached at another client");
        assertAuthenticated(basic(stale, "sync", newToken), "once proven, even at the stale client's address");
    }

    @Test
    void aStaleClientSendingARotatedOutOAuthTokenDoesNotLockOutTheNewTokenFromAnotherAddress() {
        String oldToken = wrongBearerToken();
        String newToken = wrongBearerToken();
        var before = TestAccounts.oauth(STORE, 2, oldToken);
        repository.insertOAuthAccount(before, 100, TestAudit.ENTRY);
        String stale = "192.0.2.44";
        assertAuthenticated(bearer(stale, oldToken), "before the rotation");

        repository.deleteOAuthAccounts(STORE, List.of(before.id()), TestAudit.ENTRY);
        forget(LookupKey.of(before));
        repository.insertOAuthAccount(TestAccounts.oauth(STORE, 3, newToken), 100, TestAudit.ENTRY);
        for (int i = 0; i < LIMIT + 30; i++) {
            AuthResult result = bearer(stale, oldToken);
            if (i < LIMIT) {
                assertInvalid(result);
            } else {
                assertThrottled(result);
            }
        }

        assertAuthenticated(bearer("192.0.2.45", newToken), "the new token at the new client");
        assertAuthenticated(bearer(stale, newToken), "once proven, even at the stale client's address");
    }

    // (d) Beyond the limit, unproven attempts are 429 before any lookup; other addresses are unaffected.

    @Test
    void unprovenAttemptsBeyondTheLimitAre429WithRetryAfterAndNeverReachTheStore() {
        for (int i = 0; i < 200; i++) {
            AuthResult result = i % 2 == 0 ? bearer(ATTACKER, wrongBearerToken())
                    : basic(ATTACKER, "user" + i, wrongLegacyToken());
            if (i < LIMIT) {
                assertInvalid(result, i % 2 == 0 ? INVALID : INVALID_BASIC);
            } else {
                assertEquals(3, assertThrottled(result), "a place comes back every minute / 20 = 3 s");
            }
        }

        assertEquals(LIMIT, lookups.get(), "only the attempts with a place were looked up");
    }

    @Test
    void anotherAddressIsUnaffectedByOneAddressUsingUpItsPlaces() {
        failBearer(ATTACKER, LIMIT + 5);
        int before = lookups.get();

        assertInvalid(bearer(CLEAN, wrongBearerToken()));
        assertInvalidBasic(basic(CLEAN, "alice", wrongLegacyToken()));
        assertAuthenticated(bearer(CLEAN, oauthToken), "an uncached valid token elsewhere");
        assertAuthenticated(basic(CLEAN, "alice", aliceToken), "a valid legacy credential elsewhere");
        assertEquals(before + 3, lookups.get());
    }

    // (e) Places come back as the bucket refills.

    @Test
    void afterTheBucketRefillsAttemptsAreCheckedAgain() {
        failBearer(ATTACKER, LIMIT + 1);

        advance(Duration.ofSeconds(1));
        assertEquals(2, assertThrottled(bearer(ATTACKER, wrongBearerToken())), "2 s until the next place");
        advance(Duration.ofSeconds(2));
        assertInvalid(bearer(ATTACKER, wrongBearerToken()));
        assertThrottled(bearer(ATTACKER, wrongBearerToken()));

        advance(WINDOW);
        int before = lookups.get();
        failBearer(ATTACKER, LIMIT + 1);
        assertEquals(before + LIMIT, lookups.get(), "a whole window brings every place back");
    }

    // (f) A credential that proves valid gives its place back.

    @Test
    void validButUncachedCredentialsThatSucceedGiveTheirPlaceBack() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3 * LIMIT; i++) {
            String token = wrongBearerToken();
            repository.insertOAuthAccount(TestAccounts.oauth(STORE, 100 + i, token), 1_000, TestAudit.ENTRY);
            tokens.add(token);
        }

        for (int i = 0; i < tokens.size(); i++) {
            assertAuthenticated(bearer(ATTACKER, tokens.get(i)), "first use " + i);
            assertAuthenticated(basic(ATTACKER, "alice", aliceToken), "alice, after first being proven");
            if (i % 7 == 0) {
                forget(new LookupKey.ByUsername(STORE, "alice"));
            }
        }

        failBearer(ATTACKER, LIMIT + 1);
    }

    @Test
    void aValidButUncachedCredentialFromAnAddressWithNoPlacesLeftWaitsLikeAnyUnprovenOne() {
        failBearer(ATTACKER, LIMIT);

        assertThrottled(bearer(ATTACKER, oauthToken));

        assertAuthenticated(bearer(CLEAN, oauthToken), "proven elsewhere");
        assertAuthenticated(bearer(ATTACKER, oauthToken), "then proven here too");
    }

    // (g) What costs no check is not counted.

    @Test
    void missingAndMalformedCredentialsAreNotCounted() {
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertRefused(request(ATTACKER, PRODUCTS, Map.of()), 401, AuthResult.Problem.MISSING_CREDENTIALS,
                    List.of(BEARER, BASIC));
            assertRefused(request(ATTACKER, PRODUCTS, Map.of("Authorization", List.of("Basic !!!!"))), 401,
                    AuthResult.Problem.MALFORMED_CREDENTIALS, List.of(BEARER, BASIC));
            assertRefused(request(ATTACKER, PRODUCTS, Map.of("Authorization", List.of("Bearer two tokens"))), 400,
                    AuthResult.Problem.MALFORMED_CREDENTIALS, List.of(BEARER + ", error=\"invalid_request\"", BASIC));
            assertRefused(bearer(ATTACKER, "sat_" + "a".repeat(36) + "@b"), 400, AuthResult.Problem.MALFORMED_CREDENTIALS,
                    List.of(BEARER + ", error=\"invalid_request\"", BASIC));
            AuthResult basicOnV3 = request(ATTACKER, "/stores/store1/v3/catalog/products",
                    Map.of("Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(
                            ("alice:" + wrongLegacyToken()).getBytes(StandardCharsets.UTF_8)))));
            assertRefused(basicOnV3, 401, AuthResult.Problem.OAUTH_REQUIRED, List.of(BEARER));
        }
        assertEquals(0, lookups.get());

        failBearer(ATTACKER, LIMIT + 1);
    }

    private static void assertRefused(AuthResult result, int status, AuthResult.Problem problem, List<String> challenges) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result);
        assertEquals(status, denied.status(), denied::toString);
        assertEquals(problem, denied.problem(), denied::toString);
        assertEquals(challenges, denied.challenges(), denied::toString);
    }

    // (h) Exact under concurrency.

    @Test
    void concurrentFailedAttemptsFromAFreshAddressGetExactlyTheLimitChecked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 6; round++) {
                String address = "192.0.2." + (100 + round);
                boolean legacy = round % 2 == 1;
                List<String> secrets = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    secrets.add(legacy ? wrongLegacyToken() : wrongBearerToken());
                }
                int before = lookups.get();

                List<AuthResult> results = atOnce(pool, 16, secrets.size(), i -> legacy
                        ? basic(address, "r" + address + "u" + i, secrets.get(i)) : bearer(address, secrets.get(i)));

                long checked = results.stream().filter(r -> !(r instanceof AuthResult.Denied d && d.status() == 429)).count();
                results.stream().filter(r -> r instanceof AuthResult.Denied d && d.status() == 401)
                        .forEach(r -> assertInvalid(r, legacy ? INVALID_BASIC : INVALID));
                assertEquals(LIMIT, checked, "round " + round + (legacy ? " (Basic)" : " (OAuth)"));
                assertEquals(LIMIT, lookups.get() - before, "store lookups in round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<AuthResult> atOnce(ExecutorService pool, int threads, int attempts,
            java.util.function.IntFunction<AuthResult> attempt) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<AuthResult>>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                List<AuthResult> mine = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                    mine.add(attempt.apply(i));
                }
                return mine;
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        start.countDown();
        List<AuthResult> all = new ArrayList<>();
        for (Future<List<AuthResult>> f : done) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(attempts, all.size());
        return all;
    }

    // (i) A lookup that cannot be answered gives its place back.

    @Test
    void aRepositoryOutageDuringAThrottledLookupGivesThePlaceBack() {
        assertAuthenticated(bearer(ATTACKER, oauthToken), "proven before the outage");
        repositoryDown.set(true);

        for (int i = 0; i < 3 * LIMIT; i++) {
            String username = "user" + i;
            assertThrows(RepositoryUnavailableException.class, () -> bearer(ATTACKER, wrongBearerToken()));
            assertThrows(RepositoryUnavailableException.class, () -> basic(ATTACKER, username, wrongLegacyToken()));
        }
        assertAuthenticated(bearer(ATTACKER, oauthToken), "a proven token needs no repository");
        repositoryDown.set(false);

        failBearer(ATTACKER, LIMIT + 1);
    }
}
