package dev.storeauth.spring;

import dev.storeauth.StoreAuth;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.lifecycle.StoreOwnership;
import dev.storeauth.micrometer.MicrometerObserver;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.servlet.ErrorFormat;
import dev.storeauth.servlet.StoreAuthFilter;
import dev.storeauth.servlet.TrustedProxies;
import dev.storeauth.servlet.manage.CsrfTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Configures storeauth in a servlet web application: the {@link StoreAuth} (over the application's
 * {@code DataSource}, or its {@code AccountRepository} bean), the trusted proxies, and the
 * {@link StoreAuthFilter} on {@code storeauth.filter.url-patterns}; with
 * {@link StoreAuthServletsConfiguration} the token and management endpoints, and with a
 * {@code MeterRegistry} a {@link MicrometerObserver}. Each bean backs off when the application
 * defines one of its type (the filter: a {@code StoreAuthFilter} bean or a registration of one).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({StoreAuth.class, StoreAuthFilter.class})
@ConditionalOnProperty(prefix = "storeauth", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StoreAuthProperties.class)
@Import(StoreAuthServletsConfiguration.class)
public class StoreAuthAutoConfiguration {

    /** The name of the filter's registration, which an application's bean of that name replaces. */
    public static final String FILTER_REGISTRATION = "storeAuthFilterRegistration";

    @Bean
    @ConditionalOnMissingBean
    StoreAuth storeAuth(StoreAuthProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<AccountRepository> repository, ObjectProvider<StoreAuthObserver> observer,
            ObjectProvider<StoreOwnership> ownership, ObjectProvider<SecretDigester> digester) {
        return StoreAuthFactory.build(properties, new StoreAuthFactory.Beans(
                Optional.ofNullable(dataSource.getIfAvailable()),
                Optional.ofNullable(repository.getIfAvailable()),
                Optional.ofNullable(observer.getIfAvailable()),
                Optional.ofNullable(ownership.getIfAvailable()),
                Optional.ofNullable(digester.getIfAvailable())));
    }

    @Bean
    @ConditionalOnMissingBean
    TrustedProxies storeAuthTrustedProxies(StoreAuthProperties properties) {
        return PropertyValues.trustedProxies(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    CsrfTokens storeAuthCsrfTokens(StoreAuthProperties properties) {
        return CsrfTokens.sessionAttribute(properties.getManagement().getCsrfSessionAttribute());
    }

    @Bean(FILTER_REGISTRATION)
    @ConditionalOnProperty(prefix = "storeauth.filter", name = "enabled", matchIfMissing = true)
    @ConditionalOnMissingBean(name = FILTER_REGISTRATION)
    @ConditionalOnMissingFilterBean(StoreAuthFilter.class)
    FilterRegistrationBean<StoreAuthFilter> storeAuthFilterRegistration(StoreAuth storeAuth,
            StoreAuthProperties properties, TrustedProxies proxies) {
        FilterProperties filter = properties.getFilter();
        ErrorFormat format = PropertyValues.errorFormat(properties);
        StoreAuthFilter storeAuthFilter = PropertyValues.named("storeauth.filter.api-prefix",
                () -> new StoreAuthFilter(storeAuth.authenticator(), filter.getApiPrefix(), proxies, format));
        FilterRegistrationBean<StoreAuthFilter> registration = new FilterRegistrationBean<>(storeAuthFilter);
        registration.setName("storeauth");
        registration.setUrlPatterns(filter.getUrlPatterns());
        registration.setOrder(filter.getOrder());
        registration.setAsyncSupported(true);
        return registration;
    }

    /** storeauth's meters in the application's registry, when storeauth-micrometer is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MicrometerObserver.class, MeterRegistry.class})
    static class MicrometerObserverConfiguration {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        StoreAuthObserver storeAuthObserver(MeterRegistry registry) {
            return new MicrometerObserver(registry);
        }
    }
}
