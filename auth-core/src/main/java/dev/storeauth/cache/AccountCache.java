package dev.storeauth.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.accounts.Account;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 *   <li>{@link #invalidateAccount(String)} evicts every entry of an account at once, including one
 *       whose lookup was in flight when the invalidation happened.
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
public final class AccountCache implements AccountLookup, AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(10);

    private final AccountLookup delegate;
    private final AsyncCache<LookupKey, Account> positive;
    private final Cache<LookupKey, Boolean> negative;
    private final AtomicLong epoch = new AtomicLong();
    private final long timeoutNanos;
    private final Executor lookupExecutor;
    private final ExecutorService ownedExecutor;
    private final CoarseTicker ownedTicker;
    private final Counters counters = new Counters();

    AccountCache(AccountCacheBuilder b) {
        this.delegate = b.delegate;
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
                .buildAsync();
        this.negative = Caffeine.newBuilder()
                .maximumSize(b.negativeMaximumSize)
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
            return Optional.empty();
        }
        return Optional.ofNullable(LookupWait.await(load(key), timeoutNanos, counters.timeouts));
    }

    /**
     * The account for {@code key} if this cache holds it at once (a hit, counted as one); else
     * {@code null}: not held, known not to exist, or still being looked up. Never blocks, never throws,
     * never starts a lookup; answers only with an account {@link #find} returned for an equal key.
     */
    public Account findCached(LookupKey key) {
        CompletableFuture<Account> cached = positive.getIfPresent(key);
        // Lookups are PendingLookups, which never complete exceptionally: an unfinished one gives null.
        Account account = cached == null ? null : cached.getNow(null);
        if (account != null) {
            counters.hits.increment();
        }
        return account;
    }

    /**
     * Evicts every cached entry of the account, at once, including one whose lookup is in flight.
     * Safe to call for unknown ids. Scans the cache (about a millisecond per 100,000 entries): no
     * per-entry index is kept, which would cost more memory than revocations, which are rare, cost time.
     */
    public void invalidateAccount(String accountId) {
        invalidateAccounts(Set.of(accountId));
    }

    /** {@link #invalidateAccount} for many ids in one scan, e.g. after a bulk delete. */
    public void invalidateAccounts(Collection<String> accountIds) {
        epoch.incrementAndGet();
        Set<String> ids = Set.copyOf(accountIds);
        positive.asMap().entrySet().removeIf(entry -> {
            CompletableFuture<Account> future = entry.getValue();
            Account account = future.isDone() && !future.isCompletedExceptionally() ? future.getNow(null) : null;
            return account != null && ids.contains(account.id());
        });
    }

    /** Evicts {@code key} from both caches, e.g. after a username that was not found is created. */
    public void invalidate(LookupKey key) {
        epoch.incrementAndGet();
        positive.synchronous().invalidate(key);
        negative.invalidate(key);
    }

    /** Evicts everything, e.g. after missing change notifications that may have revoked anything. */
    public void invalidateAll() {
        epoch.incrementAndGet();
        positive.synchronous().invalidateAll();
        negative.invalidateAll();
    }

    /** Current counters; cheap, never blocks. */
    public CacheStatistics stats() {
        return new CacheStatistics(counters.hits.sum(), counters.negativeHits.sum(), counters.misses.sum(),
                counters.failures.sum(), counters.timeouts.sum(), counters.evictions.sum(),
                positive.synchronous().estimatedSize(), negative.estimatedSize());
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

    /** The clock this cache started, if it was given no ticker; for tests. */
    Optional<CoarseTicker> ownedClock() {
        return Optional.ofNullable(ownedTicker);
    }

    private CompletableFuture<Account> load(LookupKey key) {
        CompletableFuture<Account> future = positive.get(key, (k, ignored) -> new PendingLookup(k, epoch.get()));
        if (future instanceof PendingLookup pending && pending.claim()) {
            counters.misses.increment();
            try {
                lookupExecutor.execute(() -> complete(pending));
            } catch (RejectedExecutionException e) {
                pending.fail(new RepositoryUnavailableException("too many credential lookups queued"));
            }
        }
        return future;
    }

    private void complete(PendingLookup pending) {
        Optional<Account> found;
        try {
            found = delegate.find(pending.key);
        } catch (RuntimeException e) {
            counters.failures.increment();
            // Remove before failing the waiters, or a caller retrying at once could get this stale failure.
            positive.asMap().remove(pending.key, pending);
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
            pending.complete(null);
            return;
        }
        Account account = found.get();
        pending.complete(account);
        if (!fresh || epoch.get() != pending.epoch) {
            // An invalidation raced with this lookup: serve the waiting callers, but do not keep it.
            positive.asMap().remove(pending.key, pending);
        }
    }

    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder negativeHits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final LongAdder evictions = new LongAdder();
    }
}
