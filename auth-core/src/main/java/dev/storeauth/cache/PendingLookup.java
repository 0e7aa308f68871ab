package dev.storeauth.cache;

import dev.storeauth.accounts.Account;
import dev.storeauth.store.LookupKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cache value whose store lookup starts only after it is in the cache, so that a completion can
 * always find (and, if stale, remove) its own entry. Exactly one caller starts it.
 */
final class PendingLookup extends CompletableFuture<Account> {

    final LookupKey key;
    final long epoch;
    private final AtomicBoolean started = new AtomicBoolean();

    PendingLookup(LookupKey key, long epoch) {
        this.key = key;
        this.epoch = epoch;
    }

    /** Returns {@code true} to exactly one caller: the one that must start the lookup. */
    boolean claim() {
        return !started.get() && started.compareAndSet(false, true);
    }
}
