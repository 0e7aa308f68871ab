package dev.storeauth.lifecycle;

import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.SecretGenerator;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountChangeListener;
import dev.storeauth.repository.AccountRepository;
import java.time.Clock;
import java.util.Objects;

/** Configures an {@link AccountLifecycle}; every setter fails fast on bad values. Not thread-safe. */
public final class AccountLifecycleBuilder {

    /** The platform's limit of OAuth accounts per store. */
    public static final int DEFAULT_OAUTH_ACCOUNT_LIMIT = 50;

    final AccountRepository repository;
    final StoreOwnership ownership;
    final String apiHost;
    SecretGenerator generator = new SecretGenerator();
    SecretDigester digester = SecretDigester.sha256();
    ScopeCatalogue catalogue = ScopeCatalogue.defaults();
    AccountChangeListener changeListener = AccountChangeListener.NONE;
    LifecycleListener listener = LifecycleListener.NONE;
    Clock clock = Clock.systemUTC();
    int oauthAccountLimit = DEFAULT_OAUTH_ACCOUNT_LIMIT;

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
    public AccountLifecycleBuilder generator(SecretGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
        return this;
    }

    /** How secrets are digested; must be the Authenticator's. Default {@link SecretDigester#sha256()}. */
    public AccountLifecycleBuilder digester(SecretDigester digester) {
        this.digester = Objects.requireNonNull(digester, "digester");
        return this;
    }

    /** The scopes that may be granted; default {@link ScopeCatalogue#defaults()}. */
    public AccountLifecycleBuilder catalogue(ScopeCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        return this;
    }

    /**
     * Told, synchronously and before the call that made it returns, the lookup keys of every
     * committed change (one {@link dev.storeauth.repository.AccountChange.Changed} per call, a bulk
     * delete included): give it this node's {@code AccountCache}. Default
     * {@link AccountChangeListener#NONE}.
     */
    public AccountLifecycleBuilder changeListener(AccountChangeListener changeListener) {
        this.changeListener = Objects.requireNonNull(changeListener, "changeListener");
        return this;
    }

    /** Receives audit events; default {@link LifecycleListener#NONE}. */
    public AccountLifecycleBuilder listener(LifecycleListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Creation times and event times; default {@link Clock#systemUTC()}. */
    public AccountLifecycleBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        this.oauthAccountLimit = limit;
        return this;
    }

    /** The configured lifecycle. */
    public AccountLifecycle build() {
        return new AccountLifecycle(this);
    }
}
