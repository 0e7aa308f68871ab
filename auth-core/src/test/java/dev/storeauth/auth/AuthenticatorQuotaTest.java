package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store quota: every proven request of a store counts, whichever of its accounts sent it; every
 * answer to one says where the store stands in the {@code X-Rate-Limit-*} headers, and over quota it
 * is 429 with when to retry. Failures cost a store nothing. On a clock the tests move.
 */
class AuthenticatorQuotaTest {

    private static final String QUOTA = "X-Rate-Limit-Requests-Quota";
    private static final String LEFT = "X-Rate-Limit-Requests-Left";
    private static final String WINDOW = "X-Rate-Limit-Time-Window-Ms";
    private static final String RESET = "X-Rate-Limit-Time-Reset-Ms";
    private static final String BEARER = "Bearer realm=\"storeauth\"";
    private static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";
    private static final List<String> INVALID = List.of(BEARER + ", error=\"invalid_token\"", BASIC);
    private static final StoreQuota.Quota FIVE = StoreQuota.Quota.parse("5/30s");

    private final SecretGenerator generator = new SecretGenerator();
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AccountCache cache = AccountCache.builder(repository).lookupExecutor(Runnable::run)
            .ticker(() -> 0L).build();
    private final AtomicLong nanos = new AtomicLong();
    private final List<Account> used = Collections.synchronizedList(new ArrayList<>());

    private final String abcToken = generator.generate(SecretKind.ACCESS_TOKEN);
    private final String abcReadOnlyToken = generator.generate(SecretKind.ACCESS_TOKEN);
    private final String aliceToken = generator.generate(SecretKind.LEGACY_TOKEN);
    private final String xyzToken = generator.generate(SecretKind.ACCESS_TOKEN);
    private final String bigshopToken = generator.generate(SecretKind.ACCESS_TOKEN);

