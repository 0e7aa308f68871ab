package dev.storeauth.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storeauth.StoreAuth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Contradictory or invalid properties stop the start, naming the property. */
class StoreAuthPropertiesTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreAuthAutoConfiguration.class))
            .withUserConfiguration(StoreAuthAutoConfigurationTest.H2.class);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            storeauth.error-format=json                        | storeauth.error-format
            storeauth.trusted-proxies=proxy.example.com        | storeauth.trusted-proxies
            storeauth.limits.store-quota=lots                  | storeauth.limits.store-quota
            storeauth.limits.store-quotas.bigshop=9            | storeauth.limits.store-quotas.bigshop
            storeauth.limits.store=memcached://x               | storeauth.limits.store: expected local
            storeauth.limits.max-failures=-1                   | storeauth.limits.max-failures
            storeauth.legacy.sunset=2030-01-01                 | storeauth.legacy.deprecated-since is required
            storeauth.cache.ttl=0s                             | storeauth.cache.ttl must be a positive duration
            storeauth.cache.maximum-size=0                     | storeauth.cache.maximum-size must be positive
            storeauth.token-endpoint.token-lifetime=30s        | storeauth.token-endpoint.token-lifetime
            storeauth.token-endpoint.path=/stores/oauth2/token | lies under storeauth.filter.url-patterns
            storeauth.management.path=/manage                  | storeauth.management.path must be a prefix pattern
            storeauth.filter.url-patterns=stores               | storeauth.filter.url-patterns
            storeauth.filter.api-prefix=api/                   | storeauth.filter.api-prefix
            storeauth.realm=say "hi"                           | storeauth.realm
            storeauth.scope-catalogue=bigcommerce              | storeauth.scope-catalogue: expected storeauth or platform
            storeauth.change-feed-probe.every=0s               | storeauth.change-feed-probe.every must be a positive duration
            storeauth.change-feed-probe.timeout=-1s            | storeauth.change-feed-probe.timeout must be a positive duration
            storeauth.change-feed-probe.timeout=5s             | storeauth.change-feed-probe.timeout PT5S must be shorter
            storeauth.change-feed-probe.timeout=500us          | storeauth.change-feed-probe: probe interval
            """)
    void anInvalidPropertyStopsTheStartNamingIt(String property, String message) {
        runner.withPropertyValues(property).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageContaining(message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            storeauth.legacy.deprecated-since=2023-07-01,storeauth.legacy.sunset=2030-01-01
            storeauth.limits.store-quota=450/30s,storeauth.limits.store-quotas.internal=off
            storeauth.limits.max-failures=0,storeauth.trusted-proxies=10.0.0.0/8
            storeauth.error-format=bigcommerce,storeauth.filter.url-patterns=/api/stores/*,storeauth.filter.api-prefix=/api
            storeauth.change-feed-probe.every=2s,storeauth.change-feed-probe.timeout=1s,storeauth.scope-catalogue=platform
            """)
    void consistentPropertiesStart(String properties) {
        runner.withPropertyValues(properties.split(",")).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(StoreAuth.class));
    }

    @org.junit.jupiter.api.Test
    void withoutADataSourceTheStartFailsSayingWhatIsNeeded() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(StoreAuthAutoConfiguration.class))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("storeauth needs a DataSource bean"));
    }

    @org.junit.jupiter.api.Test
    void aStoreOwnershipBeanWithoutAnApiHostFailsTheStart() {
        runner.withBean(dev.storeauth.lifecycle.StoreOwnership.class, () -> (store, user) -> false)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("storeauth.api-host is required"));
    }
}
