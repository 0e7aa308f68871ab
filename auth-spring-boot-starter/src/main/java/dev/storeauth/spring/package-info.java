/**
 * Spring Boot 3 auto-configuration for storeauth: a {@link dev.storeauth.StoreAuth} over the
 * application's {@code DataSource}, the {@link dev.storeauth.servlet.StoreAuthFilter} on the store
 * API's paths, the client-credentials token endpoint, the account management endpoints (when the
 * application has a {@link dev.storeauth.lifecycle.StoreOwnership} bean), Micrometer meters and an
 * Actuator health indicator, all set by the {@code storeauth.*} properties of
 * {@link dev.storeauth.spring.StoreAuthProperties}. Every bean backs off when the application
 * defines its own.
 */
package dev.storeauth.spring;
