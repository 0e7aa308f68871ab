/**
 * storeauth's core: API-account authentication and authorization for a multi-store REST API, free of
 * servlet types. Start at {@link dev.storeauth.StoreAuth}, which wires everything below it.
 *
 * <p>Exported: the assembly ({@code dev.storeauth}), account records and digests
 * ({@code accounts}, {@code credentials}), short-lived access tokens ({@code grant}) and the
 * client-credentials grant that issues them ({@code clientgrant}), the audit trail ({@code audit}), the
 * authenticator and the {@code CredentialScheme} SPI ({@code auth}), scopes and routes ({@code policy}), the
 * account repository SPI and change events ({@code repository}), cache statistics ({@code cache}), the
 * account lifecycle ({@code lifecycle}), leaked-token reports ({@code leak}) and the observer metrics
 * bindings implement ({@code observe}). Everything else (credential
 * parsing, IP and CIDR text, the cache itself, path reading, the
 * failure throttle, the JDBC repository and its change feeds) is implementation and may change in
 * any release.
 */
module dev.storeauth.core {
    requires transitive java.sql;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;
    requires io.github.bucket4j.core;
    // Fleet-wide limits: Redis through Lettuce, or PostgreSQL; each only when configured.
    requires static io.github.bucket4j.lettuce;
    requires static io.github.bucket4j.redis.common;
    requires static lettuce.core;
    requires static io.github.bucket4j.postgresql;
    // Only the PostgreSQL change feed uses the driver's LISTEN/NOTIFY types, and only on PostgreSQL.
    requires static org.postgresql.jdbc;

    exports dev.storeauth;
    exports dev.storeauth.accounts;
    exports dev.storeauth.audit;
    exports dev.storeauth.auth;
    exports dev.storeauth.cache;
    exports dev.storeauth.clientgrant;
    exports dev.storeauth.credentials;
    exports dev.storeauth.grant;
    exports dev.storeauth.leak;
    exports dev.storeauth.lifecycle;
    exports dev.storeauth.observe;
    exports dev.storeauth.policy;
    exports dev.storeauth.repository;
    // The management endpoints validate store hashes in their paths by the same rule.
    exports dev.storeauth.policy.internal to dev.storeauth.servlet;
    // Trusted proxies and forwarded addresses are read by the same IP and CIDR rules as allowlists, and the
    // token endpoint checks its realm by the authenticator's rule.
    exports dev.storeauth.net.internal to dev.storeauth.servlet;
    // The secret-scanning endpoint bounds its signature checks per client address with the failure throttle.
    exports dev.storeauth.throttle to dev.storeauth.servlet;
}
