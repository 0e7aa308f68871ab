package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import java.util.Optional;

/**
 * How a {@link CredentialScheme} finds accounts: from memory first, where a cache holds them, then
 * from the account lookup. A scheme checks a credential's full shape before {@link #find}, and may
 * decide an account found by {@link #cached} by its secret alone: the cache holds only accounts a
 * lookup returned for a credential that passed. Thread-safe.
 */
public final class AccountFinder {

    private final AccountLookup lookup;
    private final AccountCache cache;

    AccountFinder(AccountLookup lookup) {
        this.lookup = lookup;
        this.cache = lookup instanceof AccountCache c ? c : null;
    }

    /** The account held in memory for {@code key}; empty when none is, without starting a lookup. */
    public Optional<Account> cached(LookupKey key) {
        return cache == null ? Optional.empty() : Optional.ofNullable(cache.findCached(key));
    }

    /**
     * The account for {@code key}, from the cache or the repository.
     *
     * @throws dev.storeauth.repository.RepositoryUnavailableException when it cannot be told
     */
    public Optional<Account> find(LookupKey key) {
        return lookup.find(key);
    }
}
