package dev.storeauth.repository;

/**
 * Told of account changes after they are committed, e.g. to evict them from a cache. The account
 * lifecycle calls it synchronously for the changes it makes; a change feed calls it on its own thread
 * for changes made on any node. Implementations must be thread-safe, fast, and must not throw.
 *
 * <pre>{@code
 * AccountChangeListener listener = cache;                    // AccountCache evicts by key
 * AccountChangeListener logging = change -> LOG.info("accounts changed: {}", change);
 * }</pre>
 */
@FunctionalInterface
public interface AccountChangeListener {

    /** Does nothing: for repositories read without a cache. */
    AccountChangeListener NONE = change -> { };

    /** {@code change} has been committed. */
    void onChange(AccountChange change);
}
