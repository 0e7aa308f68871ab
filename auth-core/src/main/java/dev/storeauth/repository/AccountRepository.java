package dev.storeauth.repository;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.CredentialPolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence for the account lifecycle, on top of the {@link AccountLookup} lookup. Every
 * method is atomic on its own; all may throw {@link RepositoryUnavailableException}. Each write records
 * its {@link AuditEntry} in the same transaction: the change and its audit entry are committed together
 * or not at all. The writes throw {@link IllegalArgumentException}, writing nothing, for a value the
 * store cannot hold although the records accept it (a database column or encoding narrower than the
 * record's bounds, e.g. scopes of a large custom catalogue); the lifecycle answers that as
 * {@code INVALID}, not as a fault. Thread-safe.
 */
public interface AccountRepository extends AccountLookup {

    /**
     * Inserts {@code account} only if its store has fewer than {@code limit} OAuth accounts, checked
     * and written in one atomic step (across processes, for shared stores).
     *
     * @return {@code false}, writing nothing (no audit entry either), when the store already has
     *     {@code limit} accounts
     */
    boolean insertOAuthAccount(OAuthAccount account, int limit, AuditEntry audit);

    /** The store's OAuth accounts, oldest first. */
    List<OAuthAccount> oauthAccounts(String storeHash);

    /** The OAuth account {@code id} of {@code storeHash}, if it exists. */
    Optional<OAuthAccount> oauthAccount(String storeHash, String id);

    /**
     * The OAuth account whose {@link OAuthAccount#clientId() client ID} is {@code clientId}, of any
     * store: client IDs are unique across stores. Read from the store itself, never from a cache, so
     * a deleted account or a changed allowlist counts at once.
     *
     * @return empty for an unknown client ID
     */
    Optional<OAuthAccount> oauthAccountByClientId(String clientId);

    /**
     * Replaces {@code before} by {@code after} (same id and store), only if the stored account still has
     * {@code before}'s access token, previous token, expiry and allowed addresses: a roll or allowlist
     * change made on a stale read writes nothing (so a roll never writes back an allowlist replaced since
     * it read the account). Writes the access token, previous token, expiry and allowed addresses.
     *
     * @return {@code false}, writing nothing, when the account is gone or was changed meanwhile
     * @throws IllegalArgumentException if the two are not the same account
     */
    boolean replaceOAuthAccount(OAuthAccount before, OAuthAccount after, AuditEntry audit);

    /**
     * Deletes those of {@code ids} that belong to {@code storeHash}, in one transaction, recording
     * {@code audit} once for each account deleted, {@link AuditEntry#forAccount for} that account.
     *
     * @return the ids actually deleted (unknown ids and other stores' ids are skipped)
     */
    List<String> deleteOAuthAccounts(String storeHash, Collection<String> ids, AuditEntry audit);

    /**
     * Inserts a legacy account.
     *
     * @return {@code false}, writing nothing, when the store already has that username
     */
    boolean insertLegacyAccount(LegacyAccount account, AuditEntry audit);

    /** The store's legacy accounts, oldest first. */
    List<LegacyAccount> legacyAccounts(String storeHash);

    /**
     * Replaces the token and previous token of {@code before} by {@code after}'s, only if the stored
     * account still has {@code before}'s.
     *
     * @return {@code false}, writing nothing, when the account is gone or was changed meanwhile
     * @throws IllegalArgumentException if the two are not the same account
     */
    boolean replaceLegacyAccount(LegacyAccount before, LegacyAccount after, AuditEntry audit);

    /**
     * Deletes a legacy account.
     *
     * @return {@code false}, writing nothing, when no such account exists
     */
    boolean deleteLegacyAccount(String storeHash, String username, AuditEntry audit);

    /**
     * Records uses, keeping for each account the later of the stored and given use. Ids of accounts
     * that no longer exist are ignored.
     */
    void recordLastUsed(Map<String, Usage> usageByAccountId);

    /** The last use of each of the store's accounts that has been used, by account id. */
    Map<String, Usage> lastUsed(String storeHash);

    /** The store's credential policy, if one was set. */
    Optional<CredentialPolicy> credentialPolicy(String storeHash);

    /** Sets the store's credential policy. */
    void putCredentialPolicy(String storeHash, CredentialPolicy policy, AuditEntry audit);

    /** Records an entry that goes with no account change, e.g. a control-panel sign-in. */
    void recordAudit(AuditEntry entry);

    /**
     * The store's audit events newest first, at most {@code limit}, with ids below {@code beforeId}
     * ({@link Long#MAX_VALUE} for the newest). Ids are given out as entries are written, before their
     * transactions commit, so a page read while changes are committing may miss an entry that commits
     * later with a lower id; a page read again shows it.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<AuditEvent> auditEvents(String storeHash, int limit, long beforeId);

    /**
     * Records an {@code OAUTH_ACCOUNT_EXPIRED} entry, once, for every OAuth account whose expiry is at or
     * before {@code now}, at its expiry time, by {@link AuditEntry#SYSTEM}. Safe to run on several nodes
     * at once.
     *
     * @return how many entries were recorded
     */
    int recordExpiries(Instant now);

    /**
     * Deletes audit events recorded before {@code cutoff}.
     *
     * @return how many were deleted
     */
    int pruneAuditEvents(Instant cutoff);

    /**
     * The account holding a secret with this digest in any of its secret columns: an OAuth account's
     * access token, previous token (in its overlap or past it) or client secret, a legacy account's
     * token or previous token, or a short-lived token (a {@link ShortLivedAccount}, found as
     * {@link #find} finds it: unexpired at {@code now} of the repository's clock and still bound). For acting on a leaked secret; requests are found by {@link #find}. The
     * caller tells which secret matched by comparing the account's digests with {@code digest}; none is
     * checked for expiry here.
     *
     * <pre>{@code
     * Optional<Account> holder = repository.findBySecretDigest(digester.digest(leakedValue));
     * }</pre>
     *
     * @return the account, or empty when no secret has that digest; never {@code null}
     */
    Optional<Account> findBySecretDigest(SecretDigest digest);

    /**
     * Stores a short-lived token issued at {@code issuedAt}, only if its account still exists and still
     * has the access token it was issued against ({@code token.account().accessTokenDigest()}), checked
     * and written in one step. Records no audit entry: issuing is routine and the token endpoint's own.
     * From then on {@link #find} by {@code ByTokenDigest(token.tokenDigest())} returns it until it expires
     * or the account changes its access token or is deleted.
     *
     * <pre>{@code
     * boolean stored = repository.insertShortLivedToken(new ShortLivedAccount(account, digest, scopes,
     *         Optional.of(expiry)), clock.instant());
     * }</pre>
     *
     * @return {@code false}, writing nothing, when the account is gone or its access token changed
     * @throws IllegalStateException if a token with that digest exists already
     */
    boolean insertShortLivedToken(ShortLivedAccount token, Instant issuedAt);

    /**
     * Deletes the short-lived token with digest {@code digest}, e.g. a leaked one, recording
     * {@code audit} and announcing the change under the token's own lookup key.
     *
     * @return {@code false}, writing nothing, when no such token is stored
     */
    boolean deleteShortLivedToken(SecretDigest digest, AuditEntry audit);

    /**
     * Deletes the short-lived tokens expired at {@code now} and those whose account no longer has the
     * access token they were issued against (neither is found any more). Safe on several nodes at once.
     *
     * @return how many were deleted
     */
    int pruneShortLivedTokens(Instant now);
}
