package dev.storeauth.bench.fleet;

import dev.storeauth.accounts.Account;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** An {@link AccountLookup} that counts the lookups it passes to the store, in all and per key. */
final class LookupCounts implements AccountLookup {

    private final AccountLookup store;
    private final ConcurrentHashMap<LookupKey, LongAdder> perKey = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    LookupCounts(AccountLookup store) {
        this.store = store;
    }

    @Override
    public Optional<Account> find(LookupKey key) {
        total.increment();
        perKey.computeIfAbsent(key, k -> new LongAdder()).increment();
        return store.find(key);
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
