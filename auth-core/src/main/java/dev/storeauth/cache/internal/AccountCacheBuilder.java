package dev.storeauth.cache.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountLookup;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Configures a {@link AccountCache}. Every setting has a default; invalid values fail at once with
 * {@link IllegalArgumentException}, a setting given twice with {@link IllegalStateException}, and
 * settings that contradict each other at {@link #build()} with {@link IllegalStateException}. The
 * cache copies the settings: changing the builder afterwards does not change it. Not thread-safe.
 *
 * <pre>{@code
 * AccountCache cache = AccountCache.builder(repository).maximumSize(50_000).lookupThreads(4).build();
 * AccountCache.builder(repository).lookupThreads(4).lookupExecutor(pool).build();  // IllegalStateException
 * }</pre>
 */
public final class AccountCacheBuilder {

    private static final long DEFAULT_NEGATIVE_MAXIMUM_SIZE = 10_000;

    final AccountLookup delegate;
    long maximumSize = 100_000;
    Duration expireAfterWrite = Duration.ofMinutes(5);
    long negativeMaximumSize = DEFAULT_NEGATIVE_MAXIMUM_SIZE;
    Duration negativeExpireAfterWrite = Duration.ofSeconds(30);
    Duration lookupTimeout = Duration.ofSeconds(2);
    int lookupThreads = 8;
    Executor lookupExecutor;
    Ticker ticker;
    StoreAuthObserver observer = StoreAuthObserver.NOOP;
    private final Set<String> given = new HashSet<>();

    AccountCacheBuilder(AccountLookup delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Most accounts held (default 100,000). */
    public AccountCacheBuilder maximumSize(long size) {
        this.maximumSize = positive(size, "maximumSize");
        return this;
    }

    /** How long a found account is trusted without asking the store (default 5 minutes). */
    public AccountCacheBuilder expireAfterWrite(Duration ttl) {
        this.expireAfterWrite = positive(ttl, "expireAfterWrite");
        return this;
    }

    /**
     * Most "not found" answers held; at most {@link #maximumSize} (default 10,000, or the maximum size
     * if that is smaller).
     */
    public AccountCacheBuilder negativeMaximumSize(long size) {
        this.negativeMaximumSize = positive(size, "negativeMaximumSize");
        return this;
    }

    /** How long a "not found" answer is kept (default 30 seconds). */
    public AccountCacheBuilder negativeExpireAfterWrite(Duration ttl) {
        this.negativeExpireAfterWrite = positive(ttl, "negativeExpireAfterWrite");
        return this;
    }

    /** How long a caller waits for a store lookup before giving up with 503 (default 2 seconds). */
    public AccountCacheBuilder lookupTimeout(Duration timeout) {
        this.lookupTimeout = positive(timeout, "lookupTimeout");
        return this;
    }

    /** Threads of the default lookup pool (default 8); not with {@link #lookupExecutor}, which replaces it. */
    public AccountCacheBuilder lookupThreads(int threads) {
        this.lookupThreads = (int) positive(threads, "lookupThreads");
        return this;
    }

    /**
     * Runs store lookups on {@code executor} instead of an owned pool. {@code Runnable::run} is
     * allowed: the first caller for a key then looks up on its own thread, unbounded by the timeout.
     * Not with {@link #lookupThreads}.
     */
    public AccountCacheBuilder lookupExecutor(Executor executor) {
        this.lookupExecutor = once(Objects.requireNonNull(executor, "executor"), "lookupExecutor");
        return this;
    }

    /**
     * The time source for expiry; inject a fake in tests. By default the cache reads a clock that a
     * daemon thread it owns refreshes every 10 ms, so that a hit does not call {@code System.nanoTime()};
     * pass {@link Ticker#systemTicker()} for exact expiry at that cost.
     */
    public AccountCacheBuilder ticker(Ticker ticker) {
        this.ticker = once(Objects.requireNonNull(ticker, "ticker"), "ticker");
        return this;
    }

    /** Told of hits, misses, loads and repository errors (default {@link StoreAuthObserver#NOOP}). */
    public AccountCacheBuilder observer(StoreAuthObserver observer) {
        this.observer = once(Objects.requireNonNull(observer, "observer"), "observer");
        return this;
    }

    /**
     * Builds the cache.
     *
     * @throws IllegalStateException if both {@link #lookupThreads} and {@link #lookupExecutor} were
     *     given, or {@link #negativeMaximumSize} exceeds {@link #maximumSize}
     */
    public AccountCache build() {
        if (given.contains("lookupThreads") && given.contains("lookupExecutor")) {
            throw new IllegalStateException("lookupThreads sizes the pool that lookupExecutor replaces: give one");
        }
        if (negativeMaximumSize() > maximumSize) {
            throw new IllegalStateException("negativeMaximumSize " + negativeMaximumSize
                    + " exceeds maximumSize " + maximumSize + ": the \"not found\" cache is the smaller one");
        }
        return new AccountCache(this);
    }

    /** The "not found" cache's size: as given, else the default, or the maximum size if smaller. */
    long negativeMaximumSize() {
        return given.contains("negativeMaximumSize") ? negativeMaximumSize
                : Math.min(DEFAULT_NEGATIVE_MAXIMUM_SIZE, maximumSize);
    }

    /** {@code value}, valid, for the setting {@code name} given for the first time. */
    private <T> T once(T value, String name) {
        if (!given.add(name)) {
            throw new IllegalStateException(name + " was already given");
        }
        return value;
    }

    private long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return once(value, name);
    }

    private Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return once(value, name);
    }
}
