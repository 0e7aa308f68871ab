package dev.storeauth.demo.cli;

import dev.storeauth.policy.StoreHash;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo was asked to run with.
 *
 * @param httpsPort the HTTPS port, 0 for any free port
 * @param httpPort the plain-HTTP port that redirects pages and refuses API calls, 0 for any free port
 * @param dataDir where the H2 database, the TLS key store and its password are kept
 * @param jdbcUrl a database to use instead of the H2 file in {@code dataDir}
 * @param storeHash the store to serve; empty to use the one already in the database or a new one
 */
public record DemoOptions(int httpsPort, int httpPort, Path dataDir, Optional<String> jdbcUrl,
        Optional<String> storeHash) {

    /** The defaults: HTTPS 8443, HTTP 8080, {@code ./demo-data}, embedded H2, store from the database. */
    public static final DemoOptions DEFAULTS = new DemoOptions(8443, 8080, Path.of("demo-data"),
            Optional.empty(), Optional.empty());

    /**
     * @throws IllegalArgumentException for a port outside 0-65535, equal non-zero ports, a JDBC URL
     *     not starting {@code jdbc:}, or a malformed store hash
     */
    public DemoOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(storeHash, "storeHash");
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
    }

    private static void requirePort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(option + " must be a port number 0-65535 (got " + port + ")");
        }
    }
}
