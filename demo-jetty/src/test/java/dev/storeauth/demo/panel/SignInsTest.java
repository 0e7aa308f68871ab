package dev.storeauth.demo.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.demo.data.PanelUser;
import dev.storeauth.demo.data.PasswordCheck;
import dev.storeauth.demo.data.Role;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.throttle.FailureThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link SignIns}: the throttle's place is taken before the password check and settled after it. */
class SignInsTest {

    private static final int LIMIT = 10;
    private static final String ADDRESS = "192.0.2.1";
    private static final PanelUser OWNER = new PanelUser("owner@example.com", "store1", Role.OWNER);

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final FailureThrottle throttle = new FailureThrottle(LIMIT, Duration.ofMinutes(5), 1_000, ticker);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void manyConcurrentFailuresFromOneAddressHashExactlyTheLimit() throws Exception {
        int threads = 200;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch othersThrottled = new CountDownLatch(threads - LIMIT);
        SignIns signIns = new SignIns(throttle, (email, password) -> {
            checks.incrementAndGet();
            awaitQuietly(othersThrottled);
            return new PasswordCheck.Mismatched();
        });
        List<SignInOutcome> outcomes = run(threads, i -> {
            start.await();
            SignInOutcome outcome = signIns.attempt("guess" + i + "@example.com", "wrong", ADDRESS);
            if (outcome instanceof SignInOutcome.Throttled) {
                othersThrottled.countDown();
            }
            return outcome;
        }, start);

        assertEquals(LIMIT, checks.get(), "password hashes evaluated");
        assertEquals(LIMIT, outcomes.stream().filter(SignInOutcome.Refused.class::isInstance).count());
        assertEquals(threads - LIMIT, outcomes.stream().filter(SignInOutcome.Throttled.class::isInstance).count());
        assertEquals(0, throttle.reservationsInFlight());
    }

    @Test
    void wrongPasswordsCountUntilTheAddressIsThrottledForTheRestOfItsWindow() {
        SignIns signIns = new SignIns(throttle, counting(new PasswordCheck.Mismatched()));
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(new SignInOutcome.Refused(), signIns.attempt("user" + i + "@example.com", "wrong", ADDRESS));
        }
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());

        assertEquals(new SignInOutcome.Throttled(Duration.ofMinutes(4)), signIns.attempt("x@example.com", "pw", ADDRESS));
        assertEquals(LIMIT, checks.get(), "the throttled attempt hashed nothing");
    }

    @Test
    void aBusyGateCountsNothing() {
        SignIns signIns = new SignIns(throttle, counting(new PasswordCheck.Busy()));
        for (int i = 0; i < LIMIT * 3; i++) {
            assertEquals(new SignInOutcome.Busy(), signIns.attempt(OWNER.email(), "wrong", ADDRESS));
        }

        assertEquals(0, throttle.reservationsInFlight());
        assertTrue(throttle.blocked(ADDRESS, OWNER.email()).isEmpty());
    }

    @Test
    void anUnreadableDatabaseCountsNothing() {
        SignIns signIns = new SignIns(throttle, (email, password) -> {
            throw new RepositoryUnavailableException("down", null);
        });
        for (int i = 0; i < LIMIT * 3; i++) {
            assertEquals(new SignInOutcome.Unavailable(), signIns.attempt(OWNER.email(), "pw", ADDRESS));
        }

        assertEquals(0, throttle.reservationsInFlight());
        assertTrue(throttle.blocked(ADDRESS, OWNER.email()).isEmpty());
    }

    @Test
    void aSuccessSignsInAndCountsNothing() {
        SignIns signIns = new SignIns(throttle, counting(new PasswordCheck.Matched(OWNER)));
        for (int i = 0; i < LIMIT * 3; i++) {
            assertEquals(new SignInOutcome.SignedIn(OWNER), signIns.attempt(OWNER.email(), "right", ADDRESS));
        }

        assertEquals(LIMIT * 3, checks.get());
        assertEquals(0, throttle.reservationsInFlight());
    }

    @Test
    void anEmailAddressTriedFromManyAddressesIsThrottled() {
        SignIns signIns = new SignIns(throttle, counting(new PasswordCheck.Mismatched()));
        for (int i = 0; i < LIMIT; i++) {
            signIns.attempt(OWNER.email(), "wrong", "198.51.100." + i);
        }

        assertInstanceOf(SignInOutcome.Throttled.class, signIns.attempt(OWNER.email(), "right", "203.0.113.9"));
    }

    private SignIns.Check counting(PasswordCheck answer) {
        return (email, password) -> {
            checks.incrementAndGet();
            return answer;
        };
    }

    private interface Attempt {
        SignInOutcome run(int index) throws Exception;
    }

    private static List<SignInOutcome> run(int threads, Attempt attempt, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SignInOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> attempt.run(index)));
            }
            start.countDown();
            List<SignInOutcome> outcomes = new ArrayList<>();
            for (Future<SignInOutcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Holds a check until every other attempt was throttled, so all attempts overlap; gives up after 30 s. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
