package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.ConsumptionProbe;
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

/**
 * The failure throttle on a clock the tests move: places per address and per identity at an address,
 * kept by failures and given back by successes, exact however many threads ask at once.
 */
class FailureThrottleTest {

    private static final int MAX = 10;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String ADDRESS = "203.0.113.66";

    private final AtomicLong nanos = new AtomicLong();
    private final LocalCounterStore store = new LocalCounterStore(10_000, WINDOW, nanos::get);
    private final Counters counters = store.counters("failures");
    private final FailureThrottle throttle = new FailureThrottle(MAX, WINDOW, counters);

    private Reservation reserve(String address, String identity) {
        return assertInstanceOf(Admission.Reserved.class, throttle.tryReserve(address, identity),
                () -> "a place for " + identity + " at " + address).reservation();
    }

    private Duration blocked(String address, String identity) {
        return assertInstanceOf(Admission.Blocked.class, throttle.tryReserve(address, identity),
                () -> identity + " at " + address + " should be blocked").retryAfter();
    }

    private void fail(String address, String identity, int times) {
        for (int i = 0; i < times; i++) {
            reserve(address, identity).failed();
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void anAddressHasMaxFailuresThenIsBlockedWithoutTakingAnything() {
        fail(ADDRESS, null, MAX);

        for (int i = 0; i < 5; i++) {
            blocked(ADDRESS, null);
        }
        advance(WINDOW.dividedBy(MAX));
        reserve(ADDRESS, null).failed();
        blocked(ADDRESS, null);
    }

    @Test
    void aFailedAttemptKeepsItsPlaceAndAReleasedOneGivesItBack() {
        for (int i = 0; i < 3 * MAX; i++) {
            reserve(ADDRESS, null).release();
        }
        fail(ADDRESS, null, MAX - 1);
        Reservation last = reserve(ADDRESS, null);
        blocked(ADDRESS, null);

        last.release();

        reserve(ADDRESS, null).failed();
        blocked(ADDRESS, null);
    }

    @Test
    void closingAnUnsettledReservationGivesItsPlaceBackButClosingAFailedOneDoesNot() {
        fail(ADDRESS, null, MAX - 1);
        try (Reservation reservation = reserve(ADDRESS, null)) {
            blocked(ADDRESS, null);
        }
        try (Reservation reservation = reserve(ADDRESS, null)) {
            reservation.failed();
        }

        blocked(ADDRESS, null);
    }

    @Test
    void attemptsInFlightHoldTheirPlacesUntilSettled() {
        List<Reservation> inFlight = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            inFlight.add(reserve(ADDRESS, "store1:alice"));
        }

        blocked(ADDRESS, "store1:alice");
        blocked(ADDRESS, "store1:bob");
        blocked(ADDRESS, null);

        inFlight.forEach(Reservation::release);
        fail(ADDRESS, "store1:alice", MAX);
    }

    @Test
    void anIdentityAtOneAddressIsCountedApartFromTheSameIdentityAtAnother() {
        fail(ADDRESS, "store1:alice", MAX);
        blocked(ADDRESS, "store1:alice");

        for (int i = 0; i < 5; i++) {
            fail("198.51.100." + i, "store1:alice", MAX - 1);
            reserve("198.51.100." + i, "store1:alice").release();
        }
    }

    @Test
    void anIdentityWithoutPlacesAtAnAddressIsBlockedAndGivesTheAddressPlaceBack() {
        Limit limit = Limit.failures(MAX, WINDOW);
        for (int i = 0; i < MAX; i++) {
            assertTrue(counters.tryTake(LimitKeys.identityAt("store1:alice", ADDRESS), limit).isConsumed());
        }

        blocked(ADDRESS, "store1:alice");
        blocked(ADDRESS, "store1:alice");

        reserve("198.51.100.7", "store1:alice").failed();
        fail(ADDRESS, "store1:bob", MAX);
        blocked(ADDRESS, null);
    }

    @Test
    void aReservationTakesTheAddressKeyAndTheIdentityAtThatAddressKeyOnly() {
        List<String> taken = new ArrayList<>();
        Counters recording = new Counters() {
            @Override
            public ConsumptionProbe tryTake(String key, Limit limit) {
                taken.add(key);
                return counters.tryTake(key, limit);
            }

            @Override
            public void giveBack(String key, Limit limit) {
                counters.giveBack(key, limit);
            }
        };
        FailureThrottle recorded = new FailureThrottle(MAX, WINDOW, recording);

        assertInstanceOf(Admission.Reserved.class, recorded.tryReserve(ADDRESS, "store1:alice"));
        assertInstanceOf(Admission.Reserved.class, recorded.tryReserve(ADDRESS, null));

        assertEquals(List.of(LimitKeys.address(ADDRESS), LimitKeys.identityAt("store1:alice", ADDRESS),
                LimitKeys.address(ADDRESS)), taken);
    }

    @Test
    void aBlockedAttemptIsToldToWaitForOneSmoothRefill() {
        fail(ADDRESS, null, MAX);

        Duration retryAfter = blocked(ADDRESS, null);

        Duration oneRefill = WINDOW.dividedBy(MAX);
        assertTrue(retryAfter.compareTo(Duration.ZERO) > 0, retryAfter::toString);
        assertTrue(retryAfter.compareTo(oneRefill) <= 0 && retryAfter.compareTo(oneRefill.minusMillis(10)) >= 0,
                () -> retryAfter + " should be about " + oneRefill);

        advance(Duration.ofSeconds(2));
        Duration later = blocked(ADDRESS, null);
        assertEquals(oneRefill.minusSeconds(2).toMillis(), later.toMillis(), 10);
    }

    @Test
    void placesComeBackOneAtATimeAndAllOfThemAfterAWholeWindow() {
        fail(ADDRESS, null, MAX);
        advance(WINDOW.dividedBy(MAX).multipliedBy(3));

        fail(ADDRESS, null, 3);
        blocked(ADDRESS, null);

        advance(WINDOW.multipliedBy(5));
        fail(ADDRESS, null, MAX);
        blocked(ADDRESS, null);
    }

    @Test
    void concurrentAttemptsFromOneAddressTakeExactlyMaxPlaces() throws Exception {
        for (int round = 0; round < 5; round++) {
            String address = "192.0.2." + round;
            String identity = round % 2 == 0 ? null : "store1:alice";
            assertEquals(MAX, reservedAtOnce(address, identity, 400, 16), "round " + round);
        }
    }

    @Test
    void concurrentAttemptsThatSucceedGiveEveryPlaceBack() throws Exception {
        AtomicInteger reserved = new AtomicInteger();
        runAtOnce(16, 50, () -> {
            if (throttle.tryReserve(ADDRESS, "store1:alice") instanceof Admission.Reserved r) {
                reserved.incrementAndGet();
                r.reservation().release();
            }
        });

        assertTrue(reserved.get() >= MAX, "at least one full bucket's worth got through: " + reserved.get());
        fail(ADDRESS, "store1:alice", MAX);
        blocked(ADDRESS, "store1:alice");
    }

    @Test
    void refusesNonPositiveLimitsAndANullAddress() {
        assertThrows(IllegalArgumentException.class, () -> new FailureThrottle(0, WINDOW, counters));
        assertThrows(IllegalArgumentException.class, () -> new FailureThrottle(MAX, Duration.ZERO, counters));
        assertThrows(IllegalArgumentException.class, () -> new FailureThrottle(MAX, Duration.ofSeconds(-1), counters));
        assertThrows(NullPointerException.class, () -> new FailureThrottle(MAX, WINDOW, null));
        assertThrows(NullPointerException.class, () -> throttle.tryReserve(null, "store1:alice"));
    }

    @Test
    void aLocalThrottleCountsOnTheClockItIsGiven() {
        FailureThrottle local = FailureThrottle.local(2, WINDOW, 100, nanos::get);
        for (int i = 0; i < 2; i++) {
            assertInstanceOf(Admission.Reserved.class, local.tryReserve(ADDRESS, null)).reservation().failed();
        }
        assertInstanceOf(Admission.Blocked.class, local.tryReserve(ADDRESS, null));

        advance(WINDOW.dividedBy(2));

        assertInstanceOf(Admission.Reserved.class, local.tryReserve(ADDRESS, null));
    }

    /** How many of {@code attempts} failing attempts, started together on {@code threads} threads, got a place. */
    private int reservedAtOnce(String address, String identity, int attempts, int threads) throws Exception {
        AtomicInteger reserved = new AtomicInteger();
        runAtOnce(threads, attempts / threads, () -> {
            if (throttle.tryReserve(address, identity) instanceof Admission.Reserved r) {
                reserved.incrementAndGet();
                r.reservation().failed();
            }
        });
        return reserved.get();
    }

    private static void runAtOnce(int threads, int eachTimes, Runnable attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    for (int i = 0; i < eachTimes; i++) {
                        attempt.run();
                    }
                    return null;
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
