package dev.storeauth.cache.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.cache.CacheStatistics;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(30);
    private static final long WAIT_SECONDS = 10;
    private static final SecretDigester DIGESTER = SecretDigester.sha256();

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final Map<LookupKey, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AccountLookup countingStore = key -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(accounts.get(key));
    };
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final ExecutorService lookupPool = Executors.newCachedThreadPool();
    /** Released once after every store lookup has fully finished, cache bookkeeping included. */
    private final Semaphore lookupsFinished = new Semaphore(0);
    private final Executor trackedLookups = task -> lookupPool.execute(() -> {
        try {
            task.run();
        } finally {
            lookupsFinished.release();
        }
    });
    private final List<AccountCache> built = new ArrayList<>();

    @AfterEach
    void shutDown() {
        built.forEach(AccountCache::close);
        callers.shutdownNow();
        lookupPool.shutdownNow();
    }

    @Test
    void closeStopsTheClockThreadItStartedWhenGivenNoTicker() throws InterruptedException {
        AccountCache cache = build(AccountCache.builder(countingStore));
        Thread clock = cache.ownedClock().orElseThrow().thread();
        assertTrue(clock.isAlive());

        cache.close();

        clock.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertFalse(clock.isAlive());
    }

    @Test
    void startsNoClockThreadWhenGivenATicker() {
        AccountCache cache = build(AccountCache.builder(countingStore).ticker(ticker));

        assertEquals(Optional.empty(), cache.ownedClock());
    }

    private static SecretDigest digest(String secret) {
        return DIGESTER.digest(secret);
    }

    private static OAuthAccount account(String id, String token) {
        return new OAuthAccount(id, "abc", "Test app " + id, "sci_" + id, digest("secret-" + id), digest(token),
                Scopes.none(), Instant.EPOCH);
    }

    private static LookupKey keyOf(String token) {
        return new LookupKey.ByTokenDigest(digest(token));
    }

    private static AccountChange changed(LookupKey... keys) {
        return new AccountChange.Changed(List.of(keys));
    }

    private OAuthAccount stored(String id, String token) {
        OAuthAccount account = account(id, token);
        accounts.put(keyOf(token), account);
        return account;
    }

    private AccountCacheBuilder builder(AccountLookup store) {
        return builder(store, Runnable::run);
    }

    private AccountCacheBuilder builder(AccountLookup store, Executor lookups) {
        return AccountCache.builder(store).ticker(ticker).lookupExecutor(lookups)
                .expireAfterWrite(TTL).negativeExpireAfterWrite(NEGATIVE_TTL);
    }

    private AccountCache build(AccountCacheBuilder builder) {
        AccountCache cache = builder.build();
        built.add(cache);
        return cache;
    }

    /**
     * A counting store that looks {@code key} up at once, signals {@code entered}, and answers only
     * once {@code gate} opens.
     */
    private AccountLookup gatedStore(CountDownLatch entered, CountDownLatch gate) {
        return key -> {
            Optional<Account> answer = countingStore.find(key);
            entered.countDown();
            await(gate);
            return answer;
        };
    }

    /** A cache whose lookups run on tracked threads, with {@code timeout} for callers. */
    private AccountCache threadedCache(AccountLookup store, Duration timeout) {
        return build(builder(store, trackedLookups).lookupTimeout(timeout));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not opened in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitLookupsFinished(int count) throws InterruptedException {
        assertTrue(lookupsFinished.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS), "store lookups finished");
    }

    /** Expects exactly one lookup so far for {@code token}, and the next only once {@code ttl} has passed. */
    private void assertAskedAgainOnlyAfter(Duration ttl, AccountCache cache, String token) {
        nanos.addAndGet(ttl.minusSeconds(1).toNanos());
        cache.find(keyOf(token));
        assertEquals(1, lookups.get());

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.find(keyOf(token));
        assertEquals(2, lookups.get());
    }

    @Test
    void answersRepeatedFindsFromTheCacheWithoutAskingTheStore() {
        OAuthAccount account = stored("a1", "token-1");
        AccountCache cache = build(builder(countingStore));

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(account), cache.find(keyOf("token-1")));
        }

        assertEquals(1, lookups.get());
        assertEquals(4, cache.stats().hitCount());
        assertEquals(1, cache.stats().missCount());
    }

    @Test
    void findCachedAnswersOnlyFromMemoryAndNeverStartsALookup() {
        OAuthAccount account = stored("a1", "token-1");
        AccountCache cache = build(builder(countingStore));

        assertNull(cache.findCached(keyOf("token-1")));
        assertNull(cache.findCached(keyOf("unknown")));
        assertEquals(0, lookups.get());

        cache.find(keyOf("token-1"));
        cache.find(keyOf("unknown"));
        assertSame(account, cache.findCached(keyOf("token-1")));
        assertNull(cache.findCached(keyOf("unknown")), "known not to exist is not an answer from memory");
        assertEquals(2, lookups.get());
        assertEquals(1, cache.stats().hitCount());
    }

    @Test
    void findCachedForgetsAnExpiredEntry() {
        stored("a1", "token-1");
        AccountCache cache = build(builder(countingStore));
        cache.find(keyOf("token-1"));

        nanos.addAndGet(Duration.ofHours(1).toNanos());

        assertNull(cache.findCached(keyOf("token-1")));
    }

    @Test
    void asksTheStoreAgainOnceAnEntryHasExpired() {
        stored("a1", "token-1");
        AccountCache cache = build(builder(countingStore));
        cache.find(keyOf("token-1"));

        assertAskedAgainOnlyAfter(TTL, cache, "token-1");
    }

    @Test
    void concurrentMissesForOneKeyMakeExactlyOneStoreLookup() throws Exception {
        int callerCount = 8;
        OAuthAccount account = stored("a1", "token-1");
        CountDownLatch allCallersStarted = new CountDownLatch(callerCount);
        AccountCache cache = threadedCache(gatedStore(new CountDownLatch(1), allCallersStarted),
                Duration.ofSeconds(WAIT_SECONDS));

        List<Future<Optional<Account>>> results = new ArrayList<>();
        for (int i = 0; i < callerCount; i++) {
            results.add(callers.submit(() -> {
                allCallersStarted.countDown();
                return cache.find(keyOf("token-1"));
            }));
        }

        for (Future<Optional<Account>> result : results) {
            assertEquals(Optional.of(account), result.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(1, lookups.get());
        assertEquals(1, cache.stats().missCount());
    }

    @Test
    void remembersNotFoundForTheNegativeTtl() {
        AccountCache cache = build(builder(countingStore));

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), cache.find(keyOf("unknown")));
        }
        assertEquals(1, lookups.get());
        assertEquals(4, cache.stats().negativeHitCount());

        assertAskedAgainOnlyAfter(NEGATIVE_TTL, cache, "unknown");
    }

    @Test
    void aFloodOfDistinctBadKeysDoesNotEvictGoodEntries() {
        OAuthAccount good = stored("a1", "good-token");
        AccountCache cache = build(builder(countingStore).maximumSize(10).negativeMaximumSize(5));
        cache.find(keyOf("good-token"));

        for (int i = 0; i < 1_000; i++) {
            assertEquals(Optional.empty(), cache.find(keyOf("bad-" + i)));
        }

        assertEquals(1 + 1_000, lookups.get());
        assertEquals(Optional.of(good), cache.find(keyOf("good-token")));
        assertEquals(1 + 1_000, lookups.get());
        assertEquals(1, cache.stats().hitCount());
    }

    @Test
    void aChangeEvictsEveryKeyItNamesAndNoOther() {
        OAuthAccount rotated = account("a1", "old-token");
        accounts.put(keyOf("old-token"), rotated);
        accounts.put(keyOf("new-token"), rotated);
        OAuthAccount other = stored("a2", "other-token");
        AccountCache cache = build(builder(countingStore));
        cache.find(keyOf("old-token"));
        cache.find(keyOf("new-token"));
        cache.find(keyOf("other-token"));

        cache.onChange(changed(keyOf("old-token"), keyOf("new-token")));
        accounts.remove(keyOf("old-token"));

        assertEquals(Optional.empty(), cache.find(keyOf("old-token")));
        assertEquals(Optional.of(rotated), cache.find(keyOf("new-token")));
        assertEquals(Optional.of(other), cache.find(keyOf("other-token")));
        assertEquals(3 + 2, lookups.get());
    }

    @Test
    void aChangeEvictsManyAccountsInOneCall() {
        stored("a1", "token-1");
        stored("a2", "token-2");
        OAuthAccount kept = stored("a3", "token-3");
        AccountCache cache = build(builder(countingStore));
        cache.find(keyOf("token-1"));
        cache.find(keyOf("token-2"));
        cache.find(keyOf("token-3"));

        cache.onChange(changed(keyOf("token-1"), keyOf("token-2")));

        assertEquals(1, cache.stats().estimatedSize());
        assertEquals(Optional.of(kept), cache.find(keyOf("token-3")));
        assertEquals(3, lookups.get());
        cache.find(keyOf("token-1"));
        assertEquals(4, lookups.get());
    }

    @Test
    void aChangeOfAnUncachedKeyChangesNothing() {
        stored("a1", "token-1");
        AccountCache cache = build(builder(countingStore));
        cache.find(keyOf("token-1"));

        cache.onChange(changed(keyOf("no-such-token")));
        cache.find(keyOf("token-1"));

        assertEquals(1, lookups.get());
    }

    @Test
    void aChangeClearsANegativeEntry() {
        AccountCache cache = build(builder(countingStore));
        assertEquals(Optional.empty(), cache.find(keyOf("token-1")));
        OAuthAccount created = stored("a1", "token-1");
        assertEquals(Optional.empty(), cache.find(keyOf("token-1")));

        cache.onChange(changed(keyOf("token-1")));

        assertEquals(Optional.of(created), cache.find(keyOf("token-1")));
        assertEquals(2, lookups.get());
    }

    @Test
    void anUnknownChangeClearsBothCaches() {
        stored("a1", "token-1");
        AccountCache cache = build(builder(countingStore));
        cache.find(keyOf("token-1"));
        cache.find(keyOf("unknown"));

        cache.onChange(new AccountChange.Unknown());
        cache.find(keyOf("token-1"));
        cache.find(keyOf("unknown"));

        assertEquals(4, lookups.get());
    }

    @Test
    void doesNotKeepALookupThatRacedAChange() throws Exception {
        OAuthAccount account = stored("a1", "token-1");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AccountCache cache = threadedCache(gatedStore(entered, release), Duration.ofSeconds(WAIT_SECONDS));
        Future<Optional<Account>> racing = callers.submit(() -> cache.find(keyOf("token-1")));
        await(entered);

        cache.onChange(changed(keyOf("token-1")));
        release.countDown();

        assertEquals(Optional.of(account), racing.get(WAIT_SECONDS, TimeUnit.SECONDS));
        awaitLookupsFinished(1);
        cache.find(keyOf("token-1"));
        assertEquals(2, lookups.get());
    }

    @Test
    void aCallerAfterAChangeDoesNotJoinTheLookupThatStartedBeforeIt() throws Exception {
        OAuthAccount account = stored("a1", "token-1");
        Semaphore entered = new Semaphore(0);
        CountDownLatch release = new CountDownLatch(1);
        AccountCache cache = threadedCache(key -> {
            Optional<Account> answer = countingStore.find(key);
            entered.release();
            await(release);
            return answer;
        }, Duration.ofSeconds(WAIT_SECONDS));
        Future<Optional<Account>> before = callers.submit(() -> cache.find(keyOf("token-1")));
        assertTrue(entered.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "first lookup started");

        accounts.remove(keyOf("token-1"));
        cache.onChange(changed(keyOf("token-1")));
        Future<Optional<Account>> after = callers.submit(() -> cache.find(keyOf("token-1")));
        assertTrue(entered.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "second lookup started");
        release.countDown();

        assertEquals(Optional.of(account), before.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), after.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(2, lookups.get());
    }

    @Test
    void doesNotKeepANotFoundThatRacedAChange() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AccountCache cache = threadedCache(gatedStore(entered, release), Duration.ofSeconds(WAIT_SECONDS));
        Future<Optional<Account>> racing = callers.submit(() -> cache.find(keyOf("token-1")));
        await(entered);

        OAuthAccount created = stored("a1", "token-1");
        cache.onChange(changed(keyOf("token-1")));
        release.countDown();

        assertEquals(Optional.empty(), racing.get(WAIT_SECONDS, TimeUnit.SECONDS));
        awaitLookupsFinished(1);
        assertEquals(Optional.of(created), cache.find(keyOf("token-1")));
        assertEquals(2, lookups.get());
    }

    @Test
    void passesOnAStoreFailureAndCachesNothing() {
        RepositoryUnavailableException failure = new RepositoryUnavailableException("database down");
        AccountLookup failing = key -> {
            lookups.incrementAndGet();
            throw failure;
        };
        AccountCache cache = build(builder(failing));

        assertSame(failure, assertThrows(RepositoryUnavailableException.class, () -> cache.find(keyOf("token-1"))).getCause());
        assertSame(failure, assertThrows(RepositoryUnavailableException.class, () -> cache.find(keyOf("token-1"))).getCause());

        assertEquals(2, lookups.get());
        assertEquals(2, cache.stats().loadFailureCount());
        assertEquals(0, cache.stats().estimatedSize());
        assertEquals(0, cache.stats().negativeEstimatedSize());
    }

    @Test
    void wrapsOtherStoreExceptionsWithoutTheirMessage() {
        IllegalStateException bug = new IllegalStateException("password=hunter2");
        AccountCache cache = build(builder(key -> {
            throw bug;
        }));

        RepositoryUnavailableException e = assertThrows(RepositoryUnavailableException.class, () -> cache.find(keyOf("t")));

        assertSame(bug, e.getCause().getCause());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getCause().getMessage().contains("hunter2"), e.getCause().getMessage());
    }

    @Test
    void aSlowStoreTimesCallersOutWhileStillMakingOneLookup() throws Exception {
        OAuthAccount account = stored("a1", "token-1");
        CountDownLatch release = new CountDownLatch(1);
        AccountCache cache = threadedCache(gatedStore(new CountDownLatch(1), release), Duration.ofMillis(50));

        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(callers.submit(() -> cache.find(keyOf("token-1"))));
        }
        for (Future<?> caller : waiting) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> caller.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(RepositoryUnavailableException.class, e.getCause());
        }
        assertEquals(1, lookups.get());
        assertEquals(4, cache.stats().timeoutCount());

        release.countDown();
        awaitLookupsFinished(1);
        assertEquals(Optional.of(account), cache.find(keyOf("token-1")));
        assertEquals(1, lookups.get());
    }

    @Test
    void refusesLookupsAfterCloseAsUnavailable() {
        AccountCache cache = build(AccountCache.builder(countingStore));

        cache.close();

        assertThrows(RepositoryUnavailableException.class, () -> cache.find(keyOf("token-1")));
        assertEquals(0, lookups.get());
    }

    @Test
    void statsCountHitsMissesAndEntries() {
        stored("a1", "token-1");
        stored("a2", "token-2");
        AccountCache cache = build(builder(countingStore));

        cache.find(keyOf("token-1"));
        cache.find(keyOf("token-1"));
        cache.find(keyOf("token-2"));
        cache.find(keyOf("unknown"));
        cache.find(keyOf("unknown"));

        CacheStatistics stats = cache.stats();
        assertEquals(new CacheStatistics(1, 1, 3, 0, 0, 0, 2, 1), stats);
    }

    @Test
    void statsCountSizeEvictions() {
        for (int i = 0; i < 20; i++) {
            stored("a" + i, "token-" + i);
        }
        AccountCache cache = build(builder(countingStore).maximumSize(5));

        for (int i = 0; i < 20; i++) {
            cache.find(keyOf("token-" + i));
        }

        assertTrue(cache.stats().evictionCount() >= 15, cache.stats().toString());
        assertTrue(cache.stats().estimatedSize() <= 5, cache.stats().toString());
    }

    static Stream<Consumer<AccountCacheBuilder>> invalidSettings() {
        return Stream.of(
                b -> b.maximumSize(0),
                b -> b.maximumSize(-1),
                b -> b.negativeMaximumSize(0),
                b -> b.expireAfterWrite(Duration.ZERO),
                b -> b.expireAfterWrite(Duration.ofSeconds(-1)),
                b -> b.negativeExpireAfterWrite(Duration.ZERO),
                b -> b.lookupTimeout(Duration.ZERO),
                b -> b.lookupTimeout(Duration.ofMillis(-5)),
                b -> b.lookupThreads(0),
                b -> b.lookupThreads(-2));
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void builderRejectsNonPositiveSettings(Consumer<AccountCacheBuilder> setting) {
        AccountCacheBuilder builder = AccountCache.builder(countingStore);

        assertThrows(IllegalArgumentException.class, () -> setting.accept(builder));
    }
}
