package dev.storeauth.spring;

import static dev.storeauth.spring.PropertyValues.check;

import dev.storeauth.StoreAuth;
import java.time.Duration;
import java.util.List;

/**
 * Checks {@link StoreAuthProperties} as a whole at binding time, so that a contradiction stops the
 * application's start with a message naming the property rather than surfacing on a request.
 */
final class PropertiesCheck {

    private PropertiesCheck() {
    }

    /** @throws IllegalStateException naming the first property at fault */
    static void validate(StoreAuthProperties p) {
        PropertyValues.realm(p);
        PropertyValues.errorFormat(p);
        PropertyValues.scopeCatalogue(p);
        PropertyValues.trustedProxies(p);
        PropertyValues.storeQuota(p.getLimits());
        PropertyValues.legacyDeprecation(p.getLegacy());
        positive("storeauth.cache.maximum-size", p.getCache().getMaximumSize());
        positive("storeauth.cache.ttl", p.getCache().getTtl());
        positive("storeauth.cache.negative-ttl", p.getCache().getNegativeTtl());
        positive("storeauth.cache.lookup-timeout", p.getCache().getLookupTimeout());
        positive("storeauth.audit-retention", p.getAuditRetention());
        positive("storeauth.change-retention", p.getChangeRetention());
        changeFeedProbe(p.getChangeFeedProbe());
        positive("storeauth.limits.failure-window", p.getLimits().getFailureWindow());
        check(p.getLimits().getMaxFailures() >= 0, "storeauth.limits.max-failures must be 0 (off) or positive");
        String store = p.getLimits().getStore().strip();
        check(store.equals("local") || store.equals("postgresql") || store.startsWith("redis://")
                || store.startsWith("rediss://"), "storeauth.limits.store: expected local, redis://host:port or postgresql");
        positive("storeauth.management.oauth-account-limit", p.getManagement().getOauthAccountLimit());
        if (p.getTokenEndpoint().isEnabled()) {
            PropertyValues.named("storeauth.token-endpoint.token-lifetime",
                    () -> StoreAuth.builder().shortLivedTokens(p.getTokenEndpoint().getTokenLifetime()));
        }
        paths(p);
    }

    private static void changeFeedProbe(ChangeFeedProbeProperties probe) {
        positive("storeauth.change-feed-probe.every", probe.getEvery());
        positive("storeauth.change-feed-probe.timeout", probe.getTimeout());
        check(probe.getTimeout().compareTo(probe.getEvery()) < 0, "storeauth.change-feed-probe.timeout "
                + probe.getTimeout() + " must be shorter than storeauth.change-feed-probe.every " + probe.getEvery());
        PropertyValues.named("storeauth.change-feed-probe",
                () -> StoreAuth.builder().changeFeedProbe(probe.getEvery(), probe.getTimeout()));
    }

    private static void paths(StoreAuthProperties p) {
        List<String> patterns = p.getFilter().getUrlPatterns();
        if (p.getFilter().isEnabled()) {
            check(!patterns.isEmpty(), "storeauth.filter.url-patterns must not be empty while the filter is enabled");
            patterns.forEach(pattern -> check(pattern.startsWith("/") || pattern.startsWith("*."),
                    "storeauth.filter.url-patterns: a pattern starts with / or *.: " + pattern));
        }
        String token = p.getTokenEndpoint().getPath();
        if (p.getTokenEndpoint().isEnabled()) {
            check(token.startsWith("/") && !token.contains("*"),
                    "storeauth.token-endpoint.path must be an exact path like /oauth2/token: " + token);
            check(!p.getFilter().isEnabled() || !guarded(patterns, token), "storeauth.token-endpoint.path " + token
                    + " lies under storeauth.filter.url-patterns " + patterns + "; the filter would refuse token requests");
        }
        String manage = p.getManagement().getPath();
        if (p.getManagement().isEnabled()) {
            check(manage.startsWith("/") && manage.endsWith("/*") && manage.length() > 2,
                    "storeauth.management.path must be a prefix pattern like /manage/stores/*: " + manage);
            check(!p.getFilter().isEnabled() || !guarded(patterns, manage.substring(0, manage.length() - 1)),
                    "storeauth.management.path " + manage + " lies under storeauth.filter.url-patterns " + patterns);
        }
    }

    /** Whether a servlet URL pattern of {@code patterns} matches {@code path}. */
    private static boolean guarded(List<String> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> pattern.equals(path) || pattern.equals("/*")
                || pattern.endsWith("/*") && path.startsWith(pattern.substring(0, pattern.length() - 1)));
    }

    private static void positive(String name, long value) {
        check(value > 0, name + " must be positive: " + value);
    }

    private static void positive(String name, Duration value) {
        check(value != null && !value.isNegative() && !value.isZero(), name + " must be a positive duration: " + value);
    }
}
