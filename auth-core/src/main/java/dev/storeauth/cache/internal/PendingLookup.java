package dev.storeauth.cache.internal;

import dev.storeauth.accounts.Account;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A store lookup in flight, which the callers missing the same key join; it starts only after it is
 * in the map of lookups in flight, so that a completion can always find (and remove) its own entry.
 * Exactly one caller starts it.
 */
final class PendingLookup extends CompletableFuture<Account> {

    final LookupKey key;
    final long epoch;
    // A field updater rather than an AtomicBoolean: one object fewer per miss.
    private static final AtomicIntegerFieldUpdater<PendingLookup> STARTED =
            AtomicIntegerFieldUpdater.newUpdater(PendingLookup.class, "started");
    private volatile int started;
    private volatile RepositoryUnavailableException failure;

    PendingLookup(LookupKey key, long epoch) {
        this.key = key;
        this.epoch = epoch;
    }

    /**
     * Completes with "no value" and remembers why, so that each waiting caller throws the failure
     * itself ({@link #rethrowFailure}) rather than unwrapping a {@code CompletionException}.
     */
    void fail(RepositoryUnavailableException cause) {
        failure = cause;
        complete(null);
    }

    /** Throws, for this caller, the failure {@link #fail} recorded; does nothing if none. */
    void rethrowFailure() {
        RepositoryUnavailableException cause = failure;
        if (cause != null) {
            throw new RepositoryUnavailableException(cause.getMessage(), cause);
        }
    }

    /** Returns {@code true} to exactly one caller: the one that must start the lookup. */
    boolean claim() {
        return started == 0 && STARTED.compareAndSet(this, 0, 1);
    }
}
