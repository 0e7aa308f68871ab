package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A store that hangs: request threads are released by the lookup timeout, and still make one lookup. */
class SlowStoreTest {

    @Test
    void answers503ToEveryWaiterOfAHangingLookupAndAsksTheStoreOnce() throws Exception {
        TestAccounts accounts = new TestAccounts();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger lookups = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (AccountCache cache = AccountCache.builder(key -> {
                    lookups.incrementAndGet();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return accounts.repository.find(key);
                }).lookupTimeout(Duration.ofMillis(200)).build();
                JettyHarness jetty = new JettyHarness(new StoreAuthFilter(Authenticator.builder(cache).build(),
                        "", TrustedProxies.parse("127.0.0.1")))) {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(clients.submit(() -> jetty.send("GET", "/stores/store1/v2/products", true,
                        "X-Auth-Token", accounts.modifyToken)));
            }
            for (Future<HttpResponse<String>> response : responses) {
                assertEquals(503, response.get(20, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(1, lookups.get());

            release.countDown();
            assertEquals(200, eventually(() -> jetty.send("GET", "/stores/store1/v2/products", true,
                    "X-Auth-Token", accounts.modifyToken).statusCode()));
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    /** Retries until the finished lookup's answer is cached (bounded: the lookup is already released). */
    private static int eventually(java.util.concurrent.Callable<Integer> status) throws Exception {
        int last = 0;
        for (int i = 0; i < 50 && last != 200; i++) {
            last = status.call();
        }
        return last;
    }
}
