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
     * @throws RepositoryUnavailableException when the repository cannot answer (never reported as empty)
     */
    Optional<Account> find(LookupKey key);
}
