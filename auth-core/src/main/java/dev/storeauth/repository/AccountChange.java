package dev.storeauth.repository;

import java.util.List;

/**
 * What changed in an account repository, as far as anything holding accounts by {@link LookupKey}
 * (a cache) needs to know: either the keys of the changed accounts, or that changes may have been
 * missed. An account is found only under the keys {@link LookupKey#allOf} gives, so they name every
 * place it can be held.
 *
 * <pre>{@code
 * listener.onChange(new AccountChange.Changed(List.of(LookupKey.of(deleted))));
 * listener.onChange(new AccountChange.Unknown());      // after a lost change feed
 * }</pre>
 */
public sealed interface AccountChange {

    /**
     * The accounts found under {@code keys} were created, changed or deleted: whatever was known
     * under those keys, found or not found, is stale.
     *
     * @param keys at least one key, in no particular order; copied
     * @throws NullPointerException if {@code keys} or a key is {@code null}
     * @throws IllegalArgumentException if {@code keys} is empty
     */
    record Changed(List<LookupKey> keys) implements AccountChange {
        public Changed {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a change names at least one key");
            }
        }
    }

    /**
     * Changes may have been missed (e.g. a change feed lost its connection), so any account may have
     * changed: whatever is known about any key is stale.
     */
    record Unknown() implements AccountChange {
    }

    /**
     * Told of account changes after they are committed, e.g. to evict them from a cache. The account
     * lifecycle calls it synchronously for the changes it makes; a change feed calls it on its own thread
     * for changes made on any node. Implementations must be thread-safe, fast, and must not throw.
     *
     * <pre>{@code
     * Listener listener = cache;                    // AccountCache evicts by key
     * Listener logging = change -> LOG.info("accounts changed: {}", change);
     * }</pre>
     */
    @FunctionalInterface
    public interface Listener {

        /** Does nothing: for repositories read without a cache. */
        Listener NONE = change -> { };

        /** {@code change} has been committed. */
        void onChange(AccountChange change);
    }
}
