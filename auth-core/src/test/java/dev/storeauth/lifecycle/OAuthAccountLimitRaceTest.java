package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthAccountLimitRaceTest {

    @ParameterizedTest
    @ValueSource(ints = {49, 50})
    void sixteenThreadsRacingForTheLastPlacesEndWithExactlyFifty(int existing) throws Exception {
        AccountLifecycleTest fixture = new AccountLifecycleTest();
        for (int i = 0; i < existing; i++) {
            fixture.create("Existing " + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<IssuedCredentials.OAuth>>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            String name = "Racer " + t;
            results.add(pool.submit(() -> {
                start.await();
                return fixture.lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, name, Map.of());
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Outcome<IssuedCredentials.OAuth>> result : results) {
            Outcome<IssuedCredentials.OAuth> outcome = result.get(30, TimeUnit.SECONDS);
            if (outcome instanceof Outcome.Done<IssuedCredentials.OAuth>) {
                won++;
            } else {
                AccountLifecycleTest.refused(outcome, Outcome.Refusal.LIMIT_REACHED);
            }
        }
        pool.shutdown();
        assertEquals(50 - existing, won);
        assertEquals(50, fixture.repository.oauthAccounts(STORE).size());
    }
}
