package dev.storeauth.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.cache.CacheStatistics;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link AccountLookup} that answers from a Caffeine cache and asks its delegate only on a miss.
 *
 * <ul>
 *   <li>Keys are {@link LookupKey}s (identifiers and digests), never raw secrets.
 *   <li>Found accounts go to a bounded, expiring cache; "not found" goes to a separate, smaller,
 *       shorter-lived cache, so a flood of bad tokens neither evicts good entries nor reaches the
 *       store more than once per distinct token per negative TTL.
 *   <li>Concurrent misses for one key make one store lookup (single flight); callers wait at most
 *       the lookup timeout, then get {@link RepositoryUnavailableException} while the lookup goes on.
 *   <li>As an {@link AccountChange.Listener} it evicts changed accounts by their {@link LookupKey}
 *       ({@link #onChange}), at once, including one whose lookup was in flight; give it to the account
 *       lifecycle and to a change feed.
 *   <li>A cached {@link ShortLivedAccount} depends on its account's access-token key: a change naming
 *       that key evicts it too, on a node that never cached the account itself. The dependencies are
 *       kept for the cached entries only, dropped as entries leave the cache.
 *   <li>Its {@link dev.storeauth.observe.StoreAuthObserver} (default none) hears each hit, "not found"
 *       hit and miss on the caller's thread, and each lookup's time and failure on the lookup thread.
 * </ul>
 *
 * <pre>{@code
 * AccountCache cached = AccountCache.builder(repository)
 *         .maximumSize(100_000)
 *         .expireAfterWrite(Duration.ofMinutes(5))
 *         .build();
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the lookup and clock threads it owns.
 */
public final class AccountCache implements AccountLookup, AccountChange.Listener, AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(10);

    private final AccountLookup delegate;
    // The accounts themselves, not futures of them: a future per entry and the weights Caffeine's async
    // nodes carry cost 48 bytes per account. Lookups in flight wait in their own map until they are done.
    private final Cache<LookupKey, Account> positive;
    private final Cache<LookupKey, Boolean> negative;
    private final ConcurrentHashMap<LookupKey, PendingLookup> inFlight = new ConcurrentHashMap<>();
    private final Dependents dependents = new Dependents();
    private final AtomicLong epoch = new AtomicLong();
    private final long timeoutNanos;
    private final Executor lookupExecutor;
    private final ExecutorService ownedExecutor;
    private final CoarseTicker ownedTicker;
    private final Counters counters = new Counters();
    private final StoreAuthObserver observer;
    private final Runnable timedOut;

    AccountCache(AccountCacheBuilder b) {
        this.delegate = b.delegate;
        this.observer = b.observer;
        this.timedOut = () -> {
            counters.timeouts.increment();
            observer.storeError();
        };
        this.timeoutNanos = b.lookupTimeout.toNanos();
        this.ownedExecutor = b.lookupExecutor == null ? LookupThreads.newPool(b.lookupThreads) : null;
        this.lookupExecutor = b.lookupExecutor == null ? ownedExecutor : b.lookupExecutor;
        this.ownedTicker = b.ticker == null ? CoarseTicker.start(TICK) : null;
        Ticker ticker = b.ticker == null ? ownedTicker : b.ticker;
        this.positive = Caffeine.newBuilder()
                .maximumSize(b.maximumSize)
                .expireAfterWrite(b.expireAfterWrite)
                .ticker(ticker)
                .executor(Runnable::run)
                .<LookupKey, Account>evictionListener((key, account, cause) -> counters.evictions.increment())
                .removalListener((key, account, cause) -> forgetDependent(key, account))
                .build();
        this.negative = Caffeine.newBuilder()
                .maximumSize(b.negativeMaximumSize())
                .expireAfterWrite(b.negativeExpireAfterWrite)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** Starts a builder over {@code delegate}. */
    public static AccountCacheBuilder builder(AccountLookup delegate) {
        return new AccountCacheBuilder(delegate);
    }

    /**
     * {@inheritDoc}
     *
     * @throws RepositoryUnavailableException if the delegate failed or did not answer within the timeout
     */
    @Override
    public Optional<Account> find(LookupKey key) {
        Account cached = findCached(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (negative.getIfPresent(key) != null) {
            counters.negativeHits.increment();
            observer.cacheNegativeHit();
            return Optional.empty();
        }
        return Optional.ofNullable(LookupWait.await(load(key), timeoutNanos, timedOut));
    }

    /**
     * The account for {@code key} if this cache holds it at once (a hit, counted as one); else
     * {@code null}: not held, known not to exist, or still being looked up. Never blocks, never throws,
     * never starts a lookup; answers only with an account {@link #find} returned for an equal key.
     */
    public Account findCached(LookupKey key) {
        Account account = positive.getIfPresent(key);
        if (account != null) {
            counters.hits.increment();
            observer.cacheHit();
        }
        return account;
    }

    /**
     * Evicts what {@code change} names from the found and the "not found" caches, at once, including
     * an entry whose lookup is in flight (its callers are answered, the answer is not kept):
     * {@link AccountChange.Changed} by key, with the short-lived tokens cached as depending on it, one hash lookup each however large the cache, so a bulk
     * delete of 1,000 accounts costs 1,000 removals and no scan; {@link AccountChange.Unknown} evicts
     * everything.
     */
    @Override
    public void onChange(AccountChange change) {
        epoch.incrementAndGet();
        if (change instanceof AccountChange.Changed changed) {
            for (LookupKey key : changed.keys()) {
                invalidate(key);
                dependents.remove(key).forEach(this::invalidate);
            }
            return;
        }
        counters.visitedByEviction.add(positive.estimatedSize() + negative.estimatedSize());
        dependents.clear();
        inFlight.clear();
        positive.invalidateAll();
        negative.invalidateAll();
    }

    /** Current counters; cheap, never blocks. */
    public CacheStatistics stats() {
        return new CacheStatistics(counters.hits.sum(), counters.negativeHits.sum(), counters.misses.sum(),
                counters.failures.sum(), counters.timeouts.sum(), counters.evictions.sum(),
                positive.estimatedSize(), negative.estimatedSize());
    }

    /**
     * Stops the threads this cache created: the lookup pool (unless an executor was supplied) and the
     * clock (unless a ticker was). Idempotent.
     */
    @Override
    public void close() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
        if (ownedTicker != null) {
            ownedTicker.close();
        }
    }

    /**
     * How many entries evictions have visited since this cache was built: every path that evicts more
     * than the keys it is given counts each entry it goes over (only {@link AccountChange.Unknown}
     * does); for tests, to show that evicting by key scans nothing.
     */
    long entriesVisitedByEviction() {
        return counters.visitedByEviction.sum();
    }

    /** The clock this cache started, if it was given no ticker; for tests. */
    Optional<CoarseTicker> ownedClock() {
        return Optional.ofNullable(ownedTicker);
    }

    /** The lookup of {@code key} in flight, joined, or started by this caller. */
    private CompletableFuture<Account> load(LookupKey key) {
        PendingLookup pending = inFlight.computeIfAbsent(key, k -> new PendingLookup(k, epoch.get()));
        if (!pending.claim()) {
            return pending;
        }
        Account justFound = positive.getIfPresent(key);
        if (justFound != null) {
            // The lookup before this one finished between this caller's miss and its claim.
            done(pending, justFound);
            return pending;
        }
        counters.misses.increment();
        observer.cacheMiss();
        try {
            lookupExecutor.execute(() -> complete(pending));
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, pending);
            pending.fail(new RepositoryUnavailableException("too many credential lookups queued"));
        }
        return pending;
    }

    /** Answers the lookup's callers; from here on a caller asks the caches, or starts a lookup of its own. */
    private void done(PendingLookup pending, Account account) {
        inFlight.remove(pending.key, pending);
        pending.complete(account);
    }

    private void complete(PendingLookup pending) {
        Optional<Account> found;
        long start = System.nanoTime();
        try {
            found = delegate.find(pending.key);
            observer.cacheLoaded(Duration.ofNanos(System.nanoTime() - start), false);
        } catch (RuntimeException e) {
            counters.failures.increment();
            observer.cacheLoaded(Duration.ofNanos(System.nanoTime() - start), true);
            observer.storeError();
            // Remove before failing the waiters, or a caller retrying at once could get this stale failure.
            inFlight.remove(pending.key, pending);
            pending.fail(e instanceof RepositoryUnavailableException s ? s
                    : new RepositoryUnavailableException("account repository failed: " + e.getClass().getName(), e));
            return;
        }
        boolean fresh = epoch.get() == pending.epoch;
        if (found.isEmpty()) {
            if (fresh) {
                negative.put(pending.key, Boolean.TRUE);
                if (epoch.get() != pending.epoch) {
                    // An invalidation slipped in between the check and the put: do not keep it.
                    negative.invalidate(pending.key);
                }
            }
            done(pending, null);
            return;
        }
        Account account = found.get();
        if (fresh) {
            if (account instanceof ShortLivedAccount token) {
                // Before the answer is kept, so that a change from here on evicts it; only for an answer
                // that is kept, since its eviction is what forgets the dependent again.
                dependents.add(token, pending.key);
            }
            positive.put(keptKey(pending.key, account), account);
        }
        done(pending, account);
        if (fresh && epoch.get() != pending.epoch) {
            // An invalidation raced with this lookup: its callers are served, but it is not kept.
            positive.asMap().remove(pending.key, account);
        }
    }

    /**
     * The key to keep {@code account} under: the equal key built from the account's own username and
     * store hash, or its own digest, when there is one, so that the entry does not also keep the
     * request's copies of them; else the request's.
     */
    private static LookupKey keptKey(LookupKey requested, Account account) {
        if (account instanceof OAuthAccount || account instanceof LegacyAccount) {
            for (LookupKey own : LookupKey.allOf(account)) {
                if (own.equals(requested)) {
                    return own;
                }
            }
        }
        return requested;
    }

    private void invalidate(LookupKey key) {
        // A lookup in flight may have read the account before the change: later callers start their own.
        inFlight.remove(key);
        positive.invalidate(key);
        negative.invalidate(key);
    }

    /**
     * Drops a short-lived token's dependency as its entry leaves the cache, unless a lookup of its key
     * has started again meanwhile (that lookup's dependency is the same entry).
     */
    private void forgetDependent(LookupKey key, Account account) {
        if (account instanceof ShortLivedAccount token) {
            dependents.forget(token, key, cached -> positive.getIfPresent(cached) != null || inFlight.containsKey(cached));
        }
    }

    /** How many short-lived tokens' keys are kept as dependents; for tests, to show they are dropped. */
    int dependentCount() {
        return dependents.count();
    }

    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder negativeHits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final LongAdder evictions = new LongAdder();
        final LongAdder visitedByEviction = new LongAdder();
    }
}
