package dev.storeauth.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code storeauth.*} properties. Left out, each keeps {@link dev.storeauth.StoreAuth.Builder}'s
 * default. Contradictions fail the application's start with a message naming the property.
 *
 * <pre>{@code
 * storeauth.api-host=api.example.com
 * storeauth.filter.url-patterns=/stores/*
 * storeauth.error-format=bigcommerce
 * storeauth.scope-catalogue=platform
 * }</pre>
 */
@ConfigurationProperties(prefix = "storeauth")
public class StoreAuthProperties implements InitializingBean {

    /** Whether storeauth is configured at all. */
    private boolean enabled = true;
    /** The realm named in WWW-Authenticate challenges. */
    private String realm = "storeauth";
    /**
     * The API's host as it appears in a URL, used in the API paths the management endpoints return;
     * required when the application has a StoreOwnership bean.
     */
    private String apiHost = "";
    /**
     * Whether plain HTTP is refused with 403. TLS means the container's TLS request attributes, or
     * X-Forwarded-Proto: https from a trusted proxy, never the request line's scheme.
     */
    private boolean requireTls = true;
    /** Whether a request proved by an OAuth token must name the token's client ID in X-Auth-Client. */
    private boolean verifyClientId = false;
    /** How denials are written: rfc9457 (application/problem+json) or bigcommerce (the platform's shapes). */
    private String errorFormat = "rfc9457";
    /**
     * Literal IP addresses or CIDR blocks of the proxies whose X-Forwarded-Proto and X-Forwarded-For
     * are believed; never host names.
     */
    private List<String> trustedProxies = new ArrayList<>();
    /** Whether last-used times (and addresses) are recorded in the repository, in batches. */
    private boolean recordUsage = true;
    /** How long audit events are kept before the hourly prune deletes them. */
    private Duration auditRetention = Duration.ofDays(365);
    /** How long rows of the JDBC change table are kept (pruned every 10 minutes). */
    private Duration changeRetention = Duration.ofHours(1);
    /**
     * The scopes accounts are granted from: storeauth (storeauth's own catalogue and routes) or
     * platform (the platform's full scope list, with the platform's routes).
     */
    private String scopeCatalogue = "storeauth";
    /**
     * Path of a UTF-8 file (at most 1 MiB) holding a route table over the scope-catalogue, applied
     * in report-only mode beside the enforcing one; empty for none.
     */
    private String reportOnlyRoutes = "";

    @NestedConfigurationProperty
    private final CacheProperties cache = new CacheProperties();
    @NestedConfigurationProperty
    private final LimitsProperties limits = new LimitsProperties();
    @NestedConfigurationProperty
    private final LegacyProperties legacy = new LegacyProperties();
    @NestedConfigurationProperty
    private final FilterProperties filter = new FilterProperties();
    @NestedConfigurationProperty
    private final TokenEndpointProperties tokenEndpoint = new TokenEndpointProperties();
    @NestedConfigurationProperty
    private final ManagementProperties management = new ManagementProperties();
    @NestedConfigurationProperty
    private final ChangeFeedProbeProperties changeFeedProbe = new ChangeFeedProbeProperties();

    /**
     * Checks the bound values together.
     *
     * @throws IllegalStateException naming the property at fault
     */
    @Override
    public void afterPropertiesSet() {
        PropertiesCheck.validate(this);
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getRealm() { return realm; }
    public void setRealm(String realm) { this.realm = realm; }
    public String getApiHost() { return apiHost; }
    public void setApiHost(String apiHost) { this.apiHost = apiHost; }
    public boolean isRequireTls() { return requireTls; }
    public void setRequireTls(boolean requireTls) { this.requireTls = requireTls; }
    public boolean isVerifyClientId() { return verifyClientId; }
    public void setVerifyClientId(boolean verifyClientId) { this.verifyClientId = verifyClientId; }
    public String getErrorFormat() { return errorFormat; }
    public void setErrorFormat(String errorFormat) { this.errorFormat = errorFormat; }
    public List<String> getTrustedProxies() { return trustedProxies; }
    public void setTrustedProxies(List<String> trustedProxies) { this.trustedProxies = trustedProxies; }
    public boolean isRecordUsage() { return recordUsage; }
    public void setRecordUsage(boolean recordUsage) { this.recordUsage = recordUsage; }
    public Duration getAuditRetention() { return auditRetention; }
    public void setAuditRetention(Duration auditRetention) { this.auditRetention = auditRetention; }
    public Duration getChangeRetention() { return changeRetention; }
    public void setChangeRetention(Duration changeRetention) { this.changeRetention = changeRetention; }
    public String getScopeCatalogue() { return scopeCatalogue; }
    public void setScopeCatalogue(String scopeCatalogue) { this.scopeCatalogue = scopeCatalogue; }
    public String getReportOnlyRoutes() { return reportOnlyRoutes; }
    public void setReportOnlyRoutes(String reportOnlyRoutes) { this.reportOnlyRoutes = reportOnlyRoutes; }
    public CacheProperties getCache() { return cache; }
    public LimitsProperties getLimits() { return limits; }
    public LegacyProperties getLegacy() { return legacy; }
    public FilterProperties getFilter() { return filter; }
    public TokenEndpointProperties getTokenEndpoint() { return tokenEndpoint; }
    public ManagementProperties getManagement() { return management; }
    public ChangeFeedProbeProperties getChangeFeedProbe() { return changeFeedProbe; }
}
