package dev.storeauth.demo.cli;

import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.servlet.ErrorFormat;
import dev.storeauth.policy.internal.StoreHash;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the demo was asked to run with.
 *
 * @param httpsPort the HTTPS port, 0 for any free port
 * @param httpPort the plain-HTTP port that redirects pages and refuses API calls, 0 for any free port
 * @param dataDir where the H2 database, the TLS key store and its password are kept
 * @param jdbcUrl a database to use instead of the H2 file in {@code dataDir}
 * @param storeHash the store to serve; empty to use the one already in the database or a new one
 * @param bindAddress the IP address both connectors listen on (an IPv4 or IPv6 literal)
 * @param publicHost the host name clients use: in the certificate, the banner and every redirect
 * @param storeQuota the store API requests every store may make per window; empty for none
 * @param redisUrl a Redis the limits count in, shared with every node using it; empty to count in
 *     the PostgreSQL of {@code jdbcUrl}, or in this process on H2
 * @param legacySunset the day from which HTTP Basic (legacy accounts) is refused, announced in
 *     {@code Sunset} until then; empty for no date (Basic is only marked deprecated)
 * @param reportOnlyRoutes a route table file applied in report-only mode beside the platform's; empty for none
 * @param leakReportKeys GitHub's secret-scanning keys, in its key-file format: with them the demo takes
 *     leaked-token reports at {@code POST /secret-scanning/reports}; empty for no such endpoint
 * @param errorFormat how the store API's denials and problems are written: RFC 9457 (the default) or
 *     the platform's own shapes
 * @param metricsPort a port on 127.0.0.1 only, plain HTTP, serving {@code GET /metrics} (Prometheus text)
 *     and {@code GET /health}, 0 for any free port; empty (the default) for no such port
 * @param scopeCatalogue the scopes accounts are granted from: storeauth's own (the default) or the
 *     platform's ({@code --scope-catalogue platform}), with its routes
 */
