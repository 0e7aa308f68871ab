package dev.storeauth;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.auth.CredentialScheme;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.auth.ReportOnlyRoutes;
import dev.storeauth.cache.CacheStatistics;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.clientgrant.ClientCredentialsGrant;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.LifecycleEvent;
import dev.storeauth.lifecycle.StoreOwnership;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.policy.CredentialPolicy;
import dev.storeauth.policy.LegacyDeprecation;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.jdbc.AccountChangeFeed;
import dev.storeauth.repository.jdbc.ListenProbe;
import dev.storeauth.repository.jdbc.BatchingUsageRecorder;
import dev.storeauth.repository.jdbc.ChangePruner;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * storeauth wired once: account repository, then its cache, the change feed that evicts accounts
 * changed on any node, the batching last-used recorder, the {@link Authenticator}, the
 * {@link AccountLifecycle}, the audit trail's upkeep (expiries recorded every minute, old events
 * pruned every hour) and, for JDBC, the pruning of the change table.
 *
 * <pre>{@code
 * try (StoreAuth storeAuth = StoreAuth.builder()
 *         .jdbc(dataSource)
 *         .realm("My Store API")
 *         .lifecycle(owners::isOwner, "api.example.com")
 *         .build()) {
 *     AuthResult result = storeAuth.authenticator().authenticate(request);
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops what {@link Builder#build()} started, newest first:
 * the schedules, the recorder (flushing it), the feed and the cache's threads.
 */
public final class StoreAuth implements AutoCloseable {

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    private static final int USAGE_CAPACITY = 10_000;

    private final Owned owned = new Owned();
    private final AccountRepository repository;
    private final AccountCache cache;
    private final Authenticator authenticator;
    private final Optional<AccountLifecycle> lifecycle;
    private final LimitStore limits;
    private final AuditMaintenance maintenance;
    private final Optional<ShortLivedTokens> shortLivedTokens;
    private final Optional<ClientCredentialsGrant> clientCredentialsGrant;
    private final Optional<AccountChangeFeed> feed;
    private final StoreProbe probe;

    StoreAuth(Builder b) {
        try {
            this.limits = owned.add(b.limits == null ? LimitStore.local() : b.limits);
            this.repository = b.dataSource != null ? JdbcAccountRepository.create(b.dataSource) : b.repository;
            this.cache = owned.add(AccountCache.builder(repository).maximumSize(b.cacheMaximumSize)
                    .expireAfterWrite(b.cacheTtl).negativeExpireAfterWrite(b.negativeCacheTtl)
                    .lookupTimeout(b.lookupTimeout).observer(b.observer).build());
            this.feed = Optional.ofNullable(startFeed(b));
            this.probe = owned.add(new StoreProbe(repository, b.lookupTimeout));
            this.maintenance = owned.add(new AuditMaintenance(repository, Clock.systemUTC(), b.auditRetention)
                    .scheduleOn(owned.scheduler()));
            this.shortLivedTokens = Optional.ofNullable(b.shortLivedLifetime).map(lifetime -> ShortLivedTokens
                    .builder(repository, b.digester).lifetime(lifetime).build());
            this.authenticator = authenticator(b, b.recordUsage ? recorder() : Authenticator.UsageRecorder.NONE);
            this.clientCredentialsGrant = shortLivedTokens.map(tokens -> grant(b, tokens));
            this.lifecycle = Optional.ofNullable(b.ownership).map(ownership -> AccountLifecycle
                    .builder(repository, ownership, b.apiHost).digester(b.digester).catalogue(b.catalogue)
                    .changeListener(cache).listener(b.lifecycleListener).oauthAccountLimit(b.oauthAccountLimit)
                    .defaultPolicy(b.defaultCredentialPolicy).build());
        } catch (RuntimeException | Error e) {
            owned.close();
            throw e;
        }
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Decides every store API request. */
    public Authenticator authenticator() {
        return authenticator;
    }

    /** Creates, lists and deletes API accounts; empty unless the builder was given a lifecycle. */
    public Optional<AccountLifecycle> lifecycle() {
        return lifecycle;
    }

    /** What issues the short-lived access tokens the authenticator accepts; empty unless the builder was given them. */
    public Optional<ShortLivedTokens> shortLivedTokens() {
        return shortLivedTokens;
    }

    /**
     * The client-credentials grant issuing {@link #shortLivedTokens()}, when the builder was given
     * them: over the same repository, digester and catalogue, its failures throttled by the same
     * settings in the same {@link #limitStore()} (in a namespace of its own). Serve it with a token
     * endpoint such as auth-servlet's {@code TokenEndpointServlet}.
     */
    public Optional<ClientCredentialsGrant> clientCredentialsGrant() {
        return clientCredentialsGrant;
    }

    /** Where the accounts are kept. */
    public AccountRepository repository() {
        return repository;
    }

    /** The cache's counters; cheap, never blocks. */
    public CacheStatistics cacheStatistics() {
        return cache.stats();
    }

    /** Where the limits count, and whether a shared store has fallen back to local counting. */
    public LimitStore limitStore() {
        return limits;
    }

    /**
     * Probes the account repository (one cheap read, waited for at most the lookup timeout; while a
     * probe hangs, later calls answer {@code timed_out} at once) and asks the JDBC change feed whether
     * it is connected. Blocks up to the lookup timeout; never throws. Call it from a health endpoint,
     * not per request.
     *
     * <pre>{@code
     * boolean ready = storeAuth.health().status() == Health.Status.UP;
     * }</pre>
     */
    public Health health() {
        String store = probe.probe();
        String changeFeed = feed.map(f -> f.connected() ? "connected" : "disconnected").orElse("not_tracked");
        boolean up = store.equals("up") && !changeFeed.equals("disconnected");
        return new Health(up ? Health.Status.UP : Health.Status.DOWN,
                Map.of(Health.STORE, store, Health.CHANGE_FEED, changeFeed));
    }

    /** The audit trail's upkeep this instance runs. */
    AuditMaintenance maintenance() {
        return maintenance;
    }

    /** Stops the feeds, schedules, recorder and cache threads this instance started; idempotent. */
    @Override
    public void close() {
        owned.close();
    }

    /** The JDBC feed, which can tell whether it is connected; {@code null} for any other. */
    private AccountChangeFeed startFeed(Builder b) {
        if (b.dataSource != null) {
            AccountChangeFeed started = owned.add(AccountChangeFeed.start(b.dataSource, cache, b.observer, b.feedProbe));
            owned.add(new ChangePruner((JdbcAccountRepository) repository, b.changeRetention)
                    .scheduleOn(owned.scheduler(), PRUNE_EVERY));
            return started;
        }
        if (b.changeFeed != null) {
            owned.add(java.util.Objects.requireNonNull(b.changeFeed.apply(cache), "changeFeed started nothing"));
        }
        return null;
    }

    private Authenticator.UsageRecorder recorder() {
        return owned.add(new BatchingUsageRecorder(repository, Clock.systemUTC(), USAGE_CAPACITY)
                .scheduleOn(owned.scheduler(), FLUSH_EVERY))::recordUse;
    }

    private Authenticator authenticator(Builder b, Authenticator.UsageRecorder usage) {
        Authenticator.Builder builder = Authenticator.builder(cache).realm(b.realm).requireTls(b.requireTls)
                .routes(b.routes).digester(b.digester).usageRecorder(usage).limitStore(limits)
                .verifyClientId(b.verifyClientId).observer(b.observer);
        if (b.storeQuota != null) {
            builder.storeQuota(b.storeQuota);
        }
        if (b.legacyDeprecation != null) {
            builder.legacyDeprecation(b.legacyDeprecation);
        }
        if (b.reportOnlyRoutes != null) {
            builder.reportOnlyRoutes(b.reportOnlyRoutes);
        }
        if (b.reportOnlyListener != null) {
            builder.reportOnlyListener(b.reportOnlyListener);
        }
        b.schemes.forEach(builder::scheme);
        shortLivedTokens.ifPresent(builder::shortLivedTokens);
        if (b.maxFailures > 0) {
            builder.throttle(b.maxFailures, b.failureWindow);
        }
        return builder.build();
    }

    private ClientCredentialsGrant grant(Builder b, ShortLivedTokens tokens) {
        ClientCredentialsGrant.Builder builder = ClientCredentialsGrant.builder(repository, tokens).digester(b.digester)
                .catalogue(b.catalogue).limitStore(limits);
        return (b.maxFailures > 0 ? builder.failureThrottle(b.maxFailures, b.failureWindow) : builder.noFailureThrottle())
                .build();
    }

    /**
     * Configures a {@link StoreAuth}. Exactly one account repository is required: {@link #jdbc} or
     * {@link #repository}. Defaults: realm {@code storeauth}, TLS required, storeauth's own scope
     * catalogue and routes ({@link ScopeCatalogue#defaults()}, {@link RouteTable#defaults()}), SHA-256 digests, a cache of 100,000 accounts trusted for 5 minutes ("not
     * found" for 30 seconds, lookups waited for 2 seconds), 20 failed checks per client address (and per
     * legacy username at an address) a minute before credentials this node has not proven get 429, no
     * store quota, limits counted in this process, last-used times recorded, audit events kept for 365 days, and for JDBC
     * the change table pruned of rows older than an hour every ten minutes and, on PostgreSQL, a silent
     * feed connection probed after 5 s ({@link #changeFeedProbe}). No account lifecycle unless
     * {@link #lifecycle} is given; its stores' credential policy, until they set one, is
     * {@link CredentialPolicy#none()}.
     *
     * <p>Invalid values fail at once with {@link IllegalArgumentException}; a setting given twice with
     * {@link IllegalStateException}; contradictions (no repository or two, JDBC-only settings for another
     * repository, lifecycle settings without a lifecycle) fail {@link #build()} with
     * {@link IllegalStateException}. Not thread-safe; build once.
     */
    public static final class Builder {

        DataSource dataSource;
        AccountRepository repository;
        Function<AccountChange.Listener, AutoCloseable> changeFeed;
        String realm = "storeauth";
        boolean requireTls = true;
        boolean verifyClientId;
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
        StoreQuota storeQuota;
        LegacyDeprecation legacyDeprecation;
        RouteTable reportOnlyRoutes;
        ReportOnlyRoutes.Listener reportOnlyListener;
        LimitStore limits;
        boolean recordUsage = true;
        Duration changeRetention = Duration.ofHours(1);
        ListenProbe feedProbe = ListenProbe.DEFAULT;
        StoreOwnership ownership;
        String apiHost;
        LifecycleEvent.Listener lifecycleListener = LifecycleEvent.Listener.NONE;
        int oauthAccountLimit = 50;
        CredentialPolicy defaultCredentialPolicy = CredentialPolicy.none();
        Duration auditRetention = Duration.ofDays(365);
        Duration shortLivedLifetime;
        StoreAuthObserver observer = StoreAuthObserver.NOOP;
        private final Set<String> given = new HashSet<>();

        Builder() {
        }

        /** Accounts kept in this database, migrated on build; changes reach every node by its change feed. */
        public Builder jdbc(DataSource dataSource) {
            this.dataSource = once("jdbc", Objects.requireNonNull(dataSource, "dataSource"));
            return this;
        }

        /** Accounts kept by {@code repository}; changes made elsewhere arrive only through {@link #changeFeed}. */
        public Builder repository(AccountRepository repository) {
            this.repository = once("repository", Objects.requireNonNull(repository, "repository"));
            return this;
        }

        /**
         * For a {@link #repository}: starts a feed that tells the cache of changes made on other nodes;
         * called once on build with the cache, and closed with the {@link StoreAuth}.
         */
        public Builder changeFeed(Function<AccountChange.Listener, AutoCloseable> start) {
            this.changeFeed = once("changeFeed", Objects.requireNonNull(start, "start"));
            return this;
        }

        /** The realm named in challenges; see {@link dev.storeauth.auth.Authenticator.Builder#realm}. */
        public Builder realm(String realm) {
            this.realm = once("realm", Objects.requireNonNull(realm, "realm"));
            return this;
        }

        /** Whether plain-HTTP requests are refused (default {@code true}); turn off only behind TLS you trust. */
        public Builder requireTls(boolean requireTls) {
            this.requireTls = once("requireTls", requireTls);
            return this;
        }

        /**
         * Whether an OAuth token's request must name the token's client ID in {@code X-Auth-Client}
         * (default {@code false}); see {@link dev.storeauth.auth.Authenticator.Builder#verifyClientId}.
         */
        public Builder verifyClientId(boolean verify) {
            this.verifyClientId = once("verifyClientId", verify);
            return this;
        }

        /** The route table over {@link #catalogue}: which resource guards each path, which schemes it accepts. */
        public Builder routes(RouteTable routes) {
            this.routes = once("routes", Objects.requireNonNull(routes, "routes"));
            return this;
        }

        /**
         * A candidate route table, over its own catalogue, applied in report-only mode beside
         * {@link #routes}; see {@link dev.storeauth.auth.Authenticator.Builder#reportOnlyRoutes}.
         */
        public Builder reportOnlyRoutes(RouteTable candidate) {
            this.reportOnlyRoutes = once("reportOnlyRoutes", Objects.requireNonNull(candidate, "candidate"));
            return this;
        }

        /** Told of what the {@link #reportOnlyRoutes} would deny (default: a rate-limited INFO log); needs them. */
        public Builder reportOnlyListener(ReportOnlyRoutes.Listener listener) {
            this.reportOnlyListener = once("reportOnlyListener", Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The resources accounts are granted scopes on (default {@link ScopeCatalogue#defaults()}).
         * {@link ScopeCatalogue#platform()} also brings {@link RouteTable#platform()} unless
         * {@link #routes} are given:
         * <pre>{@code
         * StoreAuth auth = StoreAuth.builder().jdbc(dataSource).catalogue(ScopeCatalogue.platform()).build();
         * }</pre>
         */
        public Builder catalogue(ScopeCatalogue catalogue) {
            this.catalogue = once("catalogue", Objects.requireNonNull(catalogue, "catalogue"));
            if (catalogue == ScopeCatalogue.platform() && !given.contains("routes")) {
                routes = RouteTable.platform();
            }
            return this;
        }

        /** How secrets are digested, by the authenticator and the lifecycle alike. */
        public Builder digester(SecretDigester digester) {
            this.digester = once("digester", Objects.requireNonNull(digester, "digester"));
            return this;
        }

        /** Offers one more credential scheme, after the built-in {@code bearer} and {@code basic}. */
        public Builder scheme(CredentialScheme<?> scheme) {
            schemes.add(Objects.requireNonNull(scheme, "scheme"));
            return this;
        }

        /**
         * Issues short-lived access tokens living {@code lifetime} (unless their account expires
         * first), stored in the account repository, and accepts them (default: none; an {@code sst_}
         * token is then invalid); see {@link dev.storeauth.auth.Authenticator.Builder#shortLivedTokens}.
         * They also give the {@link StoreAuth} its
         * {@link StoreAuth#clientCredentialsGrant() client-credentials grant}.
         *
         * <pre>{@code
         * StoreAuth auth = StoreAuth.builder().jdbc(dataSource).shortLivedTokens(Duration.ofMinutes(15)).build();
         * }</pre>
         *
         * @throws IllegalArgumentException outside one minute to 24 hours, or not whole seconds
         */
        public Builder shortLivedTokens(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(Duration.ofHours(24)) > 0
                    || lifetime.getNano() != 0) {
                throw new IllegalArgumentException("a lifetime is whole seconds from 1 minute to 24 hours: " + lifetime);
            }
            this.shortLivedLifetime = once("shortLivedTokens", lifetime);
            return this;
        }

        /**
         * Told of authentication outcomes, cache hits, misses and loads, repository errors, limiter
         * refusals and the JDBC change feed's lag and reconnects (default {@link StoreAuthObserver#NOOP});
         * e.g. storeauth-micrometer's {@code MicrometerObserver}.
         */
        public Builder observer(StoreAuthObserver observer) {
            this.observer = once("observer", Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /** How many accounts the cache holds (default 100,000). */
        public Builder cacheMaximumSize(long size) {
            this.cacheMaximumSize = once("cacheMaximumSize", positive(size, "cacheMaximumSize"));
            return this;
        }

        /** How long a found account is trusted without asking the repository again (default 5 minutes). */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = once("cacheTtl", positive(ttl, "cacheTtl"));
            return this;
        }

        /** How long "not found" is kept (default 30 seconds). */
        public Builder negativeCacheTtl(Duration ttl) {
            this.negativeCacheTtl = once("negativeCacheTtl", positive(ttl, "negativeCacheTtl"));
            return this;
        }

        /** The longest wait for the repository before the request is answered 503 (default 2 seconds). */
        public Builder lookupTimeout(Duration timeout) {
            this.lookupTimeout = once("lookupTimeout", positive(timeout, "lookupTimeout"));
            return this;
        }

        /**
         * Bounds the work unproven credentials cause: {@code maxFailures} failed checks per client
         * address, and per legacy username at an address, refilled smoothly over {@code window}; then
         * 429 for credentials this node has not proven, never for those it has.
         */
        public Builder failureThrottle(int maxFailures, Duration window) {
            once("failureThrottle", true);
            this.maxFailures = (int) positive(maxFailures, "maxFailures");
            this.failureWindow = positive(window, "window");
            return this;
        }

        /** No failure throttling (e.g. when a proxy in front limits failures). */
        public Builder noFailureThrottle() {
            once("failureThrottle", true);
            this.maxFailures = 0;
            return this;
        }

        /** Each store's request quota (default: none); see {@link StoreQuota}. */
        public Builder storeQuota(StoreQuota quota) {
            this.storeQuota = once("storeQuota", Objects.requireNonNull(quota, "quota"));
            return this;
        }

        /**
         * The deprecation of legacy Basic accounts that Basic clients are told of, and whether Basic
         * is refused after its sunset (default: none); see
         * {@link dev.storeauth.auth.Authenticator.Builder#legacyDeprecation}.
         */
        public Builder legacyDeprecation(LegacyDeprecation policy) {
            this.legacyDeprecation = once("legacyDeprecation", Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Where the failure throttle and the store quota count (default {@link LimitStore#local()});
         * closed with the {@link StoreAuth}, or by {@link #build()} when it fails.
         */
        public Builder limitStore(LimitStore limits) {
            this.limits = once("limitStore", Objects.requireNonNull(limits, "limits"));
            return this;
        }

        /** Whether last-used times are recorded in the repository, in batches (default {@code true}). */
        public Builder recordUsage(boolean recordUsage) {
            this.recordUsage = once("recordUsage", recordUsage);
            return this;
        }

        /** For {@link #jdbc}: how long change-table rows are kept (default 1 hour; pruned every 10 minutes). */
        public Builder changeRetention(Duration retention) {
            this.changeRetention = once("changeRetention", positive(retention, "changeRetention"));
            return this;
        }

        /**
         * On PostgreSQL, how long the {@code LISTEN} connection may stay silent before a {@code SELECT 1}
         * checks it, and how long that may take (default 5 s and 2 s): a node whose feed dies without a
         * word reports the feed disconnected, reconnects and clears its cache within {@code every + timeout}.
         * Needs {@link #jdbc}.
         *
         * <pre>{@code
         * builder.jdbc(dataSource).changeFeedProbe(Duration.ofSeconds(2), Duration.ofSeconds(1));
         * }</pre>
         *
         * @throws IllegalArgumentException unless both are at least 1 ms and {@code timeout < every}
         */
        public Builder changeFeedProbe(Duration every, Duration timeout) {
            this.feedProbe = once("changeFeedProbe", new ListenProbe(every, timeout));
            return this;
        }

        /**
         * How long audit events are kept (default 365 days); older ones are deleted every hour, by every
         * node, for any repository.
         */
        public Builder auditRetention(Duration retention) {
            this.auditRetention = once("auditRetention", positive(retention, "auditRetention"));
            return this;
        }

        /**
         * Adds the account lifecycle: creation, listing and deletion by store owners.
         *
         * @param apiHost the API's host as it appears in a URL, used in returned API paths
         */
        public Builder lifecycle(StoreOwnership ownership, String apiHost) {
            once("lifecycle", true);
            this.ownership = Objects.requireNonNull(ownership, "ownership");
            this.apiHost = Objects.requireNonNull(apiHost, "apiHost");
            return this;
        }

        /** Told of every committed lifecycle change (e.g. an audit log); needs {@link #lifecycle}. */
        public Builder lifecycleListener(LifecycleEvent.Listener listener) {
            this.lifecycleListener = once("lifecycleListener", Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The most OAuth accounts a store may have (default 50); needs {@link #lifecycle}. */
        public Builder oauthAccountLimit(int limit) {
            this.oauthAccountLimit = once("oauthAccountLimit", (int) positive(limit, "oauthAccountLimit"));
            return this;
        }

        /**
         * The credential policy of stores that have not set their own (default {@link CredentialPolicy#none()});
         * needs {@link #lifecycle}.
         */
        public Builder defaultCredentialPolicy(CredentialPolicy policy) {
            this.defaultCredentialPolicy = once("defaultCredentialPolicy", Objects.requireNonNull(policy, "policy"));
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
            try {
                check((dataSource == null) != (repository == null), "give exactly one of jdbc(...) and repository(...)");
                check(dataSource == null || changeFeed == null, "a JDBC repository has its own change feed");
                check(dataSource != null || !given.contains("changeRetention"), "changeRetention applies to jdbc(...) only");
                check(dataSource != null || !given.contains("changeFeedProbe"), "changeFeedProbe applies to jdbc(...) only");
                check(ownership != null || !given.contains("lifecycleListener"), "lifecycleListener needs lifecycle(...)");
                check(ownership != null || !given.contains("oauthAccountLimit"), "oauthAccountLimit needs lifecycle(...)");
                check(reportOnlyRoutes != null || reportOnlyListener == null, "reportOnlyListener needs reportOnlyRoutes(...)");
                check(ownership != null || !given.contains("defaultCredentialPolicy"),
                        "defaultCredentialPolicy needs lifecycle(...)");
            } catch (IllegalStateException e) {
                // The limit store was given to be closed with the StoreAuth; there will be none.
                if (limits != null) {
                    limits.close();
                }
                throw e;
            }
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
}
