package dev.storeauth;

import dev.storeauth.repository.AccountChange;
import dev.storeauth.lifecycle.LifecycleEvent;
import dev.storeauth.auth.CredentialScheme;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.lifecycle.StoreOwnership;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Configures a {@link StoreAuth}. Exactly one account repository is required: {@link #jdbc} or
 * {@link #repository}. Defaults: realm {@code storeauth}, TLS required, the platform's scope
 * catalogue and routes, SHA-256 digests, a cache of 100,000 accounts trusted for 5 minutes ("not
 * found" for 30 seconds, lookups waited for 2 seconds), 20 failures per address or legacy username per
 * minute before 429, last-used times recorded, and for JDBC the change table pruned of rows older
 * than an hour every ten minutes. No account lifecycle unless {@link #lifecycle} is given.
 *
 * <p>Invalid values fail at once with {@link IllegalArgumentException}; a setting given twice with
 * {@link IllegalStateException}; contradictions (no repository or two, JDBC-only settings for another
 * repository, lifecycle settings without a lifecycle) fail {@link #build()} with
 * {@link IllegalStateException}. Not thread-safe; build once.
 */
public final class StoreAuthBuilder {

    DataSource dataSource;
    AccountRepository repository;
    Function<AccountChange.Listener, AutoCloseable> changeFeed;
    String realm = "storeauth";
    boolean requireTls = true;
    RouteTable routes = RouteTable.defaults();
    ScopeCatalogue catalogue = ScopeCatalogue.defaults();
    SecretDigester digester = SecretDigester.sha256();
    final List<CredentialScheme<?>> schemes = new ArrayList<>();
    long cacheMaximumSize = 100_000;
    Duration cacheTtl = Duration.ofMinutes(5);
    Duration negativeCacheTtl = Duration.ofSeconds(30);
    Duration lookupTimeout = Duration.ofSeconds(2);
    int maxFailures = 20;
    Duration failureWindow = Duration.ofMinutes(1);
    boolean recordUsage = true;
    Duration changeRetention = Duration.ofHours(1);
    StoreOwnership ownership;
    String apiHost;
    LifecycleEvent.Listener lifecycleListener = LifecycleEvent.Listener.NONE;
    int oauthAccountLimit = 50;
    private final Set<String> given = new HashSet<>();

    StoreAuthBuilder() {
    }

    /** Accounts kept in this database, migrated on build; changes reach every node by its change feed. */
    public StoreAuthBuilder jdbc(DataSource dataSource) {
        this.dataSource = once("jdbc", Objects.requireNonNull(dataSource, "dataSource"));
        return this;
    }

    /** Accounts kept by {@code repository}; changes made elsewhere arrive only through {@link #changeFeed}. */
    public StoreAuthBuilder repository(AccountRepository repository) {
        this.repository = once("repository", Objects.requireNonNull(repository, "repository"));
        return this;
    }

    /**
     * For a {@link #repository}: starts a feed that tells the cache of changes made on other nodes;
     * called once on build with the cache, and closed with the {@link StoreAuth}.
     */
    public StoreAuthBuilder changeFeed(Function<AccountChange.Listener, AutoCloseable> start) {
        this.changeFeed = once("changeFeed", Objects.requireNonNull(start, "start"));
        return this;
    }

    /** The realm named in challenges; see {@code AuthenticatorBuilder.realm}. */
    public StoreAuthBuilder realm(String realm) {
        this.realm = once("realm", Objects.requireNonNull(realm, "realm"));
        return this;
    }

    /** Whether plain-HTTP requests are refused (default {@code true}); turn off only behind TLS you trust. */
    public StoreAuthBuilder requireTls(boolean requireTls) {
        this.requireTls = once("requireTls", requireTls);
        return this;
    }

    /** The route table over {@link #catalogue}: which resource guards each path, which schemes it accepts. */
    public StoreAuthBuilder routes(RouteTable routes) {
        this.routes = once("routes", Objects.requireNonNull(routes, "routes"));
        return this;
    }

    /** The resources accounts are granted scopes on. */
    public StoreAuthBuilder catalogue(ScopeCatalogue catalogue) {
        this.catalogue = once("catalogue", Objects.requireNonNull(catalogue, "catalogue"));
        return this;
    }

    /** How secrets are digested, by the authenticator and the lifecycle alike. */
    public StoreAuthBuilder digester(SecretDigester digester) {
        this.digester = once("digester", Objects.requireNonNull(digester, "digester"));
        return this;
    }

    /** Offers one more credential scheme, after the built-in {@code bearer} and {@code basic}. */
    public StoreAuthBuilder scheme(CredentialScheme<?> scheme) {
        schemes.add(Objects.requireNonNull(scheme, "scheme"));
        return this;
    }

    /** How many accounts the cache holds (default 100,000). */
    public StoreAuthBuilder cacheMaximumSize(long size) {
        this.cacheMaximumSize = once("cacheMaximumSize", positive(size, "cacheMaximumSize"));
        return this;
    }

    /** How long a found account is trusted without asking the repository again (default 5 minutes). */
    public StoreAuthBuilder cacheTtl(Duration ttl) {
        this.cacheTtl = once("cacheTtl", positive(ttl, "cacheTtl"));
        return this;
    }

    /** How long "not found" is kept (default 30 seconds). */
    public StoreAuthBuilder negativeCacheTtl(Duration ttl) {
        this.negativeCacheTtl = once("negativeCacheTtl", positive(ttl, "negativeCacheTtl"));
        return this;
    }

    /** The longest wait for the repository before the request is answered 503 (default 2 seconds). */
    public StoreAuthBuilder lookupTimeout(Duration timeout) {
        this.lookupTimeout = once("lookupTimeout", positive(timeout, "lookupTimeout"));
        return this;
    }

    /** 429 after {@code maxFailures} failed authentications per address or legacy username per {@code window}. */
    public StoreAuthBuilder failureThrottle(int maxFailures, Duration window) {
        once("failureThrottle", true);
        this.maxFailures = (int) positive(maxFailures, "maxFailures");
        this.failureWindow = positive(window, "window");
        return this;
    }

    /** No failure throttling (e.g. when a proxy in front limits failures). */
    public StoreAuthBuilder noFailureThrottle() {
        once("failureThrottle", true);
        this.maxFailures = 0;
        return this;
    }

    /** Whether last-used times are recorded in the repository, in batches (default {@code true}). */
    public StoreAuthBuilder recordUsage(boolean recordUsage) {
        this.recordUsage = once("recordUsage", recordUsage);
        return this;
    }

    /** For {@link #jdbc}: how long change-table rows are kept (default 1 hour; pruned every 10 minutes). */
    public StoreAuthBuilder changeRetention(Duration retention) {
        this.changeRetention = once("changeRetention", positive(retention, "changeRetention"));
        return this;
    }

    /**
     * Adds the account lifecycle: creation, listing and deletion by store owners.
     *
     * @param apiHost the API's host as it appears in a URL, used in returned API paths
     */
    public StoreAuthBuilder lifecycle(StoreOwnership ownership, String apiHost) {
        once("lifecycle", true);
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.apiHost = Objects.requireNonNull(apiHost, "apiHost");
        return this;
    }

    /** Told of every committed lifecycle change (e.g. an audit log); needs {@link #lifecycle}. */
    public StoreAuthBuilder lifecycleListener(LifecycleEvent.Listener listener) {
        this.lifecycleListener = once("lifecycleListener", Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The most OAuth accounts a store may have (default 50); needs {@link #lifecycle}. */
    public StoreAuthBuilder oauthAccountLimit(int limit) {
        this.oauthAccountLimit = once("oauthAccountLimit", (int) positive(limit, "oauthAccountLimit"));
        return this;
    }

    /**
     * Opens the repository, starts the cache, feeds and schedules, and builds the services.
     *
     * @throws IllegalStateException for contradictory settings
     * @throws dev.storeauth.repository.RepositoryUnavailableException if the database cannot be
     *     reached or migrated
     */
    public StoreAuth build() {
        check((dataSource == null) != (repository == null), "give exactly one of jdbc(...) and repository(...)");
        check(dataSource == null || changeFeed == null, "a JDBC repository has its own change feed");
        check(dataSource != null || !given.contains("changeRetention"), "changeRetention applies to jdbc(...) only");
        check(ownership != null || !given.contains("lifecycleListener"), "lifecycleListener needs lifecycle(...)");
        check(ownership != null || !given.contains("oauthAccountLimit"), "oauthAccountLimit needs lifecycle(...)");
        return new StoreAuth(this);
    }

    private <T> T once(String setting, T value) {
        if (!given.add(setting)) {
            throw new IllegalStateException(setting + " is already set");
        }
        return value;
    }

    private static void check(boolean ok, String contradiction) {
        if (!ok) {
            throw new IllegalStateException(contradiction);
        }
    }

    private static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
