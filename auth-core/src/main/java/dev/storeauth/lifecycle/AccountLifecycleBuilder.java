package dev.storeauth.lifecycle;

import dev.storeauth.repository.AccountChange;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountRepository;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

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
public final class AccountLifecycleBuilder {

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

    AccountLifecycleBuilder(AccountRepository repository, StoreOwnership ownership, String apiHost) {
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
    AccountLifecycleBuilder generator(SecretGenerator generator) {
        this.generator = once(Objects.requireNonNull(generator, "generator"), "generator");
        return this;
    }

    /** How secrets are digested; must be the Authenticator's. Default {@link SecretDigester#sha256()}. */
    public AccountLifecycleBuilder digester(SecretDigester digester) {
        this.digester = once(Objects.requireNonNull(digester, "digester"), "digester");
        return this;
    }

    /** The scopes that may be granted; default {@link ScopeCatalogue#defaults()}. */
    public AccountLifecycleBuilder catalogue(ScopeCatalogue catalogue) {
        this.catalogue = once(Objects.requireNonNull(catalogue, "catalogue"), "catalogue");
        return this;
    }

    /**
     * Told, synchronously and before the call that made it returns, the lookup keys of every
     * committed change (one {@link dev.storeauth.repository.AccountChange.Changed} per call, a bulk
     * delete included): give it this node's {@code AccountCache}. Default
     * {@link AccountChange.Listener#NONE}.
     */
    public AccountLifecycleBuilder changeListener(AccountChange.Listener changeListener) {
        this.changeListener = once(Objects.requireNonNull(changeListener, "changeListener"), "changeListener");
        return this;
    }

    /** Receives audit events; default {@link LifecycleEvent.Listener#NONE}. */
    public AccountLifecycleBuilder listener(LifecycleEvent.Listener listener) {
        this.listener = once(Objects.requireNonNull(listener, "listener"), "listener");
        return this;
    }

    /** Creation times and event times; default {@link Clock#systemUTC()}. */
    public AccountLifecycleBuilder clock(Clock clock) {
        this.clock = once(Objects.requireNonNull(clock, "clock"), "clock");
        return this;
    }

    /**
     * The most OAuth accounts a store may have; default 50.
     *
     * @throws IllegalArgumentException if not positive
     */
    public AccountLifecycleBuilder oauthAccountLimit(int limit) {
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
