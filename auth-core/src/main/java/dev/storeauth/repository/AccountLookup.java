package dev.storeauth.repository;

import dev.storeauth.accounts.Account;
import java.util.Optional;

/**
 * Finds the account a request's credentials name. The authenticator verifies the secret itself;
 * a store only finds.
 *
 * <pre>{@code
 * AccountLookup store = key -> Optional.ofNullable(accountsByKey.get(key));
 * }</pre>
 *
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AccountLookup {

    /**
     * Looks up the account for {@code key}.
     *
     * @return the account, or empty when none exists; never {@code null}
     * @throws RepositoryUnavailableException when the store cannot answer (never reported as empty)
     */
    Optional<Account> find(LookupKey key);

    /**
     * The account for {@code key} if this store can give it at once from memory (a cache hit); else
     * {@code null}: not held here, known not to exist, or known only to a slower store behind this
     * one. A caller that gets {@code null} asks {@link #find}. Never blocks, never throws, never
     * starts a lookup. The default holds nothing.
     *
     * <p>An implementation answers only with an account that {@link #find} returned for an equal key:
     * the authenticator checks a credential's shape and grammar before it calls {@code find}, and
     * relies on that when it decides a credential held here by its digest alone.
     */
    default Account findCached(LookupKey key) {
        return null;
    }
}
