package dev.storeauth.lifecycle;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.policy.CredentialPolicy;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.internal.StoreHash;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.LookupKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creates, rolls, restricts, lists and deletes a store's API accounts on behalf of its owner, keeps
 * the store's credential policy, and lists its audit trail.
 *
 * <ul>
 *   <li>Every operation, listing included, is for the store owner only ({@link StoreOwnership});
 *       anyone else gets {@link Outcome.Refusal#NOT_OWNER} and nothing changes.
 *   <li>Secrets are generated here, returned once ({@link IssuedCredentials.OAuth},
 *       {@link IssuedCredentials.Legacy}) and stored as digests; nothing else ever returns them.
 *   <li>Every change is written with its {@link AuditEntry} in one repository transaction.
 *   <li>Every committed change is told to the {@link AccountChange.Listener} (this node's cache) by
 *       lookup key, synchronously, before the call returns, then emits a {@link LifecycleEvent}: a
 *       revoked token fails on the next request.
 * </ul>
 *
 * <pre>{@code
 * AccountLifecycle lifecycle = AccountLifecycle.builder(repository, ownership, "api.example.com")
 *         .changeListener(cache)
 *         .listener(auditLog::record)
 *         .build();
 * Outcome<IssuedCredentials.OAuth> created = lifecycle.createOAuthAccount(
 *         Actor.at("owner@example.com", clientAddress), "abc123", "Stock sync", Map.of("products", "modify"));
 * }</pre>
 *
 * Thread-safe. Repository faults are thrown as
 * {@link dev.storeauth.repository.RepositoryUnavailableException}; user errors are {@link Outcome.Refused},
 * including a value the repository cannot hold ({@link Outcome.Refusal#INVALID} with no field).
 */
public final class AccountLifecycle {

    final LifecycleSettings config;
    private final LegacyLifecycle legacy;
    private final OAuthLifecycle oauth;
    private final LeakRevocations leaks;

    /** The most audit events one page lists. */
    public static final int MAX_AUDIT_PAGE = 100;

    AccountLifecycle(LifecycleSettings config) {
        this.config = config;
        this.legacy = new LegacyLifecycle(this);
        this.oauth = new OAuthLifecycle(this);
        this.leaks = new LeakRevocations(this);
    }

    /**
     * Starts a builder; {@code apiHost} is the API's host, as it appears in a URL (a name or a bracketed
     * IPv6 literal, with an optional port), used in returned API paths.
     */
    public static Builder builder(AccountRepository repository, StoreOwnership ownership,
            String apiHost) {
        return new Builder(repository, ownership, apiHost);
    }

    /**
     * Creates an OAuth account with a new client ID, client secret and access token, that never expires
     * (unless the store's policy requires it, which refuses this) and may be used from anywhere.
     *
     * @see #createOAuthAccount(Actor, String, NewOAuthAccount)
     */
    public Outcome<IssuedCredentials.OAuth> createOAuthAccount(Actor actor, String storeHash, String name,
            Map<String, String> scopes) {
        return createOAuthAccount(actor, storeHash, NewOAuthAccount.named(name, scopes == null ? Map.of() : scopes));
    }

    /**
     * Creates an OAuth account with a new client ID, client secret and access token.
     *
     * <ul>
     *   <li>{@code name}: 4-100 characters once stripped, without controls, line or paragraph
     *       separators, format characters (bidi controls, zero-width characters) or unpaired surrogates.
     *   <li>{@code expires_in} (positive) or {@code expires_at} (in the future), not both, at most
     *       {@value OAuthLifecycle#MAX_LIFETIME_DAYS} days ahead; the store's {@link CredentialPolicy}
     *       may require one and cap it.
     *   <li>{@code allowed_ips}: CIDR blocks or addresses, see {@link AllowedAddresses#parse}.
     * </ul>
     *
     * @return the secrets, once; or {@link Outcome.Refusal#INVALID} naming the field ({@code name} with
     *     the character at fault, {@code scopes}, {@code expires_in}, {@code expires_at},
     *     {@code allowed_ips}), or with no field when the repository cannot hold a value,
     *     {@link Outcome.Refusal#LIMIT_REACHED} when the store has the limit already, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.OAuth> createOAuthAccount(Actor actor, String storeHash, NewOAuthAccount request) {
        Objects.requireNonNull(request, "request");
        return asOwner(actor, storeHash, () -> oauth.create(actor, storeHash, request));
    }

    /**
     * Rolls an OAuth account's access token. The old token keeps working for {@code oldTokenLifetime}
     * (zero: it fails from the next request on); an older token still in its overlap fails at once, so
     * an account never has more than two live tokens. Each node checks the old token's expiry with its
     * own clock: no notification is needed when the overlap ends.
     *
     * @param oldTokenLifetime 0 to {@value OAuthLifecycle#MAX_OVERLAP_SECONDS} seconds
     * @return the new token, once; or {@link Outcome.Refusal#INVALID} naming {@code old_token_expires_in},
     *     {@link Outcome.Refusal#NOT_FOUND}, {@link Outcome.Refusal#CONFLICT} when the account kept
     *     changing meanwhile, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.Rolled> rollOAuthToken(Actor actor, String storeHash, String id,
            Duration oldTokenLifetime) {
        Objects.requireNonNull(oldTokenLifetime, "oldTokenLifetime");
        return asOwner(actor, storeHash, () -> oauth.roll(actor, storeHash, id, oldTokenLifetime));
    }

    /**
     * Replaces where an OAuth account may be used from; empty for anywhere. Takes effect on the next
     * request on this node, and on others once their caches hear of the change.
     *
     * @return the account as listed; or {@link Outcome.Refusal#INVALID} naming {@code allowed_ips},
     *     {@link Outcome.Refusal#NOT_FOUND}, {@link Outcome.Refusal#CONFLICT}, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<AccountView.OAuth> setAllowedAddresses(Actor actor, String storeHash, String id, List<String> blocks) {
        Objects.requireNonNull(blocks, "blocks");
        return asOwner(actor, storeHash, () -> oauth.allow(actor, storeHash, id, blocks));
    }

    /** The store's OAuth accounts, oldest first, without secrets; or {@link Outcome.Refusal#NOT_OWNER}. */
    public Outcome<List<AccountView.OAuth>> oauthAccounts(Actor actor, String storeHash) {
        return asOwner(actor, storeHash, () -> Outcome.done(oauth.list(storeHash)));
    }

    /**
     * Deletes one OAuth account, revoking its tokens at once.
     *
     * @return the deleted id; or {@link Outcome.Refusal#NOT_FOUND} (also for another store's id), {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<String> deleteOAuthAccount(Actor actor, String storeHash, String id) {
        Outcome<Integer> deleted = asOwner(actor, storeHash,
                () -> oauth.delete(actor, storeHash, List.of(id), AuditAction.OAUTH_ACCOUNT_DELETED));
        if (deleted instanceof Outcome.Done<Integer> done && done.value() == 0) {
            return OAuthLifecycle.notFound(storeHash, id);
        }
        return deleted.map(n -> id);
    }

    /**
     * Deletes those of {@code ids} that are the store's OAuth accounts, in one transaction, revoking
     * their tokens at once. Unknown ids, other stores' ids and strings no account id can be (longer
     * than 64 characters, or with a control or format character) are skipped.
     *
     * @return how many were deleted; or {@link Outcome.Refusal#NOT_OWNER}
     * @throws NullPointerException if an id is {@code null}
     */
    public Outcome<Integer> deleteOAuthAccounts(Actor actor, String storeHash, Collection<String> ids) {
        List<String> requested = List.copyOf(ids);
        return asOwner(actor, storeHash,
                () -> oauth.delete(actor, storeHash, requested, AuditAction.OAUTH_ACCOUNT_BULK_DELETED));
    }

    /**
     * Creates a legacy account with a new API token.
     *
     * @param username 1-64 of letters, digits and {@code . _ @ + -}, but not {@code .} or {@code ..}
     *     (no URL path segment can carry those; accounts stored under them earlier keep working)
     * @return the token, once; or {@link Outcome.Refusal#INVALID} naming {@code username} (and the character at
     *     fault), {@link Outcome.Refusal#DUPLICATE} when the store has that username, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.Legacy> createLegacyAccount(Actor actor, String storeHash, String username) {
        return asOwner(actor, storeHash, () -> legacy.create(actor, storeHash, username));
    }

    /**
     * Replaces a legacy account's API token; the old one fails from the next request on.
     *
     * @return the new token, once; or {@link Outcome.Refusal#NOT_FOUND}, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.Legacy> regenerateLegacyToken(Actor actor, String storeHash, String username) {
        return regenerateLegacyToken(actor, storeHash, username, Duration.ZERO);
    }

    /**
     * Replaces a legacy account's API token; the old one keeps working for {@code oldTokenLifetime}, as in
     * {@link #rollOAuthToken}.
     *
     * @return the new token, once; or {@link Outcome.Refusal#INVALID} naming {@code old_token_expires_in},
     *     {@link Outcome.Refusal#NOT_FOUND}, {@link Outcome.Refusal#CONFLICT}, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.Legacy> regenerateLegacyToken(Actor actor, String storeHash, String username,
            Duration oldTokenLifetime) {
        Objects.requireNonNull(oldTokenLifetime, "oldTokenLifetime");
        return asOwner(actor, storeHash, () -> legacy.regenerate(actor, storeHash, username, oldTokenLifetime));
    }

    /**
     * Deletes a legacy account, revoking its token at once.
     *
     * @return the username; or {@link Outcome.Refusal#NOT_FOUND}, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<String> deleteLegacyAccount(Actor actor, String storeHash, String username) {
        return asOwner(actor, storeHash, () -> legacy.delete(actor, storeHash, username));
    }

    /** The store's legacy accounts, oldest first, without tokens; or {@link Outcome.Refusal#NOT_OWNER}. */
    public Outcome<List<AccountView.Legacy>> legacyAccounts(Actor actor, String storeHash) {
        return asOwner(actor, storeHash, () -> legacy.list(storeHash));
    }

    /** The store's credential policy: the one set for it, else the lifecycle's default; or {@link Outcome.Refusal#NOT_OWNER}. */
    public Outcome<CredentialPolicy> credentialPolicy(Actor actor, String storeHash) {
        return asOwner(actor, storeHash, () -> Outcome.done(policy(storeHash)));
    }

    /**
     * Sets the store's credential policy, for accounts created from now on.
     *
     * @return the policy; or {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<CredentialPolicy> setCredentialPolicy(Actor actor, String storeHash, CredentialPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return asOwner(actor, storeHash, () -> {
            config.repository().putCredentialPolicy(storeHash, policy,
                    Expiries.described(entry(actor, AuditAction.CREDENTIAL_POLICY_CHANGED, storeHash), policy));
            return Outcome.done(policy);
        });
    }

    /**
     * The store's audit trail, newest first: at most {@code limit} events with ids below {@code beforeId}
     * ({@link Long#MAX_VALUE} for the newest).
     *
     * @param limit 1 to {@value #MAX_AUDIT_PAGE}
     * @return the events; or {@link Outcome.Refusal#INVALID} naming {@code limit} or {@code before},
     *     {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<List<AuditEvent>> auditEvents(Actor actor, String storeHash, int limit, long beforeId) {
        return asOwner(actor, storeHash, () -> {
            if (limit < 1 || limit > MAX_AUDIT_PAGE) {
                return Outcome.invalid("limit", "limit must be 1-" + MAX_AUDIT_PAGE);
            }
            if (beforeId < 1) {
                return Outcome.invalid("before", "before must be a positive event id");
            }
            return Outcome.done(config.repository().auditEvents(storeHash, limit, beforeId));
        });
    }

    /**
     * Revokes a leaked secret at once, if it is live, as {@link AuditEntry#SYSTEM} and with no owner check:
     * the caller has established that the report is genuine (e.g. by its signature). What is done depends
     * on the secret:
     *
     * <ul>
     *   <li>an OAuth account's access token: rolled with no overlap ({@link Revocation#ACCESS_TOKEN_ROLLED});
     *   <li>its previous token during a roll's overlap: the overlap ends ({@link Revocation#OLD_TOKEN_ENDED});
     *   <li>its client secret: the account is deleted ({@link Revocation#ACCOUNT_DELETED});
     *   <li>a legacy account's token: regenerated with no overlap ({@link Revocation#LEGACY_TOKEN_REGENERATED});
     *       its previous token during an overlap: the overlap ends;
     *   <li>a short-lived token ({@code sst_}) that is stored, unexpired and still bound to its account's
     *       access token: that token alone is deleted ({@link Revocation#SHORT_LIVED_TOKEN_DELETED}); the
     *       account's access token stays.
     * </ul>
     *
     * The change is written with a {@link AuditAction#CREDENTIAL_LEAKED} entry holding {@code detail} (empty
     * values left out) and {@code revoked}, the revocation's wire name; it reaches this node's cache before
     * the call returns and other nodes by the change feed, as every lifecycle change does.
     *
     * <pre>{@code
     * Outcome<Revocation> done = lifecycle.revokeLeakedSecret(token,
     *         Map.of("kind", "storeauth_oauth_access_token", "url", url, "source", "commit"));
     * }</pre>
     *
     * @param secret the value as found; checked for a generated secret's shape (prefix, length, checksum)
     *     before any lookup. Client IDs are not secrets and are never live
     * @param detail facts of the report (names and values 1-200 and 1-4000 characters)
     * @return what was done; or {@link Outcome.Refusal#NOT_FOUND} when the value is no live secret (not of
     *     the shape, unknown, of an expired account, or a previous token past its overlap) and nothing was
     *     done, {@link Outcome.Refusal#CONFLICT} when the account kept changing meanwhile,
     *     {@link Outcome.Refusal#INVALID} when even the detail's {@code kind} alone is outside its bounds
     *     or the repository cannot hold it; nothing is written then. Other detail the audit trail cannot
     *     hold is dropped, the secret revoked all the same
     */
    public Outcome<Revocation> revokeLeakedSecret(String secret, Map<String, String> detail) {
        Objects.requireNonNull(secret, "secret");
        return leaks.revokeSecret(secret, Map.copyOf(detail));
    }

    /**
     * Whether {@code actor} may manage {@code storeHash}'s accounts: a well-formed store hash the
     * actor owns. Every other method checks this itself; callers may ask first, e.g. to refuse a
     * non-owner before reading a request body.
     */
    public boolean isOwner(Actor actor, String storeHash) {
        Objects.requireNonNull(actor, "actor");
        return StoreHash.isValid(storeHash) && config.ownership().isOwner(storeHash, actor.userId());
    }

    /** The catalogue scopes are granted from, as the builder was given it; for reading scope names. */
    public ScopeCatalogue catalogue() {
        return config.catalogue();
    }

    private <T> Outcome<T> asOwner(Actor actor, String storeHash, Supplier<Outcome<T>> action) {
        Objects.requireNonNull(actor, "actor");
        if (!StoreHash.isValid(storeHash)) {
            return Outcome.invalid("storeHash", "store hash must be 1-32 lower-case letters and digits");
        }
        if (!config.ownership().isOwner(storeHash, actor.userId())) {
            return Outcome.refused(Outcome.Refusal.NOT_OWNER, "only the store owner may manage its API accounts");
        }
        return action.get();
    }

    /** The store's policy: its own, else the default. */
    CredentialPolicy policy(String storeHash) {
        return config.repository().credentialPolicy(storeHash).orElse(config.defaultPolicy());
    }

    /** An audit entry by {@code actor}, now. */
    AuditEntry entry(Actor actor, AuditAction action, String storeHash) {
        return AuditEntry.of(config.clock().instant(), actor.userId(), action, storeHash).from(actor.clientAddress());
    }

    /** Tells the change listener the accounts' keys, in one change, then emits an event for each. */
    void changed(Actor actor, List<? extends Account> accounts, AuditAction action) {
        if (accounts.isEmpty()) {
            return;
        }
        evict(accounts);
        accounts.forEach(account -> emit(actor, account, action));
    }

    /** Tells the change listener the keys {@code before} had and {@code after} has, then emits one event. */
    void replaced(Actor actor, Account before, Account after, AuditAction action) {
        evict(List.of(before, after));
        emit(actor, after, action);
    }

    private void evict(List<? extends Account> accounts) {
        config.changeListener().onChange(new AccountChange.Changed(accounts.stream()
                .flatMap(account -> LookupKey.allOf(account).stream()).distinct().toList()));
    }

    /** Emits one event for {@code account}, telling the change listener nothing (the caller has). */
    void emitted(Actor actor, Account account, AuditAction action) {
        emit(actor, account, action);
    }

    private void emit(Actor actor, Account account, AuditAction action) {
        config.listener().onEvent(new LifecycleEvent(config.clock().instant(), actor.userId(), account.storeHash(),
                action, account.id()));
    }

    String apiPath(String storeHash, String version) {
        return "https://" + config.apiHost() + "/stores/" + storeHash + "/" + version + "/";
    }

    /**
     * Configures an {@link AccountLifecycle}. Every setter fails fast: a bad value with
     * {@link IllegalArgumentException} or {@link NullPointerException}, a setting given twice with
     * {@link IllegalStateException} naming it. The lifecycle copies the settings at {@link #build()}:
     * changing the builder afterwards does not change it. Not thread-safe.
     *
     * <pre>{@code
     * AccountLifecycle lifecycle = AccountLifecycle.builder(repository, ownership, "api.example.com")
     *         .changeListener(cache)
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        /** The platform's limit of OAuth accounts per store. */
        public static final int DEFAULT_OAUTH_ACCOUNT_LIMIT = 50;

        private final AccountRepository repository;
        private final StoreOwnership ownership;
        private final String apiHost;
        private final Set<String> given = new HashSet<>();
        private SecretGenerator generator = new SecretGenerator();
        private SecretDigester digester = SecretDigester.sha256();
        private ScopeCatalogue catalogue = ScopeCatalogue.defaults();
        private AccountChange.Listener changeListener = AccountChange.Listener.NONE;
        private LifecycleEvent.Listener listener = LifecycleEvent.Listener.NONE;
        private Clock clock = Clock.systemUTC();
        private int oauthAccountLimit = DEFAULT_OAUTH_ACCOUNT_LIMIT;
        private CredentialPolicy defaultPolicy = CredentialPolicy.none();

        Builder(AccountRepository repository, StoreOwnership ownership, String apiHost) {
            this.repository = Objects.requireNonNull(repository, "repository");
            this.ownership = Objects.requireNonNull(ownership, "ownership");
            Objects.requireNonNull(apiHost, "apiHost");
            if (!apiHost.matches("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException(
                        "apiHost must be a host name or a bracketed IPv6 literal, with an optional port: " + apiHost);
            }
            this.apiHost = apiHost;
        }

        /** The source of new secrets; default a {@link SecretGenerator} over a default SecureRandom. */
        Builder generator(SecretGenerator generator) {
            this.generator = once(Objects.requireNonNull(generator, "generator"), "generator");
            return this;
        }

        /** How secrets are digested; must be the Authenticator's. Default {@link SecretDigester#sha256()}. */
        public Builder digester(SecretDigester digester) {
            this.digester = once(Objects.requireNonNull(digester, "digester"), "digester");
            return this;
        }

        /** The scopes that may be granted; default {@link ScopeCatalogue#defaults()}. */
        public Builder catalogue(ScopeCatalogue catalogue) {
            this.catalogue = once(Objects.requireNonNull(catalogue, "catalogue"), "catalogue");
            return this;
        }

        /**
         * Told, synchronously and before the call that made it returns, the lookup keys of every
         * committed change (one {@link dev.storeauth.repository.AccountChange.Changed} per call, a bulk
         * delete included): give it this node's {@code AccountCache}. Default
         * {@link AccountChange.Listener#NONE}.
         */
        public Builder changeListener(AccountChange.Listener changeListener) {
            this.changeListener = once(Objects.requireNonNull(changeListener, "changeListener"), "changeListener");
            return this;
        }

        /**
         * Told of every committed change after it is written (the repository writes the audit trail
         * itself, in the change's transaction); default {@link LifecycleEvent.Listener#NONE}.
         */
        public Builder listener(LifecycleEvent.Listener listener) {
            this.listener = once(Objects.requireNonNull(listener, "listener"), "listener");
            return this;
        }

        /**
         * Creation, expiry and event times, truncated to the microsecond; default {@link Clock#systemUTC()}.
         */
        public Builder clock(Clock clock) {
            this.clock = once(Objects.requireNonNull(clock, "clock"), "clock");
            return this;
        }

        /**
         * The most OAuth accounts a store may have; default 50.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder oauthAccountLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("the OAuth account limit must be positive, got " + limit);
            }
            this.oauthAccountLimit = once(limit, "oauthAccountLimit");
            return this;
        }

        /**
         * The credential policy of stores that have none of their own; default
         * {@link CredentialPolicy#none()}.
         */
        public Builder defaultPolicy(CredentialPolicy policy) {
            this.defaultPolicy = once(Objects.requireNonNull(policy, "policy"), "defaultPolicy");
            return this;
        }

        /** The configured lifecycle, with a copy of the settings given so far. */
        public AccountLifecycle build() {
            // Times are kept to the microsecond, as the JDBC repository stores them, so that what a call
            // returns equals what a later list reads back.
            Clock micros = Clock.tick(clock, Duration.ofNanos(1_000));
            return new AccountLifecycle(new LifecycleSettings(repository, ownership, apiHost, generator, digester,
                    catalogue, changeListener, listener, micros, oauthAccountLimit, defaultPolicy));
        }

        private <T> T once(T value, String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already given");
            }
            return value;
        }
    }
}