    AuthenticatorQuotaTest() {
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, abcToken), 100, TestAudit.ENTRY);
        repository.insertOAuthAccount(new OAuthAccount("ro", "abc", "Read only", "clientro",
                TestAccounts.digest(generator.generate(SecretKind.CLIENT_SECRET)), TestAccounts.digest(abcReadOnlyToken),
                Scopes.of(Map.of("products", AccessLevel.READ_ONLY)), Instant.EPOCH), 100, TestAudit.ENTRY);
        repository.insertLegacyAccount(TestAccounts.legacy("abc", "alice", aliceToken), TestAudit.ENTRY);
        repository.insertOAuthAccount(TestAccounts.oauth("xyz", 1, xyzToken), 100, TestAudit.ENTRY);
        repository.insertOAuthAccount(TestAccounts.oauth("bigshop", 1, bigshopToken), 100, TestAudit.ENTRY);
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    private Authenticator withQuota(StoreQuota quota) {
        return Authenticator.builder(cache).storeQuota(quota).limitStore(LimitStore.local(nanos::get))
                .usageRecorder((account, from) -> used.add(account)).build();
    }

    private static AuthResult bearer(Authenticator authenticator, String store, String token) {
        return request(authenticator, "GET", "/stores/" + store + "/v2/products", Map.of("X-Auth-Token", List.of(token)));
    }

    private static AuthResult basic(Authenticator authenticator, String store, String username, String token) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return request(authenticator, "GET", "/stores/" + store + "/v2/products",
                Map.of("Authorization", List.of("Basic " + pair)));
    }

    private static AuthResult request(Authenticator authenticator, String method, String path,
            Map<String, List<String>> headers) {
        return authenticator.authenticate(new ApiRequest(method, path, ApiRequest.Headers.of(headers), true, "203.0.113.9"));
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Map<String, String> quotaHeaders(long quota, long left, long windowMillis, long resetMillis) {
        return Map.of(QUOTA, Long.toString(quota), LEFT, Long.toString(left), WINDOW, Long.toString(windowMillis),
                RESET, Long.toString(resetMillis));
    }

    private static Map<String, String> authenticatedHeaders(AuthResult result) {
        return assertInstanceOf(AuthResult.Authenticated.class, result, result::toString).headers();
    }

    private static AuthResult.Denied assertOverQuota(AuthResult result, long quota, long windowMillis, long resetMillis) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result, result::toString);
        assertEquals(429, denied.status());
        assertEquals(AuthResult.Problem.QUOTA_EXCEEDED, denied.problem());
        assertEquals(List.of(), denied.challenges());
        String seconds = Long.toString(Math.max(1, (resetMillis + 999) / 1000));
        assertEquals(Map.of(QUOTA, Long.toString(quota), LEFT, "0", WINDOW, Long.toString(windowMillis),
                RESET, Long.toString(resetMillis), "Retry-After", seconds, "X-Retry-After", seconds), denied.headers());
        assertTrue(denied.detail().contains(quota + " requests per " + windowMillis + " ms")
                && denied.detail().contains("retry after " + seconds + " seconds"), denied.detail());
        return denied;
    }

    private static void assertInvalid(AuthResult result, List<String> challenges) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result, result::toString);
        assertEquals(401, denied.status());
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied.problem());
        assertEquals(challenges, denied.challenges());
        assertEquals(Map.of(), denied.headers(), "a failure says nothing about any store's quota");
    }

    @Test
    void everyAuthenticatedAnswerSaysTheQuotaTheRequestsLeftTheWindowAndWhenItResets() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));

        assertEquals(quotaHeaders(5, 4, 30_000, 30_000), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
        advance(Duration.ofSeconds(10));
        assertEquals(quotaHeaders(5, 3, 30_000, 20_000), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
        advance(Duration.ofMillis(12_345));
        assertEquals(quotaHeaders(5, 2, 30_000, 7_655), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
        assertEquals(quotaHeaders(5, 1, 30_000, 7_655), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
        assertEquals(quotaHeaders(5, 0, 30_000, 7_655), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
    }

    @Test
    void theResetTimeIsNeverLongerThanTheWindowNorNegative() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("1000/30s")));

        for (int i = 0; i < 200; i++) {
            Map<String, String> headers = authenticatedHeaders(bearer(authenticator, "abc", abcToken));
            long reset = Long.parseLong(headers.get(RESET));
            assertTrue(reset > 0 && reset <= 30_000, headers::toString);
            advance(Duration.ofMillis(997));
        }
    }

    @Test
    void allAccountsOfAStoreShareItsCountButOtherStoresDoNot() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));

        assertEquals("4", authenticatedHeaders(bearer(authenticator, "abc", abcToken)).get(LEFT));
        assertEquals("3", authenticatedHeaders(basic(authenticator, "abc", "alice", aliceToken)).get(LEFT));
        assertEquals("2", authenticatedHeaders(bearer(authenticator, "abc", abcReadOnlyToken)).get(LEFT));
        assertEquals("4", authenticatedHeaders(bearer(authenticator, "xyz", xyzToken)).get(LEFT));
        assertEquals("1", authenticatedHeaders(basic(authenticator, "abc", "alice", aliceToken)).get(LEFT));
        assertEquals("0", authenticatedHeaders(bearer(authenticator, "abc", abcToken)).get(LEFT));

        assertOverQuota(basic(authenticator, "abc", "alice", aliceToken), 5, 30_000, 30_000);
        assertOverQuota(bearer(authenticator, "abc", abcToken), 5, 30_000, 30_000);
        assertEquals("3", authenticatedHeaders(bearer(authenticator, "xyz", xyzToken)).get(LEFT));
    }

    @Test
    void overQuotaIs429QuotaExceededWithTheFourQuotaHeadersAndBothRetryHeaders() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));
        for (int i = 0; i < 5; i++) {
            bearer(authenticator, "abc", abcToken);
        }
        used.clear();
        advance(Duration.ofSeconds(10).plusMillis(1));

        AuthResult.Denied denied = assertOverQuota(bearer(authenticator, "abc", abcToken), 5, 30_000, 19_999);

        assertEquals("20", denied.headers().get("Retry-After"), "whole seconds, rounded up");
        assertEquals("urn:storeauth:problem:quota_exceeded", denied.problem().type());
        assertEquals("Store request quota used up", denied.problem().title());
        assertEquals(List.of(), used, "a request over quota is not a use");
    }

    @Test
    void lessThanASecondToWaitIsRetryAfterOneSecond() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));
        for (int i = 0; i < 5; i++) {
            bearer(authenticator, "abc", abcToken);
        }
        advance(Duration.ofSeconds(30).minusMillis(300));

        assertEquals("1", assertOverQuota(bearer(authenticator, "abc", abcToken), 5, 30_000, 300)
                .headers().get("X-Retry-After"));
    }

    @Test
    void afterTheWindowTheStoreIsAllowedItsWholeQuotaAgain() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));
        for (int i = 0; i < 5; i++) {
            bearer(authenticator, "abc", abcToken);
        }
        assertOverQuota(bearer(authenticator, "abc", abcToken), 5, 30_000, 30_000);
        advance(Duration.ofSeconds(29));
        assertOverQuota(bearer(authenticator, "abc", abcToken), 5, 30_000, 1_000);

        advance(Duration.ofSeconds(1));

        for (int left = 4; left >= 0; left--) {
            assertEquals(quotaHeaders(5, left, 30_000, 30_000), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
        }
        assertOverQuota(bearer(authenticator, "abc", abcToken), 5, 30_000, 30_000);
    }

    @Test
    void aStoreIdleForLongerThanTheLocalIdleTimeKeepsItsCountUntilALongWindowEnds() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("2/2h")));
        bearer(authenticator, "abc", abcToken);
        bearer(authenticator, "abc", abcToken);

        advance(LimitStore.LOCAL_IDLE.plusMinutes(30));

        assertOverQuota(bearer(authenticator, "abc", abcToken), 2, 7_200_000, 1_800_000);
        advance(Duration.ofMinutes(30));
        assertEquals(quotaHeaders(2, 1, 7_200_000, 7_200_000), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
    }

    @Test
    void perStoreTiersGiveNamedStoresTheirQuotaAndEveryOtherStoreTheDefault() {
        Authenticator authenticator = withQuota(StoreQuota.perStore(
                Map.of("bigshop", StoreQuota.Quota.parse("3/1m")), StoreQuota.everyStore(FIVE)));

        assertEquals(quotaHeaders(3, 2, 60_000, 60_000), authenticatedHeaders(bearer(authenticator, "bigshop", bigshopToken)));
        assertEquals(quotaHeaders(5, 4, 30_000, 30_000), authenticatedHeaders(bearer(authenticator, "abc", abcToken)));
        assertEquals(quotaHeaders(5, 4, 30_000, 30_000), authenticatedHeaders(bearer(authenticator, "xyz", xyzToken)));
        bearer(authenticator, "bigshop", bigshopToken);
        bearer(authenticator, "bigshop", bigshopToken);

        assertOverQuota(bearer(authenticator, "bigshop", bigshopToken), 3, 60_000, 60_000);
        assertEquals("3", authenticatedHeaders(bearer(authenticator, "abc", abcToken)).get(LEFT));
    }

    @Test
    void aStoreWithoutAQuotaGetsNoQuotaHeadersAndIsNeverRefused() {
        Authenticator off = withQuota(StoreQuota.off());
        Authenticator onlyBigshop = Authenticator.builder(cache)
                .storeQuota(StoreQuota.perStore(Map.of("bigshop", FIVE), StoreQuota.off()))
                .limitStore(LimitStore.local(nanos::get)).build();
        Authenticator none = Authenticator.builder(cache).build();

        for (int i = 0; i < 20; i++) {
            assertEquals(Map.of(), authenticatedHeaders(bearer(off, "abc", abcToken)));
            assertEquals(Map.of(), authenticatedHeaders(bearer(onlyBigshop, "abc", abcToken)));
            assertEquals(Map.of(), authenticatedHeaders(bearer(none, "abc", abcToken)));
        }
        assertEquals("4", authenticatedHeaders(bearer(onlyBigshop, "bigshop", bigshopToken)).get(LEFT));
    }

    @Test
    void anInsufficientScope403CountsAndCarriesTheQuotaHeaders() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));

        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, request(authenticator, "POST",
                "/stores/abc/v2/products", Map.of("X-Auth-Token", List.of(abcReadOnlyToken))));

        assertEquals(403, denied.status());
        assertEquals(AuthResult.Problem.INSUFFICIENT_SCOPE, denied.problem());
        assertEquals(List.of(BEARER + ", error=\"insufficient_scope\", scope=\"products:modify\""), denied.challenges());
        assertEquals(quotaHeaders(5, 4, 30_000, 30_000), denied.headers());
        assertEquals("3", authenticatedHeaders(bearer(authenticator, "abc", abcReadOnlyToken)).get(LEFT));
    }

    @Test
    void aPathNoRouteCoversCountsAndCarriesTheQuotaHeaders() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));

        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, request(authenticator, "GET",
                "/stores/abc/v2/unmapped", Map.of("X-Auth-Token", List.of(abcToken))));

        assertEquals(403, denied.status());
        assertEquals(AuthResult.Problem.UNMAPPED_PATH, denied.problem());
        assertEquals(quotaHeaders(5, 4, 30_000, 30_000), denied.headers());
    }

    @Test
    void failedCredentialsDoNotUseTheQuota() {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(FIVE));

        for (int i = 0; i < 50; i++) {
            assertInvalid(bearer(authenticator, "abc", generator.generate(SecretKind.ACCESS_TOKEN)), INVALID);
            assertInvalid(basic(authenticator, "abc", "alice", generator.generate(SecretKind.LEGACY_TOKEN)),
                    List.of(BEARER, BASIC));
            assertInvalid(bearer(authenticator, "abc", xyzToken), INVALID);
        }

        assertEquals("4", authenticatedHeaders(bearer(authenticator, "abc", abcToken)).get(LEFT));
        assertEquals("4", authenticatedHeaders(bearer(authenticator, "xyz", xyzToken)).get(LEFT),
                "xyz's token sent to abc counted for neither store");
    }

    @Test
    void withAFailureThrottleTooAProvenRequestFromAnAddressOutOfPlacesStillCountsAndPasses() {
        Authenticator authenticator = Authenticator.builder(cache).throttle(3, Duration.ofMinutes(1))
                .storeQuota(StoreQuota.everyStore(FIVE)).limitStore(LimitStore.local(nanos::get)).build();
        assertEquals("4", authenticatedHeaders(bearer(authenticator, "abc", abcToken)).get(LEFT));
        for (int i = 0; i < 10; i++) {
            bearer(authenticator, "abc", generator.generate(SecretKind.ACCESS_TOKEN));
        }

        assertEquals("3", authenticatedHeaders(bearer(authenticator, "abc", abcToken)).get(LEFT));
    }

    @Test
    void concurrentRequestsOfOneStoreGetExactlyItsQuota() throws Exception {
        Authenticator authenticator = withQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("50/30s")));
        bearer(authenticator, "abc", abcToken);
        basic(authenticator, "abc", "alice", aliceToken);
        AtomicInteger allowed = new AtomicInteger();
        Set<String> lefts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int n = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        AuthResult result = n % 2 == 0 ? bearer(authenticator, "abc", abcToken)
                                : basic(authenticator, "abc", "alice", aliceToken);
                        if (result instanceof AuthResult.Authenticated a) {
                            allowed.incrementAndGet();
                            assertTrue(lefts.add(a.headers().get(LEFT)), "each left count is told once");
                        } else {
                            assertEquals(AuthResult.Problem.QUOTA_EXCEEDED, ((AuthResult.Denied) result).problem());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(48, allowed.get(), "50, less the two before");
    }
}
