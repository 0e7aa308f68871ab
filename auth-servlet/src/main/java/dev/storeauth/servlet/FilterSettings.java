package dev.storeauth.servlet;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.auth.AuthenticatorBuilder;
import dev.storeauth.throttle.FailureThrottle;
import dev.storeauth.cache.AccountCache;
import dev.storeauth.cache.AccountCacheBuilder;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.repository.AccountLookup;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code web.xml} init-params of {@link StoreAuthFilter}. Unknown names and invalid values fail
 * {@code init} with a message naming the parameter, so a half-configured filter never serves.
 *
 * <table>
 *   <caption>init-params</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code store-factory}</td><td>class name of a {@link AccountRepositoryFactory}</td><td>one of these two is required</td></tr>
 *   <tr><td>{@code store-datasource}</td><td>JNDI name of a {@code DataSource} for the JDBC store, e.g. {@code java:comp/env/jdbc/storeauth}</td><td></td></tr>
 *   <tr><td>{@code realm}</td><td>realm in challenges</td><td>{@code storeauth}</td></tr>
 *   <tr><td>{@code cache-max-size}</td><td>accounts cached</td><td>100000</td></tr>
 *   <tr><td>{@code cache-ttl}</td><td>how long a found account is trusted (ISO-8601, e.g. {@code PT5M}, or seconds)</td><td>{@code PT5M}</td></tr>
 *   <tr><td>{@code negative-cache-ttl}</td><td>how long "not found" is kept</td><td>{@code PT30S}</td></tr>
 *   <tr><td>{@code lookup-timeout}</td><td>longest wait for the store before 503</td><td>{@code PT2S}</td></tr>
 *   <tr><td>{@code require-tls}</td><td>refuse plain HTTP with 403; TLS means the container's TLS request attributes, or {@code X-Forwarded-Proto: https} from a trusted proxy, never the request-line's scheme</td><td>{@code true}</td></tr>
 *   <tr><td>{@code trusted-proxies}</td><td>comma-separated literal IPs/CIDRs (IPv4 dotted quads, IPv6 text; never names, never resolved) whose {@code X-Forwarded-Proto} and {@code X-Forwarded-For} count</td><td>none</td></tr>
 *   <tr><td>{@code api-prefix}</td><td>path before {@code /stores/...}, e.g. {@code /api}</td><td>empty</td></tr>
 *   <tr><td>{@code retry-after}</td><td>seconds in {@code Retry-After} on 503</td><td>5</td></tr>
 *   <tr><td>{@code max-failures}</td><td>failed authentications per client address or legacy username per window before 429; 0 turns throttling off</td><td>20</td></tr>
 *   <tr><td>{@code failure-window}</td><td>the throttling window</td><td>{@code PT1M}</td></tr>
 *   <tr><td>{@code digest-key-env}</td><td>environment variable holding a base64 HMAC key (at least 32 bytes); unset means SHA-256</td><td></td></tr>
 * </table>
 */
final class FilterSettings {

    static final int DEFAULT_RETRY_AFTER_SECONDS = 5;
    static final Set<String> NAMES = Set.of("store-factory", "store-datasource", "realm", "cache-max-size",
            "cache-ttl", "negative-cache-ttl", "lookup-timeout", "require-tls", "trusted-proxies", "api-prefix",
            "retry-after", "digest-key-env", "max-failures", "failure-window");

    private final String apiPrefix;
    private final TrustedProxies trustedProxies;
    private final int retryAfterSeconds;
    private final StoreResources store;
    private final Authenticator authenticator;

    private FilterSettings(InitParams params, StoreResources store, Authenticator authenticator) {
        this.apiPrefix = params.parse("api-prefix", FilterSettings::requirePrefix, "");
        this.trustedProxies = params.parse("trusted-proxies", TrustedProxies::parse, TrustedProxies.none());
        this.retryAfterSeconds = (int) Math.min(params.positiveLong("retry-after", DEFAULT_RETRY_AFTER_SECONDS), 86_400);
        this.store = store;
        this.authenticator = authenticator;
    }

    static FilterSettings from(FilterConfig config) throws ServletException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            raw.put(name, config.getInitParameter(name));
        }
        try {
            InitParams params = new InitParams(raw, NAMES);
            boolean requireTls = params.bool("require-tls", true);
            SecretDigester digester = digester(params);
            StoreSources.Opened opened = StoreSources.open(params);
            AccountCache store = cache(params, opened.store());
            StoreResources resources = new StoreResources(store);
            try {
                AuthenticatorBuilder builder = Authenticator.builder(store)
                        .realm(params.string("realm", "storeauth"))
                        .requireTls(requireTls)
                        .digester(digester)
                        .usageRecorder(resources.attach(opened));
                throttle(params).ifPresent(builder::throttle);
                Authenticator authenticator = builder.build();
                return new FilterSettings(params, resources, authenticator);
            } catch (RuntimeException e) {
                resources.close();
                throw e;
            }
        } catch (IllegalArgumentException e) {
            throw new ServletException("StoreAuthFilter: " + e.getMessage(), e);
        }
    }

    /** Everything init-params opened, to close on {@code destroy()}. */
    AutoCloseable store() {
        return store;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    String apiPrefix() {
        return apiPrefix;
    }

    TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * @throws IllegalArgumentException unless empty or {@code /segment[/segment...]} without a trailing slash
     */
    static String requirePrefix(String prefix) {
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//"))) {
            throw new IllegalArgumentException("api-prefix must be empty or like /api (no trailing slash): " + prefix);
        }
        return prefix;
    }

    private static AccountCache cache(InitParams params, AccountLookup store) {
        AccountCacheBuilder builder = AccountCache.builder(store);
        builder.maximumSize(params.positiveLong("cache-max-size", 100_000));
        builder.expireAfterWrite(params.duration("cache-ttl", "PT5M"));
        builder.negativeExpireAfterWrite(params.duration("negative-cache-ttl", "PT30S"));
        builder.lookupTimeout(params.duration("lookup-timeout", "PT2S"));
        return builder.build();
    }

    private static java.util.Optional<FailureThrottle> throttle(InitParams params) {
        String max = params.string("max-failures", "20");
        if (max.equals("0")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FailureThrottle((int) Math.min(params.positiveLong("max-failures", 20), 1_000_000),
                params.duration("failure-window", "PT1M"), 100_000, Ticker.systemTicker()));
    }

    private static SecretDigester digester(InitParams params) {
        String variable = params.string("digest-key-env", "");
        if (variable.isEmpty()) {
            return SecretDigester.sha256();
        }
        String key = System.getenv(variable);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("digest-key-env: environment variable " + variable + " is not set");
        }
        try {
            return SecretDigester.hmacSha256(java.util.Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("digest-key-env: " + variable + " must hold base64 of at least 32 bytes");
        }
    }
}
