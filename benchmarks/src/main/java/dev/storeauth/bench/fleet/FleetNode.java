package dev.storeauth.bench.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.jdbc.AccountChangeFeed;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import dev.storeauth.servlet.StoreAuthFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One node of a fleet, in a JVM of its own: a HikariCP pool on the given database, the JDBC store,
 * an {@link AccountCache} over it whose store lookups are counted per key ({@link LookupCounts}), the
 * database's change feed, and {@link StoreAuthFilter} in front of a small servlet under
 * {@code /stores/*}. Plain HTTP on loopback. Control endpoints: {@code POST /open/revoke?id=&token=}
 * deletes account {@code id} of store {@code fleet} as the lifecycle would (and evicts it here);
 * {@code GET /open/stats} answers the feed's reconnects and state and the lookup counts;
 * {@code GET /open/delivered?token=} when the feed delivered that token's change ({@link Deliveries}).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.fleet.FleetNode 19001 'jdbc:postgresql://127.0.0.1:5432/storeauth_fleet?user=postgres'
 * }</pre>
 *
 * {@code FLEET_LOOKUP_THREADS} (default 8, the cache's default) sizes the cache's lookup pool; the
 * connection pool has 4 more. Prints {@code READY port=<port>} when serving.
 */
public final class FleetNode {

    static final String STORE = "fleet";

    private FleetNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FleetNode PORT JDBC_URL");
            System.exit(2);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setMaximumPoolSize(Integer.parseInt(System.getenv().getOrDefault("FLEET_LOOKUP_THREADS", "8")) + 4);
        config.setPoolName("fleet-node-" + args[0]);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
        LookupCounts counts = new LookupCounts(repository);
        LongAdder reconnects = new LongAdder();
        StoreAuthObserver observer = new StoreAuthObserver() {
            @Override
            public void changeFeedReconnected() {
                reconnects.increment();
            }

            @Override
            public void cacheLoaded(Duration took, boolean failed) {
                counts.loaded(took);
            }
        };
        AccountCache cache = AccountCache.builder(counts).observer(observer)
                .lookupThreads(Integer.parseInt(System.getenv().getOrDefault("FLEET_LOOKUP_THREADS", "8"))).build();
        Deliveries deliveries = new Deliveries(cache);
        AccountChangeFeed feed = AccountChangeFeed.start(pool, deliveries, observer);
        Server server = server(Integer.parseInt(args[0]), Authenticator.builder(cache).requireTls(false).build());
        ServletContextHandler context = (ServletContextHandler) server.getHandler();
        context.addServlet(new ServletHolder(new Revoke(repository, cache)), "/open/revoke");
        context.addServlet(new ServletHolder(new Stats(counts, reconnects, feed, cache)), "/open/stats");
        context.addServlet(new ServletHolder(deliveries.servlet()), "/open/delivered");
        server.start();
        System.out.println("READY port=" + args[0] + " feed=" + feed.getClass().getSimpleName());
        server.join();
    }

    private static Server server(int port, Authenticator authenticator) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Ok()), "/stores/*");
        context.addFilter(new FilterHolder(new StoreAuthFilter(authenticator)), "/stores/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        return server;
    }

    private static final class Ok extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"data\":[]}");
        }
    }

    private static final class Revoke extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient JdbcAccountRepository repository;
        private final transient AccountCache cache;

        Revoke(JdbcAccountRepository repository, AccountCache cache) {
            this.repository = repository;
            this.cache = cache;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            List<String> deleted = repository.deleteOAuthAccounts(STORE, List.of(request.getParameter("id")),
                    AuditEntry.of(Instant.now(), "fleet-bench", AuditAction.OAUTH_ACCOUNT_DELETED, STORE));
            LookupKey key = new LookupKey.ByTokenDigest(SecretDigester.sha256().digest(request.getParameter("token")));
            cache.onChange(new AccountChange.Changed(List.of(key)));
            response.getWriter().write("{\"deleted\":" + deleted.size() + "}");
        }
    }

    private static final class Stats extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient LookupCounts counts;
        private final transient LongAdder reconnects;
        private final transient AccountChangeFeed feed;
        private final transient AccountCache cache;

        Stats(LookupCounts counts, LongAdder reconnects, AccountChangeFeed feed, AccountCache cache) {
            this.counts = counts;
            this.reconnects = reconnects;
            this.feed = feed;
            this.cache = cache;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"reconnects\":" + reconnects.sum() + ",\"connected\":" + feed.connected()
                    + ",\"lookups\":" + counts.total() + ",\"distinct_keys\":" + counts.distinct()
                    + ",\"max_per_key\":" + counts.maxPerKey() + ",\"lookup_ms_mean\":" + counts.meanMillis()
                    + ",\"lookup_ms_max\":" + counts.maxMillis() + ",\"waits_timed_out\":" + cache.stats().timeoutCount()
                    + ",\"lookups_failed\":" + cache.stats().loadFailureCount() + "}");
        }
    }
}
