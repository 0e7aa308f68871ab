package dev.storeauth.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.StoreAuth;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What a StoreAuth with the Micrometer observer counts, by meter and tag. */
class MicrometerObserverTest {

    private final SecretGenerator generator = new SecretGenerator();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final String token = generator.generate(SecretKind.ACCESS_TOKEN);

    MicrometerObserverTest() {
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, token), 100, TestAudit.ENTRY);
    }

    private static void get(StoreAuth storeAuth, String token) {
        storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "192.0.2.1"));
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void successesDenialsAndTheCacheAreCountedBySchemeOutcomeAndResult() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository)
                .observer(new MicrometerObserver(registry)).build()) {
            get(storeAuth, token);
            get(storeAuth, token);
            String unknown = generator.generate(SecretKind.ACCESS_TOKEN);
            get(storeAuth, unknown);
            get(storeAuth, unknown);
            storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v3/catalog/products",
                    ApiRequest.Headers.of(Map.of()), true, "192.0.2.1"));
        }
        assertEquals(2, count("storeauth.authentications", "scheme", "bearer", "outcome", "success"));
        assertEquals(2, count("storeauth.authentications", "scheme", "bearer", "outcome", "invalid_credentials"));
        assertEquals(1, count("storeauth.authentications", "scheme", "none", "outcome", "missing_credentials"));
        assertEquals(1, count("storeauth.cache.requests", "result", "hit"));
        assertEquals(2, count("storeauth.cache.requests", "result", "miss"));
        assertEquals(1, count("storeauth.cache.requests", "result", "negative_hit"));
        assertEquals(2, registry.get("storeauth.cache.load").tags("result", "success").timer().count());
        assertEquals(0, count("storeauth.store.errors"));
    }

    @Test
    void throttleAndQuotaRefusalsAreCountedByKind() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository).failureThrottle(1, Duration.ofHours(1))
                .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("1/1h")))
                .observer(new MicrometerObserver(registry)).build()) {
            get(storeAuth, token);
            get(storeAuth, token);
            get(storeAuth, generator.generate(SecretKind.ACCESS_TOKEN));
            get(storeAuth, generator.generate(SecretKind.ACCESS_TOKEN));
        }
        assertEquals(1, count("storeauth.limiter.refusals", "kind", "quota"));
        assertEquals(1, count("storeauth.limiter.refusals", "kind", "throttle"));
        assertEquals(1, count("storeauth.authentications", "scheme", "bearer", "outcome", "quota_exceeded"));
        assertEquals(1, count("storeauth.authentications", "scheme", "bearer", "outcome", "too_many_failures"));
    }

    @Test
    void aFailingStoreIsAStoreErrorAFailedLoadAndA503Outcome() {
        AccountRepository failing = (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("find")) {
                        throw new IllegalStateException("database on fire");
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (StoreAuth storeAuth = StoreAuth.builder().repository(failing).observer(new MicrometerObserver(registry))
                .build()) {
            assertThrows(RepositoryUnavailableException.class, () -> get(storeAuth, token));
        }
        assertEquals(1, count("storeauth.store.errors"));
        assertEquals(1, registry.get("storeauth.cache.load").tags("result", "failure").timer().count());
        assertEquals(1, count("storeauth.authentications", "scheme", "bearer", "outcome", "repository_unavailable"));
    }

    @Test
    void theChangeFeedsLagIsATimerAndItsReconnectsACounter() {
        StoreAuthObserver observer = new MicrometerObserver(registry);
        observer.changeFeedLag(Duration.ofMillis(120));
        observer.changeFeedLag(Duration.ofMillis(80));
        observer.changeFeedReconnected();

        assertEquals(2, registry.get("storeauth.changefeed.lag").timer().count());
        assertEquals(100, registry.get("storeauth.changefeed.lag").timer().mean(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertEquals(1, count("storeauth.changefeed.reconnects"));
    }

    @Test
    void everyMeterIsNamedUnderStoreauthAndTaggedOnlyByBoundedNames() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository)
                .observer(new MicrometerObserver(registry)).build()) {
            get(storeAuth, token);
            get(storeAuth, generator.generate(SecretKind.ACCESS_TOKEN));
        }
        Set<String> names = new TreeSet<>();
        Set<String> tagKeys = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            names.add(meter.getId().getName());
            meter.getId().getTags().forEach(tag -> tagKeys.add(tag.getKey()));
            meter.getId().getTags().forEach(tag -> assertTrue(!tag.getValue().contains("abc")
                    && !tag.getValue().contains(token) && !tag.getValue().contains("192.0.2.1"), tag::toString));
        }
        assertEquals(Set.of("storeauth.authentications", "storeauth.cache.requests", "storeauth.cache.load",
                "storeauth.store.errors", "storeauth.limiter.refusals", "storeauth.changefeed.lag",
                "storeauth.changefeed.reconnects"), names);
        assertEquals(Set.of("scheme", "outcome", "result", "kind"), tagKeys);
    }

    @Test
    void aRegistryIsRequired() {
        assertThrows(NullPointerException.class, () -> new MicrometerObserver(null));
    }
}