public record DemoOptions(int httpsPort, int httpPort, Path dataDir, Optional<String> jdbcUrl,
        Optional<String> storeHash, String bindAddress, String publicHost, Optional<StoreQuota.Quota> storeQuota,
        Optional<String> redisUrl, Optional<LocalDate> legacySunset, Optional<Path> reportOnlyRoutes,
        Optional<Path> leakReportKeys, ErrorFormat errorFormat, OptionalInt metricsPort,
        ScopeCatalogue scopeCatalogue) {

    /**
     * When the demo says HTTP Basic was deprecated, in every answer to a Basic request. The platform's
     * documentation says only that it is "gradually deprecating Basic Authentication", without a date;
     * this is the demo's own.
     */
    public static final LocalDate LEGACY_DEPRECATED_SINCE = LocalDate.of(2023, 7, 1);

    /** Listens on the loopback interface only unless {@code --bind} says otherwise. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** The name in the certificate and in redirects unless {@code --public-host} says otherwise. */
    public static final String DEFAULT_PUBLIC_HOST = "localhost";

    /** Each store's quota unless {@code --store-quota} says otherwise: the platform's larger plan. */
    public static final StoreQuota.Quota DEFAULT_STORE_QUOTA = StoreQuota.Quota.parse("450/30s");

    /**
     * The defaults: HTTPS 8443, HTTP 8080, {@code ./demo-data}, embedded H2, store from the database,
     * {@link #DEFAULT_STORE_QUOTA}.
     */
    public static final DemoOptions DEFAULTS = new DemoOptions(8443, 8080, Path.of("demo-data"),
            Optional.empty(), Optional.empty());

    /**
     * @throws IllegalArgumentException for a port outside 0-65535, equal non-zero ports, a JDBC URL
     *     not starting {@code jdbc:}, a malformed store hash, a bind address that is not an IP
     *     literal, or a public host that is neither a DNS name nor an IP literal
     */
    public DemoOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(publicHost, "publicHost");
        Objects.requireNonNull(storeQuota, "storeQuota");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(legacySunset, "legacySunset");
        Objects.requireNonNull(reportOnlyRoutes, "reportOnlyRoutes");
        legacySunset.filter(day -> day.isBefore(LEGACY_DEPRECATED_SINCE)).ifPresent(day -> {
            throw new IllegalArgumentException("--legacy-sunset must not be before Basic was deprecated, "
                    + LEGACY_DEPRECATED_SINCE + " (got " + day + ")");
        });
        Objects.requireNonNull(leakReportKeys, "leakReportKeys");
        Objects.requireNonNull(errorFormat, "errorFormat");
        Objects.requireNonNull(metricsPort, "metricsPort");
        Objects.requireNonNull(scopeCatalogue, "scopeCatalogue");
        metricsPort.ifPresent(port -> requirePort("--metrics-port", port));
        metricsPort.stream().filter(port -> port != 0 && (port == httpsPort || port == httpPort)).findAny()
                .ifPresent(port -> {
                    throw new IllegalArgumentException("--metrics-port must differ from --port and --http-port (got "
                            + port + ")");
                });
        redisUrl.filter(url -> !url.startsWith("redis://") && !url.startsWith("rediss://")).ifPresent(url -> {
            // Not echoed: a URL may carry a password.
            throw new IllegalArgumentException("--redis-url must start with redis:// or rediss://");
        });
        requirePort("--port", httpsPort);
        requirePort("--http-port", httpPort);
        if (httpsPort != 0 && httpsPort == httpPort) {
            throw new IllegalArgumentException("--port and --http-port must differ (both are " + httpPort + ")");
        }
        jdbcUrl.filter(url -> !url.startsWith("jdbc:")).ifPresent(url -> {
            throw new IllegalArgumentException("--jdbc-url must start with jdbc: (got " + url + ")");
        });
        storeHash.filter(hash -> !StoreHash.isValid(hash)).ifPresent(hash -> {
            throw new IllegalArgumentException("--store-hash must be 1-" + StoreHash.MAX_LENGTH
                    + " lower-case letters and digits (got " + hash + ")");
        });
        if (!HostNames.isIpLiteral(bindAddress)) {
            throw new IllegalArgumentException("--bind must be an IPv4 or IPv6 address, such as 127.0.0.1 or ::1 (got "
                    + bindAddress + ")");
        }
        if (!HostNames.isDnsName(publicHost) && !HostNames.isIpLiteral(publicHost)) {
            throw new IllegalArgumentException("--public-host must be a DNS name or an IP address (got "
                    + publicHost + ")");
        }
    }

    /** Listens on {@link #DEFAULT_BIND}, calls itself {@link #DEFAULT_PUBLIC_HOST}, has {@link #DEFAULT_STORE_QUOTA}. */
    public DemoOptions(int httpsPort, int httpPort, Path dataDir, Optional<String> jdbcUrl, Optional<String> storeHash) {
        this(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, DEFAULT_BIND, DEFAULT_PUBLIC_HOST);
    }

    /** Has {@link #DEFAULT_STORE_QUOTA}. */
    public DemoOptions(int httpsPort, int httpPort, Path dataDir, Optional<String> jdbcUrl, Optional<String> storeHash,
            String bindAddress, String publicHost) {
        this(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost,
                Optional.of(DEFAULT_STORE_QUOTA), Optional.empty());
    }

    /** No legacy sunset, no report-only routes, no leaked-token reports. */
    public DemoOptions(int httpsPort, int httpPort, Path dataDir, Optional<String> jdbcUrl, Optional<String> storeHash,
            String bindAddress, String publicHost, Optional<StoreQuota.Quota> storeQuota, Optional<String> redisUrl) {
        this(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota, redisUrl,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Writes problems in RFC 9457 form, has no metrics port. */
    public DemoOptions(int httpsPort, int httpPort, Path dataDir, Optional<String> jdbcUrl, Optional<String> storeHash,
            String bindAddress, String publicHost, Optional<StoreQuota.Quota> storeQuota, Optional<String> redisUrl,
            Optional<LocalDate> legacySunset, Optional<Path> reportOnlyRoutes, Optional<Path> leakReportKeys) {
        this(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota, redisUrl,
                legacySunset, reportOnlyRoutes, leakReportKeys, ErrorFormat.RFC9457, OptionalInt.empty());
    }

    /** Grants from storeauth's own scope catalogue. */
    public DemoOptions(int httpsPort, int httpPort, Path dataDir, Optional<String> jdbcUrl, Optional<String> storeHash,
            String bindAddress, String publicHost, Optional<StoreQuota.Quota> storeQuota, Optional<String> redisUrl,
            Optional<LocalDate> legacySunset, Optional<Path> reportOnlyRoutes, Optional<Path> leakReportKeys,
            ErrorFormat errorFormat, OptionalInt metricsPort) {
        this(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota, redisUrl,
                legacySunset, reportOnlyRoutes, leakReportKeys, errorFormat, metricsPort, ScopeCatalogue.defaults());
    }

    /** These options granting scopes from {@code catalogue}. */
    public DemoOptions withScopeCatalogue(ScopeCatalogue catalogue) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota,
                redisUrl, legacySunset, reportOnlyRoutes, leakReportKeys, errorFormat, metricsPort, catalogue);
    }

    /** These options writing the store API's problems in {@code format}. */
    public DemoOptions withErrorFormat(ErrorFormat format) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota,
                redisUrl, legacySunset, reportOnlyRoutes, leakReportKeys, format, metricsPort, scopeCatalogue);
    }

    /** These options serving metrics on 127.0.0.1:{@code port} (0 for any free port); empty for none. */
    public DemoOptions withMetricsPort(OptionalInt port) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota,
                redisUrl, legacySunset, reportOnlyRoutes, leakReportKeys, errorFormat, port, scopeCatalogue);
    }

    /** These options with {@code quota} instead; empty for no quota. */
    public DemoOptions withStoreQuota(Optional<StoreQuota.Quota> quota) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, quota,
                redisUrl, legacySunset, reportOnlyRoutes, leakReportKeys, errorFormat, metricsPort, scopeCatalogue);
    }

    /** These options counting limits in the Redis at {@code url}; empty for the default. */
    public DemoOptions withRedisUrl(Optional<String> url) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota,
                url, legacySunset, reportOnlyRoutes, leakReportKeys, errorFormat, metricsPort, scopeCatalogue);
    }

    /** These options refusing HTTP Basic from {@code day} on; empty for no sunset. */
    public DemoOptions withLegacySunset(Optional<LocalDate> day) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota,
                redisUrl, day, reportOnlyRoutes, leakReportKeys, errorFormat, metricsPort, scopeCatalogue);
    }

    /** These options applying the route table in {@code file} in report-only mode; empty for none. */
    public DemoOptions withReportOnlyRoutes(Optional<Path> file) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota,
                redisUrl, legacySunset, file, leakReportKeys, errorFormat, metricsPort, scopeCatalogue);
    }

    /** These options taking leaked-token reports signed by the keys in {@code keyFile}; empty for none. */
    public DemoOptions withLeakReportKeys(Optional<Path> keyFile) {
        return new DemoOptions(httpsPort, httpPort, dataDir, jdbcUrl, storeHash, bindAddress, publicHost, storeQuota,
                redisUrl, legacySunset, reportOnlyRoutes, keyFile, errorFormat, metricsPort, scopeCatalogue);
    }

    private static void requirePort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(option + " must be a port number 0-65535 (got " + port + ")");
        }
    }
}
