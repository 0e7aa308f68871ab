package dev.storeauth.spring;

import dev.storeauth.StoreAuth;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.lifecycle.StoreOwnership;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountRepository;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Builds the {@link StoreAuth} that {@link StoreAuthProperties} and the application's beans describe,
 * as demo-jetty's server wires one by hand.
 */
final class StoreAuthFactory {

    /** What the application context offers besides the properties; each may be absent. */
    record Beans(Optional<DataSource> dataSource, Optional<AccountRepository> repository,
            Optional<StoreAuthObserver> observer, Optional<StoreOwnership> ownership, Optional<SecretDigester> digester) {
    }

    private StoreAuthFactory() {
    }

    /** @throws IllegalStateException naming what is missing or contradictory */
    static StoreAuth build(StoreAuthProperties p, Beans beans) {
        StoreAuth.Builder builder = StoreAuth.builder().realm(p.getRealm()).requireTls(p.isRequireTls())
                .verifyClientId(p.isVerifyClientId()).recordUsage(p.isRecordUsage())
                .auditRetention(p.getAuditRetention()).cacheMaximumSize(p.getCache().getMaximumSize())
                .cacheTtl(p.getCache().getTtl()).negativeCacheTtl(p.getCache().getNegativeTtl())
                .lookupTimeout(p.getCache().getLookupTimeout())
                .storeQuota(PropertyValues.storeQuota(p.getLimits()))
                .catalogue(PropertyValues.scopeCatalogue(p));
        repository(builder, p, beans);
        throttle(builder, p.getLimits());
        PropertyValues.legacyDeprecation(p.getLegacy()).ifPresent(builder::legacyDeprecation);
        PropertyValues.reportOnlyRoutes(p).ifPresent(builder::reportOnlyRoutes);
        beans.observer().ifPresent(builder::observer);
        beans.digester().ifPresent(builder::digester);
        if (p.getTokenEndpoint().isEnabled()) {
            builder.shortLivedTokens(p.getTokenEndpoint().getTokenLifetime());
        }
        beans.ownership().ifPresent(ownership -> lifecycle(builder, p, ownership));
        // Last, as it may open connections: from here on build() closes it if it fails.
        builder.limitStore(limitStore(p.getLimits().getStore(), beans.dataSource()));
        return builder.build();
    }

    private static void repository(StoreAuth.Builder builder, StoreAuthProperties p, Beans beans) {
        if (beans.repository().isPresent()) {
            builder.repository(beans.repository().get());
            return;
        }
        DataSource dataSource = beans.dataSource().orElseThrow(() -> new IllegalStateException(
                "storeauth needs a DataSource bean (e.g. spring.datasource.url) for its JDBC account repository,"
                        + " an AccountRepository bean, or a StoreAuth bean of the application's own"));
        ChangeFeedProbeProperties probe = p.getChangeFeedProbe();
        builder.jdbc(dataSource).changeRetention(p.getChangeRetention())
                .changeFeedProbe(probe.getEvery(), probe.getTimeout());
    }

    private static void throttle(StoreAuth.Builder builder, LimitsProperties limits) {
        if (limits.getMaxFailures() == 0) {
            builder.noFailureThrottle();
        } else {
            builder.failureThrottle(limits.getMaxFailures(), limits.getFailureWindow());
        }
    }

    private static void lifecycle(StoreAuth.Builder builder, StoreAuthProperties p, StoreOwnership ownership) {
        PropertyValues.check(!p.getApiHost().isBlank(), "storeauth.api-host is required with a StoreOwnership bean:"
                + " the management endpoints name the API's host in the paths they return");
        builder.lifecycle(ownership, p.getApiHost().strip())
                .oauthAccountLimit(p.getManagement().getOauthAccountLimit());
    }

    private static LimitStore limitStore(String store, Optional<DataSource> dataSource) {
        String value = store.strip();
        if (value.equals("local")) {
            return LimitStore.local();
        }
        if (value.startsWith("redis://") || value.startsWith("rediss://")) {
            return LimitStore.redis(value);
        }
        if (value.equals("postgresql")) {
            return LimitStore.postgres(dataSource.orElseThrow(() -> new IllegalStateException(
                    "storeauth.limits.store=postgresql counts in the application's DataSource, and there is none")));
        }
        // The value is not echoed: a mistyped Redis URI may carry a password.
        throw new IllegalStateException("storeauth.limits.store: expected local, redis://host:port or postgresql");
    }
}
