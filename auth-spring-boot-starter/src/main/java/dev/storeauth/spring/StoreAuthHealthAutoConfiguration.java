package dev.storeauth.spring;

import dev.storeauth.StoreAuth;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code storeauth} health component, when Spring Boot Actuator is on the class path; off with
 * {@code management.health.storeauth.enabled=false}.
 */
@AutoConfiguration(after = StoreAuthAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(StoreAuth.class)
@ConditionalOnProperty(prefix = "management.health.storeauth", name = "enabled", matchIfMissing = true)
public class StoreAuthHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "storeauthHealthIndicator")
    StoreAuthHealthIndicator storeauthHealthIndicator(StoreAuth storeAuth) {
        return new StoreAuthHealthIndicator(storeAuth);
    }
}
