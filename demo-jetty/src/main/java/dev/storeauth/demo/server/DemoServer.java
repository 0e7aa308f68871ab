package dev.storeauth.demo.server;

import dev.storeauth.StoreAuth;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.data.ControlPanelUsers;
import dev.storeauth.demo.data.DataDirectory;
import dev.storeauth.demo.data.DemoDatabase;
import dev.storeauth.demo.data.DemoSchema;
import dev.storeauth.demo.data.FirstStart;
import dev.storeauth.demo.data.PasswordHasher;
import dev.storeauth.demo.data.SeededStore;
import dev.storeauth.micrometer.MicrometerObserver;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.servlet.leak.SecretScanningKeys;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running demo: database, account store with its cache, change feed, last-used recorder and
 * store quota, and Jetty. {@link #close()} stops Jetty first (letting requests in flight finish), then closes
 * the rest in reverse order of opening. Start it with {@link #start}.
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    /** The public page the {@code Link} of every answer to a Basic request points at. */
    static final String LEGACY_PAGE = "/manage/assets/legacy-basic.html";

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private Server jetty;
    private Connectors connectors;
    private MetricsEndpoint metrics;
    private TlsKeystore keystore;
    private String publicHost;
    private Optional<String> certificateNotice = Optional.empty();
    private FirstStart firstStart;
    private SeededStore store;
    private String databaseDescription;
    private Optional<StoreQuota.Quota> storeQuota = Optional.empty();
    private Optional<LocalDate> legacySunset = Optional.empty();
    private Optional<Path> reportOnlyRoutes = Optional.empty();
    private Optional<SecretScanningKeys> leakReportKeys = Optional.empty();

    private DemoServer() {
    }

    /**
     * Starts the demo; on failure, whatever was opened is closed again.
     *
     * @param environment reads environment variables (the first-start passwords)
     * @throws Exception if the data directory, the certificate, the database or a port is unusable,
     *     or the database serves another store than {@code --store-hash}
     */
    public static DemoServer start(DemoOptions options, Function<String, Optional<String>> environment)
            throws Exception {
        DemoServer server = new DemoServer();
        try {
            server.open(options, environment);
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /**
     * Binds the ports before anything is written to the data directory, so a start that cannot
     * listen leaves no store and no users behind; the key store waits in a temporary directory until then.
     */
    private void open(DemoOptions options, Function<String, Optional<String>> environment) throws Exception {
        publicHost = options.publicHost();
        // Read first: a bad file stops the start before anything is bound or written.
        reportOnlyRoutes = options.reportOnlyRoutes();
        legacySunset = options.legacySunset();
        Optional<RouteTable> candidate = reportOnlyRoutes.map(file ->
                DemoPolicies.reportOnlyRoutes(file, options.scopeCatalogue()));
        leakReportKeys = DemoPolicies.leakReportKeys(options);
        PendingKeystore tls = own(TlsKeystore.prepare(options.dataDir(), options.publicHost()));
        certificateNotice = tls.notice();
        certificateNotice.ifPresent(notice -> LOG.info("{}", notice));
        jetty = new Server(new QueuedThreadPool(64, 4, 60_000, -1, null, null, r -> new Thread(r, "demo-http")));
        jetty.setStopTimeout(5_000);
        jetty.setErrorHandler(new ProblemErrorHandler());
        connectors = new Connectors(jetty, tls.forJetty(), options);
        own(this::closeConnectors);
        metrics = options.metricsPort().isPresent() ? own(MetricsEndpoint.bind(options.metricsPort().getAsInt())) : null;
        DataDirectory.secure(options.dataDir());
        keystore = tls.install();
        DemoDatabase database = own(DemoDatabase.open(options));
        databaseDescription = database.description();
        DemoSchema.migrate(database.dataSource());
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
        ControlPanelUsers users = new ControlPanelUsers(database.dataSource(), hasher);
        // Built (and the account tables migrated) before the first start and the commit mark read them.
        storeQuota = options.storeQuota();
        StoreAuth.Builder builder = StoreAuth.builder().catalogue(options.scopeCatalogue());
        candidate.ifPresent(builder::reportOnlyRoutes);
        PrometheusMeterRegistry registry = metrics == null ? null : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        if (registry != null) {
            builder.observer(new MicrometerObserver(registry));
        }
        StoreAuth storeAuth = own(builder.jdbc(database.dataSource()).realm(DemoContext.REALM)
                .storeQuota(storeQuota.map(StoreQuota::everyStore).orElse(StoreQuota.off()))
                .limitStore(limitStore(options, database.dataSource()))
                .legacyDeprecation(DemoPolicies.legacyDeprecation(legacySunset, httpsBase()))
                .shortLivedTokens(Duration.ofHours(1))
                .lifecycle(users::isOwner, httpsBase().getAuthority()).lifecycleListener(new AuditLog()).build());
        firstStart = new FirstStart(database.dataSource(), hasher, environment);
        store = firstStart.ensureStore(options.storeHash());
        own(database.keepCommitMark());
        jetty.setHandler(DemoContext.build(new DemoContext.Parts(database.dataSource(), storeAuth, users,
                httpsBase().toString(), options.publicHost(), connectors.httpsPort(), leakReportKeys,
                options.errorFormat())));
        jetty.setRequestLog(RequestLogs.oneLine());
        if (metrics != null) {
            metrics.serve(registry, storeAuth::health);
        }
        jetty.start();
        tls.close();
        DataDirectory.secure(options.dataDir());
    }

    /** Jetty closes its connectors when it stops, but only once it has started. */
    private void closeConnectors() {
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector bound) {
                bound.close();
            }
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    /** {@code https://} the public host (an IPv6 literal in brackets) and the HTTPS port. */
    public URI httpsBase() {
        return URI.create("https://" + PublicHost.inUrl(publicHost) + ":" + connectors.httpsPort());
    }

    /** The host clients use, as {@code --public-host} gave it. */
    String publicHost() {
        return publicHost;
    }

    /** Why the certificate was replaced on this start (clients must trust the new one); empty if it was not. */
    Optional<String> certificateNotice() {
        return certificateNotice;
    }

    public int httpsPort() {
        return connectors.httpsPort();
    }

    public int httpPort() {
        return connectors.httpPort();
    }

    /** The port of {@code GET /metrics} and {@code GET /health} on 127.0.0.1; empty unless {@code --metrics-port} was given. */
    public OptionalInt metricsPort() {
        return metrics == null ? OptionalInt.empty() : OptionalInt.of(metrics.port());
    }

    public String storeHash() {
        return store.storeHash();
    }

    /**
     * Passwords generated on this start: e-mail to password. Generated on the first start, and on
     * every later one until {@link #passwordsShown()} is called.
     */
    public Map<String, String> generatedPasswords() {
        return store.generatedPasswords();
    }

    /**
     * Records that {@link #generatedPasswords()} reached the user (the banner was printed), so the
     * next start keeps them.
     *
     * @throws SQLException if the database refuses
     */
    public void passwordsShown() throws SQLException {
        firstStart.passwordsShown(store.generatedPasswords().keySet());
    }

    public TlsKeystore keystore() {
        return keystore;
    }

    String databaseDescription() {
        return databaseDescription;
    }

    /** Redis with {@code --redis-url}; else the database when it is PostgreSQL, so a fleet shares its limits. */
    private static LimitStore limitStore(DemoOptions options, javax.sql.DataSource dataSource) {
        if (options.redisUrl().isPresent()) {
            return LimitStore.redis(options.redisUrl().get());
        }
        return options.jdbcUrl().filter(url -> url.startsWith("jdbc:postgresql:")).isPresent()
                ? LimitStore.postgres(dataSource) : LimitStore.local();
    }

    /** The route table file applied in report-only mode, as {@code --report-only-routes} gave it; empty for none. */
    Optional<Path> reportOnlyRoutesFile() {
        return reportOnlyRoutes;
    }

    /** The day HTTP Basic is refused from, as {@code --legacy-sunset} gave it; empty for none. */
    Optional<LocalDate> legacySunset() {
        return legacySunset;
    }

    /** Whether leaked-token reports are taken ({@code --leak-report-keys}). */
    boolean takesLeakReports() {
        return leakReportKeys.isPresent();
    }

    /** Every store's request quota, as {@code --store-quota} gave it; empty for none. */
    Optional<StoreQuota.Quota> storeQuota() {
        return storeQuota;
    }

    /** The start-up banner. */
    public String banner() {
        return Banner.of(this);
    }

    /** Blocks until Jetty stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops Jetty, then closes the rest; idempotent, never throws. */
    @Override
    public synchronized void close() {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("stopping Jetty failed: {}", e.toString());
            }
        }
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", e.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
