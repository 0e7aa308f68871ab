package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.observe.RecordingObserver;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The observer hears every outcome by scheme and problem, the cache's hits, misses and loads, store
 * errors and the limits' refusals, in the order they happen.
 */
class AuthenticatorObserverTest {

    private final SecretGenerator generator = new SecretGenerator();
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final RecordingObserver observer = new RecordingObserver();
    private final AccountCache cache = AccountCache.builder(repository).lookupExecutor(Runnable::run)
            .ticker(() -> 0L).observer(observer).build();
    private final String token = generator.generate(SecretKind.ACCESS_TOKEN);

    AuthenticatorObserverTest() {
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, token), 100, TestAudit.ENTRY);
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    private static AuthResult get(Authenticator authenticator, String path, Map<String, List<String>> headers) {
        return authenticator.authenticate(new ApiRequest("GET", path, ApiRequest.Headers.of(headers), true, "203.0.113.9"));
    }

    private static AuthResult bearer(Authenticator authenticator, String store, String token) {
        return get(authenticator, "/stores/" + store + "/v2/products", Map.of("X-Auth-Token", List.of(token)));
    }

    @Test
    void aSuccessIsToldUnderItsSchemeAfterTheCacheMissAndLoadThenTheHit() {
        Authenticator authenticator = Authenticator.builder(cache).observer(observer).build();

        bearer(authenticator, "abc", token);
        assertEquals(List.of("miss", "loaded", "authenticated bearer"), observer.take());
        bearer(authenticator, "abc", token);
        assertEquals(List.of("hit", "authenticated bearer"), observer.take());
    }

    @Test
    void denialsAreToldByProblemAndByTheSchemeReadOrNone() {
        Authenticator authenticator = Authenticator.builder(cache).observer(observer).build();
        String unknown = generator.generate(SecretKind.ACCESS_TOKEN);

        bearer(authenticator, "abc", unknown);
        bearer(authenticator, "abc", unknown);
        get(authenticator, "/stores/abc/v2/products", Map.of());
        get(authenticator, "/elsewhere", Map.of("X-Auth-Token", List.of(token)));
        authenticator.authenticate(new ApiRequest("GET", "/stores/abc/v2/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), false, "203.0.113.9"));

        assertEquals(List.of("miss", "loaded", "denied bearer invalid_credentials",
                "negative hit", "denied bearer invalid_credentials", "denied none missing_credentials",
                "denied none not_an_api_path", "denied none tls_required"), observer.take());
    }

    @Test
    void theFailureThrottlesRefusalIsToldBesideIts429() {
        Authenticator authenticator = Authenticator.builder(cache).observer(observer).throttle(1, Duration.ofHours(1))
                .limitStore(LimitStore.local(() -> 0L)).build();
        String unknown = generator.generate(SecretKind.ACCESS_TOKEN);
        bearer(authenticator, "abc", unknown);
        observer.take();

        bearer(authenticator, "abc", generator.generate(SecretKind.ACCESS_TOKEN));

        assertEquals(List.of("refused FAILURE_THROTTLE", "denied bearer too_many_failures"), observer.take());
    }

    @Test
    void theStoreQuotasRefusalIsToldBesideIts429() {
        Authenticator authenticator = Authenticator.builder(cache).observer(observer)
                .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("1/30s")))
                .limitStore(LimitStore.local(() -> 0L)).build();
        bearer(authenticator, "abc", token);
        observer.take();

        bearer(authenticator, "abc", token);

        assertEquals(List.of("hit", "refused STORE_QUOTA", "denied bearer quota_exceeded"), observer.take());
    }

    @Test
    void aFailingRepositoryIsAStoreErrorAndA503UnderTheSchemeRead() {
        AccountCache failing = AccountCache.builder(key -> {
            throw new IllegalStateException("database on fire");
        }).lookupExecutor(Runnable::run).ticker(() -> 0L).observer(observer).build();
        Authenticator authenticator = Authenticator.builder(failing).observer(observer).build();

        assertThrows(RepositoryUnavailableException.class, () -> bearer(authenticator, "abc", token));

        assertEquals(List.of("miss", "load failed", "store error", "denied bearer repository_unavailable"),
                observer.take());
        failing.close();
    }
}
