package dev.storeauth.bench.load;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.demo.server.TlsKeystore;
import dev.storeauth.micrometer.MicrometerObserver;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.servlet.StoreAuthFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server {@code benchmarks/load.sh} drives: one servlet, reachable unprotected under
 * {@code /open/*} and behind {@link StoreAuthFilter} under {@code /stores/*}, over an in-memory
 * store whose lookups are counted ({@code GET /open/stats}). Loopback only.
 *
 * <p>Arguments: port, a file to write well-formed unknown tokens to, how many to write, and
 * optionally a directory for a throwaway TLS key store (the demo's self-signed one,
 * {@link TlsKeystore}). With it the port speaks HTTPS and the filter requires TLS, its default;
 * without it, plain HTTP with TLS not required, as behind a proxy that terminates TLS. {@code LOAD_APP} picks the servlet: {@code hello}
 * (the default) writes 35 bytes and does nothing else, the hardest case for the filter's share;
 * {@code demo} is the demo's store API over in-memory H2 ({@link DemoApi}), a page of 10 products
 * as a real endpoint would serve it. {@code LOAD_FEATURES} picks the filter's configuration:
 * {@code core} (the default) or {@code all}, with the failure throttle, a store quota and the
 * Micrometer observer on. Prints
 * {@code JVM <cpus> CPU(s), GC <collectors>}, then {@code READY token=<valid token>} when serving.
 */
public final class LoadServer {

    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: LoadServer PORT UNKNOWN_TOKENS_FILE UNKNOWN_TOKEN_COUNT [TLS_KEY_STORE_DIR]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        SecretGenerator generator = new SecretGenerator();
        SecretDigester digester = SecretDigester.sha256();
        writeUnknownTokens(Path.of(args[1]), Integer.parseInt(args[2]), generator);

        String token = generator.generate(SecretKind.ACCESS_TOKEN);
        InMemoryAccountRepository repository = new InMemoryAccountRepository();
        repository.insertOAuthAccount(new OAuthAccount("load-1", "loadstore", "Load test account",
                generator.generate(SecretKind.CLIENT_ID), digester.digest(generator.generate(SecretKind.CLIENT_SECRET)),
                digester.digest(token), Scopes.of(Map.of("products", AccessLevel.MODIFY)), Instant.now()), 50,
                AuditEntry.of(Instant.now(), "load-test", AuditAction.OAUTH_ACCOUNT_CREATED, "loadstore"));
        LongAdder lookups = new LongAdder();
        AccountLookup counting = key -> {
            lookups.increment();
            return repository.find(key);
        };
        AccountCache cache = AccountCache.builder(counting)
                .negativeExpireAfterWrite(Duration.ofSeconds(30)).build();
        boolean tls = args.length > 3;
        Authenticator authenticator = authenticator(cache, tls, System.getenv().getOrDefault("LOAD_FEATURES", "core"));

        Server server = new Server();
        ServerConnector connector = tls ? tlsConnector(server, TlsKeystore.ensure(Path.of(args[3]))) : new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder app = new ServletHolder(servlet(System.getenv().getOrDefault("LOAD_APP", "hello")));
        context.addServlet(app, "/open/*");
        context.addServlet(app, "/stores/*");
        context.addServlet(new ServletHolder(new Stats(lookups)), "/open/stats");
        context.addFilter(new FilterHolder(new StoreAuthFilter(authenticator)), "/stores/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        System.out.println("JVM " + Runtime.getRuntime().availableProcessors() + " CPU(s), GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
        System.out.println("READY token=" + token);
        server.join();
    }

    /**
     * {@code core}: the authenticator's defaults. {@code all}: also the failure throttle, a store
     * quota counted on every request (set high enough that the load never reaches it, so every
     * answer is still a 200 with its quota headers) and the Micrometer observer over a Prometheus
     * registry, as the demo runs with {@code --metrics-port}.
     */
    private static Authenticator authenticator(AccountCache cache, boolean tls, String features) {
        Authenticator.Builder builder = Authenticator.builder(cache).requireTls(tls);
        switch (features) {
            case "core" -> { }
            case "all" -> builder.throttle(20, Duration.ofMinutes(1))
                    .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("900000000/30s")))
                    .observer(new MicrometerObserver(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
            default -> throw new IllegalArgumentException("LOAD_FEATURES is core or all, not " + features);
        }
        return builder.build();
    }

    private static HttpServlet servlet(String app) throws SQLException {
        return switch (app) {
            case "hello" -> new Hello();
            case "demo" -> DemoApi.servlet("loadstore", 10);
            default -> throw new IllegalArgumentException("LOAD_APP is hello or demo, not " + app);
        };
    }

    private static ServerConnector tlsConnector(Server server, TlsKeystore keystore) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.keyStore().toString());
        tls.setKeyStorePassword(keystore.password());
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer(false));
        return new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(config));
    }

    private static void writeUnknownTokens(Path file, int count, SecretGenerator generator) throws IOException {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(generator.generate(SecretKind.ACCESS_TOKEN));
        }
        Files.write(file, tokens, StandardCharsets.US_ASCII);
    }

    private static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final byte[] BODY = "{\"data\":[{\"id\":1,\"name\":\"Widget\"}]}".getBytes(StandardCharsets.UTF_8);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }

    private static final class Stats extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient LongAdder lookups;

        Stats(LongAdder lookups) {
            this.lookups = lookups;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"store_lookups\":" + lookups.sum() + "}");
        }
    }
}
