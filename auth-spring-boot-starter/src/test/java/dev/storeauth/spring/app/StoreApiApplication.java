package dev.storeauth.spring.app;

import dev.storeauth.lifecycle.StoreOwnership;
import dev.storeauth.servlet.manage.CsrfTokens;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A store API behind the starter: one controller, an owner of every store, a fixed CSRF token and a
 * stand-in for the application's sign-in that takes the caller from a test header.
 */
@SpringBootApplication
public class StoreApiApplication {

    public static final String OWNER = "owner@example.com";
    public static final String CSRF = "csrf-for-tests";

    public static void main(String[] args) {
        SpringApplication.run(StoreApiApplication.class, args);
    }

    @Bean
    StoreOwnership ownership() {
        return (storeHash, userId) -> userId.equals(OWNER);
    }

    @Bean
    CsrfTokens csrfTokens() {
        return request -> Optional.of(CSRF);
    }

    @Bean
    FilterRegistrationBean<TestSignIn> testSignIn() {
        FilterRegistrationBean<TestSignIn> registration = new FilterRegistrationBean<>(new TestSignIn());
        registration.addUrlPatterns("/manage/*");
        return registration;
    }
}
