package dev.storeauth.lifecycle;

import dev.storeauth.accounts.Account;
import dev.storeauth.cache.AccountCache;
import dev.storeauth.repository.LookupKey;
import java.util.Objects;

/**
 * Evicts an account from the credential caches of this node after the repository has committed a
 * change, so that a deleted account or a replaced token stops working on the very next request.
 * Called synchronously, on the thread making the change.
 *
 * <pre>{@code
 * CacheInvalidator invalidator = CacheInvalidator.of(cache);
 * }</pre>
 */
@FunctionalInterface
public interface CacheInvalidator {

    /** Does nothing: for repositories read without a cache. */
    CacheInvalidator NONE = account -> { };

    /**
     * Evicts every cached entry of {@code account}: positive entries by id and, by its lookup key,
     * a cached "not found" (e.g. for a legacy username that has just been created).
     */
    void invalidate(Account account);

    /** Invalidates {@code cache}: {@code invalidateAccount(id)} and {@code invalidate(LookupKey.of(account))}. */
    static CacheInvalidator of(AccountCache cache) {
        Objects.requireNonNull(cache, "cache");
        return account -> {
            cache.invalidateAccount(account.id());
            cache.invalidate(LookupKey.of(account));
        };
    }
}
