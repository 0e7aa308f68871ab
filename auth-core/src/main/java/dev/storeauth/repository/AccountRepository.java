package dev.storeauth.repository;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence for the account lifecycle, on top of the {@link AccountLookup} lookup. Every
 * method is atomic on its own; all may throw {@link RepositoryUnavailableException}. The writes (inserts,
 * deletes, token replacement) throw {@link IllegalArgumentException}, writing nothing, for a value the
 * store cannot hold although the account records accept it (a database column or encoding narrower
 * than the record's bounds, e.g. scopes of a large custom catalogue); the lifecycle answers that as
 * {@code INVALID}, not as a fault. Thread-safe.
 */
public interface AccountRepository extends AccountLookup {

    /**
     * Inserts {@code account} only if its store has fewer than {@code limit} OAuth accounts, checked
     * and written in one atomic step (across processes, for shared stores).
     *
     * @return {@code false}, writing nothing, when the store already has {@code limit} accounts
     */
    boolean insertOAuthAccount(OAuthAccount account, int limit);

    /** The store's OAuth accounts, oldest first. */
    List<OAuthAccount> oauthAccounts(String storeHash);

    /** The OAuth account {@code id} of {@code storeHash}, if it exists. */
    Optional<OAuthAccount> oauthAccount(String storeHash, String id);

    /**
     * Deletes those of {@code ids} that belong to {@code storeHash}, in one transaction.
     *
     * @return the ids actually deleted (unknown ids and other stores' ids are skipped)
     */
    List<String> deleteOAuthAccounts(String storeHash, Collection<String> ids);

    /**
     * Inserts a legacy account.
     *
     * @return {@code false}, writing nothing, when the store already has that username
     */
    boolean insertLegacyAccount(LegacyAccount account);

    /** The store's legacy accounts, oldest first. */
    List<LegacyAccount> legacyAccounts(String storeHash);

    /**
     * Replaces the token digest of a legacy account.
     *
     * @return {@code false} when no such account exists
     */
    boolean replaceLegacyToken(String storeHash, String username, SecretDigest newDigest);

    /**
     * Deletes a legacy account.
     *
     * @return {@code false} when no such account exists
     */
    boolean deleteLegacyAccount(String storeHash, String username);

    /**
     * Records last-used times, keeping for each account the later of the stored and given time.
     * Ids of accounts that no longer exist are ignored.
     */
    void recordLastUsed(Map<String, Instant> lastUsedByAccountId);

    /** Last-used times of the store's accounts that have been used, by account id. */
    Map<String, Instant> lastUsed(String storeHash);
}
