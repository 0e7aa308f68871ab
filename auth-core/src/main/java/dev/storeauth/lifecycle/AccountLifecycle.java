package dev.storeauth.lifecycle;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.internal.StoreHash;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.LookupKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creates, lists and deletes a store's API accounts on behalf of its owner.
 *
 * <ul>
 *   <li>Every operation, listing included, is for the store owner only ({@link StoreOwnership});
 *       anyone else gets {@link Outcome.Refusal#NOT_OWNER} and nothing changes.
 *   <li>Secrets are generated here, returned once ({@link IssuedCredentials.OAuth},
 *       {@link IssuedCredentials.Legacy}) and stored as digests; nothing else ever returns them.
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
 *         "owner@example.com", "abc123", "Stock sync", Map.of("products", "modify"));
 * }</pre>
 *
 * Thread-safe. Repository faults are thrown as
 * {@link dev.storeauth.repository.RepositoryUnavailableException}; user errors are {@link Outcome.Refused},
 * including a value the repository cannot hold ({@link Outcome.Refusal#INVALID} with no field).
 */
public final class AccountLifecycle {

    final LifecycleSettings config;
    private final LegacyLifecycle legacy;

    AccountLifecycle(LifecycleSettings config) {
        this.config = config;
        this.legacy = new LegacyLifecycle(this);
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
     * Creates an OAuth account with a new client ID, client secret and access token.
     *
     * @param scopes wire-form levels by resource id; resources left out are none
     * @param name 4-100 characters once stripped, without controls, line or paragraph separators,
     *     format characters (bidi controls, zero-width characters) or unpaired surrogates
     * @return the secrets, once; or {@link Outcome.Refusal#INVALID} naming {@code name} (and the character at
     *     fault) or {@code scopes}, or with no field when the repository cannot hold a value,
     *     {@link Outcome.Refusal#LIMIT_REACHED} when the store has the limit already, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.OAuth> createOAuthAccount(String actor, String storeHash, String name,
            Map<String, String> scopes) {
        return asOwner(actor, storeHash, () -> {
            if (name == null) {
                return Outcome.invalid("name", "name is required");
            }
            Optional<String> problem = AccountNames.oauthNameProblem(name);
            if (problem.isPresent()) {
                return Outcome.invalid("name", problem.get());
            }
            Scopes granted;
            try {
                granted = config.catalogue().scopes(scopes == null ? Map.of() : scopes);
            } catch (IllegalArgumentException e) {
                return Outcome.invalid("scopes", e.getMessage());
            }
            return insert(actor, storeHash, name.strip(), granted);
        });
    }

    private Outcome<IssuedCredentials.OAuth> insert(String actor, String storeHash, String name, Scopes scopes) {
        String secret = config.generator().generate(SecretKind.CLIENT_SECRET);
        String token = config.generator().generate(SecretKind.ACCESS_TOKEN);
        OAuthAccount account = new OAuthAccount(UUID.randomUUID().toString(), storeHash, name,
                config.generator().generate(SecretKind.CLIENT_ID), config.digester().digest(secret),
                config.digester().digest(token), scopes, config.clock().instant());
        int limit = config.oauthAccountLimit();
        return RepositoryRefusal.write(() -> config.repository().insertOAuthAccount(account, limit))
                .flatMap(inserted -> {
                    if (!inserted) {
                        return Outcome.refused(Outcome.Refusal.LIMIT_REACHED, "the limit is " + limit
                                + " OAuth API accounts per store; delete one first");
                    }
                    changed(actor, account, LifecycleEvent.Action.OAUTH_ACCOUNT_CREATED);
                    return Outcome.done(new IssuedCredentials.OAuth(account, apiPath(storeHash, "v3"), secret, token));
                });
    }

    /** The store's OAuth accounts, oldest first, without secrets; or {@link Outcome.Refusal#NOT_OWNER}. */
    public Outcome<List<AccountView.OAuth>> oauthAccounts(String actor, String storeHash) {
        return asOwner(actor, storeHash, () -> {
            Map<String, Instant> lastUsed = config.repository().lastUsed(storeHash);
            return Outcome.done(config.repository().oauthAccounts(storeHash).stream()
                    .map(a -> AccountView.OAuth.of(a, Optional.ofNullable(lastUsed.get(a.id()))))
                    .toList());
        });
    }

    /**
     * Deletes one OAuth account, revoking its token at once.
     *
     * @return the deleted id; or {@link Outcome.Refusal#NOT_FOUND} (also for another store's id), {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<String> deleteOAuthAccount(String actor, String storeHash, String id) {
        Outcome<Integer> deleted = deleteOAuthAccounts(actor, storeHash, List.of(id));
        if (deleted instanceof Outcome.Done<Integer> done && done.value() == 0) {
            String which = AccountNames.couldBeOAuthId(id) ? id : "with that id";
            return Outcome.refused(Outcome.Refusal.NOT_FOUND, "no OAuth API account " + which + " in store " + storeHash);
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
    public Outcome<Integer> deleteOAuthAccounts(String actor, String storeHash, Collection<String> ids) {
        List<String> requested = List.copyOf(ids).stream().filter(AccountNames::couldBeOAuthId).toList();
        return asOwner(actor, storeHash, () -> {
            List<OAuthAccount> before = new ArrayList<>();
            for (String id : requested) {
                config.repository().oauthAccount(storeHash, id).ifPresent(before::add);
            }
            return RepositoryRefusal.write(() -> config.repository().deleteOAuthAccounts(storeHash, requested))
                    .map(deleted -> {
                        Set<String> gone = Set.copyOf(deleted);
                        changed(actor, before.stream().distinct().filter(a -> gone.contains(a.id())).toList(),
                                LifecycleEvent.Action.OAUTH_ACCOUNT_DELETED);
                        return deleted.size();
                    });
        });
    }

    /**
     * Creates a legacy account with a new API token.
     *
     * @param username 1-64 of letters, digits and {@code . _ @ + -}, but not {@code .} or {@code ..}
     *     (no URL path segment can carry those; accounts stored under them earlier keep working)
     * @return the token, once; or {@link Outcome.Refusal#INVALID} naming {@code username} (and the character at
     *     fault), {@link Outcome.Refusal#DUPLICATE} when the store has that username, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.Legacy> createLegacyAccount(String actor, String storeHash, String username) {
        return asOwner(actor, storeHash, () -> legacy.create(actor, storeHash, username));
    }

    /**
     * Replaces a legacy account's API token; the old one fails from the next request on.
     *
     * @return the new token, once; or {@link Outcome.Refusal#NOT_FOUND}, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<IssuedCredentials.Legacy> regenerateLegacyToken(String actor, String storeHash, String username) {
        return asOwner(actor, storeHash, () -> legacy.regenerate(actor, storeHash, username));
    }

    /**
     * Deletes a legacy account, revoking its token at once.
     *
     * @return the username; or {@link Outcome.Refusal#NOT_FOUND}, {@link Outcome.Refusal#NOT_OWNER}
     */
    public Outcome<String> deleteLegacyAccount(String actor, String storeHash, String username) {
        return asOwner(actor, storeHash, () -> legacy.delete(actor, storeHash, username));
    }

    /** The store's legacy accounts, oldest first, without tokens; or {@link Outcome.Refusal#NOT_OWNER}. */
    public Outcome<List<AccountView.Legacy>> legacyAccounts(String actor, String storeHash) {
        return asOwner(actor, storeHash, () -> legacy.list(storeHash));
    }

    /**
     * Whether {@code actor} may manage {@code storeHash}'s accounts: a well-formed store hash the
     * actor owns. Every other method checks this itself; callers may ask first, e.g. to refuse a
     * non-owner before reading a request body.
     */
    public boolean isOwner(String actor, String storeHash) {
        Objects.requireNonNull(actor, "actor");
        return StoreHash.isValid(storeHash) && config.ownership().isOwner(storeHash, actor);
    }

    private <T> Outcome<T> asOwner(String actor, String storeHash, Supplier<Outcome<T>> action) {
        Objects.requireNonNull(actor, "actor");
        if (!StoreHash.isValid(storeHash)) {
            return Outcome.invalid("storeHash", "store hash must be 1-32 lower-case letters and digits");
        }
        if (!config.ownership().isOwner(storeHash, actor)) {
            return Outcome.refused(Outcome.Refusal.NOT_OWNER, "only the store owner may manage its API accounts");
        }
        return action.get();
    }

    void changed(String actor, Account account, LifecycleEvent.Action action) {
        changed(actor, List.of(account), action);
    }

    /** Tells the change listener the accounts' keys, in one change, then emits an event for each. */
    private void changed(String actor, List<? extends Account> accounts, LifecycleEvent.Action action) {
        if (accounts.isEmpty()) {
            return;
        }
        config.changeListener().onChange(new AccountChange.Changed(accounts.stream().map(LookupKey::of).toList()));
        for (Account account : accounts) {
            config.listener().onEvent(new LifecycleEvent(config.clock().instant(), actor, account.storeHash(),
                    action, account.id()));
        }
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

        /** Receives audit events; default {@link LifecycleEvent.Listener#NONE}. */
        public Builder listener(LifecycleEvent.Listener listener) {
            this.listener = once(Objects.requireNonNull(listener, "listener"), "listener");
            return this;
        }

        /** Creation times and event times; default {@link Clock#systemUTC()}. */
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

        /** The configured lifecycle, with a copy of the settings given so far. */
        public AccountLifecycle build() {
            return new AccountLifecycle(new LifecycleSettings(repository, ownership, apiHost, generator, digester,
                    catalogue, changeListener, listener, clock, oauthAccountLimit));
        }

        private <T> T once(T value, String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already given");
            }
            return value;
        }
    }
}
