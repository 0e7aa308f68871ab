package dev.storeauth.spring;

import dev.storeauth.StoreAuth;
import dev.storeauth.lifecycle.StoreOwnership;
import dev.storeauth.servlet.TokenEndpointServlet;
import dev.storeauth.servlet.TrustedProxies;
import dev.storeauth.servlet.manage.AccountManagementServlet;
import dev.storeauth.servlet.manage.CsrfTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token endpoint ({@code storeauth.token-endpoint.*}) and, given a {@link StoreOwnership} bean,
 * the account-management endpoints ({@code storeauth.management.*}); each backs off when disabled or
 * when the application registers a bean of the same name.
 */
@Configuration(proxyBeanMethods = false)
class StoreAuthServletsConfiguration {

    static final String TOKEN_ENDPOINT = "storeAuthTokenEndpoint";
    static final String MANAGEMENT = "storeAuthManagement";

    @Bean(TOKEN_ENDPOINT)
    @ConditionalOnProperty(prefix = "storeauth.token-endpoint", name = "enabled", matchIfMissing = true)
    @ConditionalOnMissingBean(name = TOKEN_ENDPOINT)
    ServletRegistrationBean<TokenEndpointServlet> storeAuthTokenEndpoint(StoreAuth storeAuth,
            StoreAuthProperties properties, TrustedProxies proxies) {
        TokenEndpointServlet servlet = new TokenEndpointServlet(storeAuth.clientCredentialsGrant().orElseThrow(
                () -> new IllegalStateException("storeauth.token-endpoint.enabled: the StoreAuth bean issues no"
                        + " short-lived tokens (build it with shortLivedTokens(...)), or set it to false")),
                properties.getRealm(), proxies);
        ServletRegistrationBean<TokenEndpointServlet> registration = new ServletRegistrationBean<>(servlet,
                properties.getTokenEndpoint().getPath());
        registration.setName("storeauthTokenEndpoint");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean(MANAGEMENT)
    @ConditionalOnProperty(prefix = "storeauth.management", name = "enabled", matchIfMissing = true)
    @ConditionalOnBean(StoreOwnership.class)
    @ConditionalOnMissingBean(name = MANAGEMENT)
    ServletRegistrationBean<AccountManagementServlet> storeAuthManagement(StoreAuth storeAuth,
            StoreAuthProperties properties, CsrfTokens csrfTokens, TrustedProxies proxies) {
        AccountManagementServlet servlet = new AccountManagementServlet(storeAuth.lifecycle().orElseThrow(
                () -> new IllegalStateException("storeauth.management.enabled: the StoreAuth bean has no account"
                        + " lifecycle (build it with lifecycle(...)), or set it to false")), csrfTokens, proxies);
        ServletRegistrationBean<AccountManagementServlet> registration = new ServletRegistrationBean<>(servlet,
                properties.getManagement().getPath());
        registration.setName("storeauthManagement");
        return registration;
    }
}
