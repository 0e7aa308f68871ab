package dev.storeauth.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storeauth.StoreAuth;
import dev.storeauth.micrometer.MicrometerObserver;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.InMemoryAccountRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration makes, and how each backs off. */
class StoreAuthAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreAuthAutoConfiguration.class,
                    StoreAuthHealthAutoConfiguration.class))
            .withUserConfiguration(H2.class);

    @Test
    void overADataSourceItMakesTheStoreAuthFilterTokenEndpointAndHealthIndicator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(StoreAuth.class)
                    .hasBean(StoreAuthAutoConfiguration.FILTER_REGISTRATION)
                    .hasBean(StoreAuthServletsConfiguration.TOKEN_ENDPOINT)
                    .hasSingleBean(StoreAuthHealthIndicator.class)
                    .doesNotHaveBean(StoreAuthObserver.class);
            assertThat(context.getBean(StoreAuth.class).clientCredentialsGrant()).isPresent();
            FilterRegistrationBean<?> filter = context.getBean(StoreAuthAutoConfiguration.FILTER_REGISTRATION,
                    FilterRegistrationBean.class);
            assertThat(filter.getUrlPatterns()).containsExactly("/stores/*");
        });
    }

    @Test
    void withoutAStoreOwnershipBeanThereAreNoManagementEndpoints() {
        runner.run(context -> assertThat(context).doesNotHaveBean(StoreAuthServletsConfiguration.MANAGEMENT));
    }

    @Test
    void withAStoreOwnershipBeanTheManagementEndpointsAreRegistered() {
        runner.withBean(dev.storeauth.lifecycle.StoreOwnership.class, () -> (store, user) -> false)
                .withPropertyValues("storeauth.api-host=api.example.com")
                .run(context -> {
                    assertThat(context).hasBean(StoreAuthServletsConfiguration.MANAGEMENT);
                    assertThat(context.getBean(StoreAuth.class).lifecycle()).isPresent();
                });
    }

    @Test
    void scopeCataloguePlatformGivesTheStoreAuthThePlatformsCatalogue() {
        runner.withBean(dev.storeauth.lifecycle.StoreOwnership.class, () -> (store, user) -> false)
                .withPropertyValues("storeauth.api-host=api.example.com", "storeauth.scope-catalogue=platform")
                .run(context -> assertThat(context.getBean(StoreAuth.class).lifecycle().orElseThrow().catalogue())
                        .isSameAs(ScopeCatalogue.platform()));
    }

    @Test
    void withoutScopeCatalogueTheStoreAuthHasStoreauthsOwn() {
        runner.withBean(dev.storeauth.lifecycle.StoreOwnership.class, () -> (store, user) -> false)
                .withPropertyValues("storeauth.api-host=api.example.com")
                .run(context -> assertThat(context.getBean(StoreAuth.class).lifecycle().orElseThrow().catalogue())
                        .isSameAs(ScopeCatalogue.defaults()));
    }

    @Test
    void reportOnlyRoutesAreReadOverTheSelectedCatalogue(@TempDir Path dir) throws IOException {
        Path routes = Files.writeString(dir.resolve("routes.txt"), "v3 /inventory inventory\n");
        String file = "storeauth.report-only-routes=" + routes;
        runner.withPropertyValues(file, "storeauth.scope-catalogue=platform")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues(file).run(context -> assertThat(context).hasFailed().getFailure()
                .hasMessageContaining("storeauth.report-only-routes"));
    }

    @Test
    void theApplicationsOwnStoreAuthWins() {
        runner.withUserConfiguration(OwnStoreAuth.class).withPropertyValues("storeauth.token-endpoint.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(StoreAuth.class)
                        .getBean(StoreAuth.class).isSameAs(context.getBean("ownStoreAuth")));
    }

    @Test
    void theApplicationsOwnFilterRegistrationOfThatNameWins() {
        runner.withUserConfiguration(OwnFilterRegistration.class).run(context -> assertThat(
                context.getBean(StoreAuthAutoConfiguration.FILTER_REGISTRATION)).isSameAs(OwnFilterRegistration.MINE));
    }

    @Test
    void theFilterTokenAndManagementEndpointsCanEachBeDisabled() {
        runner.withPropertyValues("storeauth.filter.enabled=false", "storeauth.token-endpoint.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(StoreAuth.class)
                            .doesNotHaveBean(StoreAuthAutoConfiguration.FILTER_REGISTRATION)
                            .doesNotHaveBean(StoreAuthServletsConfiguration.TOKEN_ENDPOINT);
                    assertThat(context.getBean(StoreAuth.class).clientCredentialsGrant()).isEmpty();
                });
    }

    @Test
    void storeauthEnabledFalseConfiguresNothing() {
        runner.withPropertyValues("storeauth.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(StoreAuth.class)
                        .doesNotHaveBean(StoreAuthHealthIndicator.class));
    }

    @Test
    void withoutActuatorThereIsNoHealthIndicator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(StoreAuth.class)
                        .doesNotHaveBean(StoreAuthHealthIndicator.class));
    }

    @Test
    void withAMeterRegistryTheMicrometerObserverIsInstalled() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).getBean(StoreAuthObserver.class).isInstanceOf(MicrometerObserver.class);
            context.getBean(StoreAuth.class).health();
            assertThat(context.getBean(MeterRegistry.class).getMeters()).isNotEmpty();
        });
    }

    @Test
    void withoutStoreauthMicrometerThereIsNoObserver() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MicrometerObserver.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StoreAuthObserver.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class H2 {
        @Bean
        DataSource dataSource() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:runner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStoreAuth {
        @Bean
        StoreAuth ownStoreAuth() {
            return StoreAuth.builder().repository(new InMemoryAccountRepository()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFilterRegistration {
        static final FilterRegistrationBean<?> MINE = new FilterRegistrationBean<>();

        @Bean(StoreAuthAutoConfiguration.FILTER_REGISTRATION)
        FilterRegistrationBean<?> mine() {
            return MINE;
        }
    }
}
