package dev.storeauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.auth.ApiRequest;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.observe.RecordingObserver;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** {@link StoreAuth#health()} probes the store in bounded time; the builder's observer reaches the authenticator and cache. */
class StoreAuthHealthTest {

    private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();

    /** The in-memory repository, but {@code credentialPolicy} runs {@code probe} first. */
    private AccountRepository probedBy(Runnable probe) {
        return (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("credentialPolicy")) {
                        probe.run();
                    }
                    try {
                        return method.invoke(accounts, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aReachableStoreWithoutATrackedFeedIsUp() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(accounts).build()) {
            assertEquals(new Health(Health.Status.UP, Map.of("store", "up", "changeFeed", "not_tracked")),
                    storeAuth.health());
        }
    }

    @Test
    void aFailingStoreIsDown() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(probedBy(() -> {
            throw new IllegalStateException("connection refused to 10.0.0.5");
        })).build()) {
            assertEquals(new Health(Health.Status.DOWN, Map.of("store", "down", "changeFeed", "not_tracked")),
                    storeAuth.health());
        }
    }

    @Test
    void aHangingStoreTimesOutAndWhileItHangsNoFurtherProbeStarts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch[] started = {new CountDownLatch(1), new CountDownLatch(2)};
        try (StoreAuth storeAuth = StoreAuth.builder().lookupTimeout(Duration.ofMillis(50)).repository(probedBy(() -> {
            started[0].countDown();
            started[1].countDown();
            awaitQuietly(release);
        })).build()) {
            assertEquals("timed_out", storeAuth.health().details().get(Health.STORE));
            assertEquals(Health.Status.DOWN, storeAuth.health().status());
            assertEquals(1, started[1].getCount(), "the second call started no second probe");
            release.countDown();
        }
    }

    @Test
    void aJdbcStoreReportsItsChangeFeedConnected() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (StoreAuth storeAuth = StoreAuth.builder().jdbc(h2).build()) {
            assertEquals(new Health(Health.Status.UP, Map.of("store", "up", "changeFeed", "connected")),
                    storeAuth.health());
        }
    }

    @Test
    void theBuildersObserverHearsTheAuthenticatorAndTheCache() {
        RecordingObserver observer = new RecordingObserver();
        String unknownToken = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);
        try (StoreAuth storeAuth = StoreAuth.builder().repository(accounts).observer(observer).build()) {
            storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v3/catalog/products",
                    ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(unknownToken))), true, "192.0.2.1"));
            assertEquals(List.of("miss", "loaded", "denied bearer invalid_credentials"), observer.take());
        }
        assertThrows(IllegalStateException.class,
                () -> StoreAuth.builder().observer(observer()).observer(observer()));
    }

    private static RecordingObserver observer() {
        return new RecordingObserver();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
