package dev.storeauth.servlet;

import dev.storeauth.StoreAuth;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.LegacyDeprecation;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code web.xml} init-params of {@link StoreAuthFilter}, applied to one {@link StoreAuth}
 * builder. Unknown names and invalid values fail {@code init} with a message naming the parameter,
 * so a half-configured filter never serves. Parameters left out keep the builder's defaults.
 *
 * <table>
 *   <caption>init-params</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code repository-datasource}</td><td>JNDI name of a {@code DataSource} for the JDBC account repository, e.g. {@code java:comp/env/jdbc/storeauth}; migrated on start, with its change feed and pruning</td><td>this or {@code configurer} is required</td></tr>
 *   <tr><td>{@code configurer}</td><td>class name of a {@link StoreAuthConfigurer}, given the init-params {@code configurer.*}</td><td></td></tr>
 *   <tr><td>{@code realm}</td><td>realm in challenges</td><td>{@code storeauth}</td></tr>
 *   <tr><td>{@code cache-max-size}</td><td>accounts cached</td><td>100000</td></tr>
 *   <tr><td>{@code cache-ttl}</td><td>how long a found account is trusted (ISO-8601, e.g. {@code PT5M}, or seconds)</td><td>{@code PT5M}</td></tr>
 *   <tr><td>{@code negative-cache-ttl}</td><td>how long "not found" is kept</td><td>{@code PT30S}</td></tr>
 *   <tr><td>{@code lookup-timeout}</td><td>longest wait for the account repository before 503</td><td>{@code PT2S}</td></tr>
 *   <tr><td>{@code require-tls}</td><td>refuse plain HTTP with 403; TLS means the container's TLS request attributes, or {@code X-Forwarded-Proto: https} from a trusted proxy, never the request-line's scheme</td><td>{@code true}</td></tr>
 *   <tr><td>{@code trusted-proxies}</td><td>comma-separated literal IPs/CIDRs (IPv4 dotted quads, IPv6 text; never names, never resolved) whose {@code X-Forwarded-Proto} and {@code X-Forwarded-For} count</td><td>none</td></tr>
 *   <tr><td>{@code api-prefix}</td><td>path before {@code /stores/...}, e.g. {@code /api}</td><td>empty</td></tr>
 *   <tr><td>{@code retry-after}</td><td>seconds in {@code Retry-After} on 503</td><td>5</td></tr>
 *   <tr><td>{@code max-failures}</td><td>failed authentications per client address or legacy username per window before 429; 0 turns throttling off</td><td>20</td></tr>
 *   <tr><td>{@code failure-window}</td><td>the throttling window</td><td>{@code PT1M}</td></tr>
 *   <tr><td>{@code store-quota}</td><td>every store's request quota, shared by its accounts: {@code N/PERIOD} with PERIOD a number and {@code ms}, {@code s}, {@code m} or {@code h} (e.g. {@code 450/30s}), or {@code off}; answers carry {@code X-Rate-Limit-*}, over quota is 429</td><td>{@code off}</td></tr>
 *   <tr><td>{@code store-quotas}</td><td>per-store overrides of {@code store-quota}, separated by whitespace or commas: {@code storehash=N/PERIOD} or {@code storehash=off}, e.g. {@code bigshop=450/30s, internal=off}</td><td>none</td></tr>
 *   <tr><td>{@code limit-store}</td><td>where the failure throttle and the store quota count: {@code local} (this node), {@code redis://host:port} (every node using that Redis), or {@code postgresql} (every node on the {@code repository-datasource}); a shared store that is down falls back to local counting</td><td>{@code local}</td></tr>
 *   <tr><td>{@code audit-retention}</td><td>how long audit events are kept before the hourly prune deletes them</td><td>{@code P365D}</td></tr>
 *   <tr><td>{@code legacy-deprecated-since}</td><td>when HTTP Basic (legacy accounts) was or will be deprecated, {@code YYYY-MM-DD} (the start of that day in UTC): every answer to a proven Basic credential carries {@code Deprecation}; required by the three below</td><td>no deprecation</td></tr>
 *   <tr><td>{@code legacy-sunset}</td><td>when Basic stops being honoured, {@code YYYY-MM-DD}, not before the deprecation: sent as {@code Sunset}</td><td>none</td></tr>
 *   <tr><td>{@code legacy-deprecation-link}</td><td>absolute http(s) URI of the deprecation's documentation, sent as {@code Link} with {@code rel="deprecation"} (and {@code rel="sunset"} with a sunset)</td><td>none</td></tr>
 *   <tr><td>{@code legacy-refuse-after-sunset}</td><td>{@code true}: from the sunset on a proven Basic credential is {@code basic_auth_retired}</td><td>{@code false}</td></tr>
 *   <tr><td>{@code scope-catalogue}</td><td>the scopes accounts are granted from: {@code storeauth} ({@code ScopeCatalogue.defaults()}) or {@code platform} ({@code ScopeCatalogue.platform()}, with {@code RouteTable.platform()} unless a configurer gives routes)</td><td>{@code storeauth}</td></tr>
 *   <tr><td>{@code report-only-routes}</td><td>path of a UTF-8 file (at most 1 MiB) holding a route table in {@code RouteTable.parse} form over the {@code scope-catalogue}, applied in report-only mode: requests the enforcing table lets through and it would deny go on, and are counted and logged (INFO, logger {@code dev.storeauth.auth.ReportOnlyRoutes}, the first of each rule per minute)</td><td>none</td></tr>
 *   <tr><td>{@code verify-client-id}</td><td>{@code true}: a request proved by an OAuth token must name the token's client ID in {@code X-Auth-Client}, else 401 {@code client_id_mismatch}; Basic requests ignore the header</td><td>{@code false}</td></tr>
 *   <tr><td>{@code error-format}</td><td>how denials are written: {@code rfc9457} ({@code application/problem+json}) or {@code bigcommerce} (the platform's {@code application/json} shapes, see {@link ErrorFormat}); statuses and headers are the same</td><td>{@code rfc9457}</td></tr>
 *   <tr><td>{@code digest-key-env}</td><td>environment variable holding a base64 HMAC key (at least 32 bytes); unset means SHA-256</td><td></td></tr>
 * </table>
 */
final class FilterSettings {

    private static final String LIMIT_STORE = "limit-store";
    private static final String REPORT_ONLY_ROUTES = "report-only-routes";
    private static final String ERROR_FORMAT = "error-format";
    private static final String SCOPE_CATALOGUE = "scope-catalogue";

    static final int DEFAULT_RETRY_AFTER_SECONDS = 5;
    static final Set<String> NAMES = names(StoreSources.CONFIGURER, StoreSources.DATASOURCE, "realm",
            "cache-max-size", "cache-ttl", "negative-cache-ttl", "lookup-timeout", "require-tls", "trusted-proxies",
            "api-prefix", "retry-after", "digest-key-env", "max-failures", "failure-window", QuotaParams.QUOTA,
            QuotaParams.OVERRIDES, LIMIT_STORE, "audit-retention", REPORT_ONLY_ROUTES, ERROR_FORMAT,
            "verify-client-id", SCOPE_CATALOGUE);

    private final String apiPrefix;
    private final TrustedProxies trustedProxies;
    private final int retryAfterSeconds;
    private final ErrorFormat errorFormat;
    private final StoreAuth storeAuth;

    private FilterSettings(InitParams params) {
        this.apiPrefix = params.parse("api-prefix", FilterSettings::requirePrefix, "");
        this.trustedProxies = params.parse("trusted-proxies", TrustedProxies::parse, TrustedProxies.none());
        this.retryAfterSeconds = (int) Math.min(params.positiveLong("retry-after", DEFAULT_RETRY_AFTER_SECONDS), 86_400);
        this.errorFormat = params.parse(ERROR_FORMAT, ErrorFormat::parse, ErrorFormat.RFC9457);
        StoreAuth.Builder builder = StoreAuth.builder();
        StoreSources.apply(params, builder);
        apply(params, builder);
        this.storeAuth = builder.build();
    }

    static FilterSettings from(FilterConfig config) throws ServletException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            raw.put(name, config.getInitParameter(name));
        }
        try {
            return new FilterSettings(new InitParams(raw, NAMES, StoreSources.SETTING_PREFIX));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ServletException("StoreAuthFilter: " + e.getMessage(), e);
        }
    }

    private static Set<String> names(String... names) {
        Set<String> all = new HashSet<>(Set.of(names));
        all.addAll(LegacyParams.NAMES);
        return Set.copyOf(all);
    }

    /** Everything init-params opened, to close on {@code destroy()}. */
    StoreAuth storeAuth() {
        return storeAuth;
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

    ErrorFormat errorFormat() {
        return errorFormat;
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

    private static LimitStore limitStore(InitParams params) {
        String value = params.string(LIMIT_STORE, "local");
        if (value.equals("local")) {
            return LimitStore.local();
        }
        if (value.startsWith("redis://") || value.startsWith("rediss://")) {
            return LimitStore.redis(value);
        }
        if (value.equals("postgresql")) {
            String dataSource = params.string(StoreSources.DATASOURCE, "");
            if (dataSource.isEmpty()) {
                throw new IllegalArgumentException(LIMIT_STORE + ": postgresql counts in the "
                        + StoreSources.DATASOURCE + ", which is not given");
            }
            return LimitStore.postgres(StoreSources.lookUp(dataSource));
        }
        // The value is not echoed: a mistyped Redis URI may carry a password.
        throw new IllegalArgumentException(LIMIT_STORE + ": expected local, redis://host:port or postgresql");
    }

    /** The init-params given, each once; a setting the configurer made as well fails, naming it. */
    private static void apply(InitParams params, StoreAuth.Builder builder) {
        given(params, "realm", () -> builder.realm(params.string("realm", "")));
        given(params, "require-tls", () -> builder.requireTls(params.bool("require-tls", true)));
        given(params, "verify-client-id", () -> builder.verifyClientId(params.bool("verify-client-id", false)));
        given(params, "cache-max-size", () -> builder.cacheMaximumSize(params.positiveLong("cache-max-size", 1)));
        given(params, "cache-ttl", () -> builder.cacheTtl(params.duration("cache-ttl", "PT5M")));
        given(params, "negative-cache-ttl", () -> builder.negativeCacheTtl(params.duration("negative-cache-ttl", "PT30S")));
        given(params, "lookup-timeout", () -> builder.lookupTimeout(params.duration("lookup-timeout", "PT2S")));
        given(params, "digest-key-env", () -> builder.digester(digester(params.string("digest-key-env", ""))));
        given(params, "audit-retention", () -> builder.auditRetention(params.duration("audit-retention", "P365D")));
        if (params.has("max-failures") || params.has("failure-window")) {
            throttle(params, builder);
        }
        if (LegacyParams.given(params)) {
            LegacyDeprecation policy = LegacyParams.from(params);
            named(LegacyParams.SINCE, () -> builder.legacyDeprecation(policy));
        }
        ScopeCatalogue catalogue = params.parse(SCOPE_CATALOGUE, RouteFile::catalogue, ScopeCatalogue.defaults());
        given(params, SCOPE_CATALOGUE, () -> builder.catalogue(catalogue));
        if (params.has(REPORT_ONLY_ROUTES)) {
            RouteTable candidate = RouteFile.read(REPORT_ONLY_ROUTES, params.string(REPORT_ONLY_ROUTES, ""), catalogue);
            named(REPORT_ONLY_ROUTES, () -> builder.reportOnlyRoutes(candidate));
        }
        if (QuotaParams.given(params)) {
            StoreQuota quota = QuotaParams.from(params);
            named(params.has(QuotaParams.QUOTA) ? QuotaParams.QUOTA : QuotaParams.OVERRIDES,
                    () -> builder.storeQuota(quota));
        }
        // Last, as it may open connections: from here on the builder closes it if building fails.
        if (params.has(LIMIT_STORE)) {
            LimitStore limits = limitStore(params);
            try {
                named(LIMIT_STORE, () -> builder.limitStore(limits));
            } catch (IllegalArgumentException e) {
                limits.close();
                throw e;
            }
        }
    }

    private static void throttle(InitParams params, StoreAuth.Builder builder) {
        if (params.string("max-failures", "20").equals("0")) {
            builder.noFailureThrottle();
            return;
        }
        builder.failureThrottle((int) Math.min(params.positiveLong("max-failures", 20), 1_000_000),
                params.duration("failure-window", "PT1M"));
    }

    private static void given(InitParams params, String name, Runnable apply) {
        if (params.has(name)) {
            named(name, apply);
        }
    }

    /** Runs {@code apply}, its failure's message starting with {@code name}. */
    private static void named(String name, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(name) ? e.getMessage()
                    : name + ": " + e.getMessage(), e);
        }
    }

    private static SecretDigester digester(String variable) {
        if (variable.isEmpty()) {
            return SecretDigester.sha256();
        }
        String key = System.getenv(variable);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("digest-key-env: environment variable " + variable + " is not set");
        }
        try {
            return SecretDigester.hmacSha256(Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("digest-key-env: " + variable + " must hold base64 of at least 32 bytes");
        }
    }
}
