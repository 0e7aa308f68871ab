package dev.storeauth.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.repository.AccountLookup;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Configures a {@link AccountCache}. Every setting has a default; invalid values fail
 * at once with {@link IllegalArgumentException}. Not thread-safe; build once.
 */
public final class AccountCacheBuilder {

    final AccountLookup delegate;
    long maximumSize = 100_000;
    Duration expireAfterWrite = Duration.ofMinutes(5);
    long negativeMaximumSize = 10_000;
    Duration negativeExpireAfterWrite = Duration.ofSeconds(30);
    Duration lookupTimeout = Duration.ofSeconds(2);
    int lookupThreads = 8;
    Executor lookupExecutor;
    Ticker ticker;

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

    /** Most "not found" answers held (default 10,000). */
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

    /** Threads of the default lookup pool (default 8); ignored with {@link #lookupExecutor}. */
    public AccountCacheBuilder lookupThreads(int threads) {
        this.lookupThreads = (int) positive(threads, "lookupThreads");
        return this;
    }

    /**
     * Runs store lookups on {@code executor} instead of an owned pool. {@code Runnable::run} is
     * allowed: the first caller for a key then looks up on its own thread, unbounded by the timeout.
     */
    public AccountCacheBuilder lookupExecutor(Executor executor) {
        this.lookupExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * The time source for expiry; inject a fake in tests. By default the cache reads a clock that a
     * daemon thread it owns refreshes every 10 ms, so that a hit does not call {@code System.nanoTime()};
     * pass {@link Ticker#systemTicker()} for exact expiry at that cost.
     */
    public AccountCacheBuilder ticker(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    /** Builds the cache. */
    public AccountCache build() {
        return new AccountCache(this);
    }

    private static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
