package dev.storeauth.bench.fleet;

import dev.storeauth.accounts.Account;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** An {@link AccountLookup} that counts the lookups it passes to the store, in all and per key, and their time. */
final class LookupCounts implements AccountLookup {

    private final AccountLookup store;
    private final ConcurrentHashMap<LookupKey, LongAdder> perKey = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    LookupCounts(AccountLookup store) {
        this.store = store;
    }

    @Override
    public Optional<Account> find(LookupKey key) {
        total.increment();
        perKey.computeIfAbsent(key, k -> new LongAdder()).increment();
        return store.find(key);
    }

    /** Notes one lookup's time as the cache measured it (its observer's {@code cacheLoaded}). */
    void loaded(Duration took) {
        loads.increment();
        loadNanos.add(took.toNanos());
        maxNanos.accumulate(took.toNanos());
    }

    double meanMillis() {
        long n = loads.sum();
        return n == 0 ? 0 : loadNanos.sum() / 1e6 / n;
    }

    double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    long total() {
        return total.sum();
    }

    int distinct() {
        return perKey.size();
    }

    long maxPerKey() {
        return perKey.values().stream().mapToLong(LongAdder::sum).max().orElse(0);
    }
}
