package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.junit.jupiter.api.Test;

/**
 * A reservation is settled once: a failure keeps its places, a release (or a close before either)
 * gives each back exactly once, whatever is called after and from however many threads.
 */
class ReservationTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String ADDRESS = "203.0.113.66";
    private static final String IDENTITY = "store1:alice";

    private final List<String> givenBack = new ArrayList<>();
    private final Counters local = new LocalCounterStore(100, WINDOW, () -> 0L).counters("failures");
    private final FailureThrottle throttle = new FailureThrottle(3, WINDOW, new Counters() {
        @Override
        public ConsumptionProbe tryTake(String key, Limit limit) {
            return local.tryTake(key, limit);
        }

        @Override
        public synchronized void giveBack(String key, Limit limit) {
            givenBack.add(key);
            local.giveBack(key, limit);
        }
    });

    private Reservation reserve(String identity) {
        return assertInstanceOf(Admission.Reserved.class, throttle.tryReserve(ADDRESS, identity)).reservation();
    }

    @Test
    void aFailedReservationGivesNothingBackEvenWhenReleasedOrClosedLater() {
        Reservation reservation = reserve(IDENTITY);

        reservation.failed();
        reservation.release();
        reservation.close();

        assertEquals(List.of(), givenBack);
    }

    @Test
    void aReleaseGivesBackTheAddressAndTheIdentityPlaceOnceHoweverOftenItIsCalled() {
        Reservation reservation = reserve(IDENTITY);

        reservation.release();
        reservation.release();
        reservation.close();
        reservation.failed();

        assertEquals(List.of(LimitKeys.address(ADDRESS), LimitKeys.identityAt(IDENTITY, ADDRESS)), givenBack);
    }

    @Test
    void aReservationWithoutAnIdentityGivesBackTheAddressPlaceOnly() {
        reserve(null).release();

        assertEquals(List.of(LimitKeys.address(ADDRESS)), givenBack);
    }

    @Test
    void closingAnUnsettledReservationReleasesIt() {
        try (Reservation reservation = reserve(IDENTITY)) {
            assertEquals(List.of(), givenBack, "nothing is given back while the check runs");
        }

        assertEquals(2, givenBack.size());
    }

    @Test
    void aCheckThatThrowsInsideTryWithResourcesGetsItsPlaceBack() {
        RuntimeException thrown = new IllegalStateException("store down");
        try (Reservation reservation = reserve(IDENTITY)) {
            throw thrown;
        } catch (IllegalStateException e) {
            assertEquals(thrown, e);
        }

        assertEquals(2, givenBack.size());
        for (int i = 0; i < 3; i++) {
            reserve(IDENTITY).failed();
        }
        assertInstanceOf(Admission.Blocked.class, throttle.tryReserve(ADDRESS, IDENTITY));
    }

    @Test
    void releasesRacingFromManyThreadsGiveBackOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                givenBack.clear();
                Reservation reservation = reserve(IDENTITY);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int n = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        if (n % 2 == 0) {
                            reservation.release();
                        } else {
                            reservation.close();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(10, TimeUnit.SECONDS);
                }
                assertEquals(2, givenBack.size(), "round " + round + ": " + givenBack);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void saysWhetherItIsSettledWithoutNamingItsKeys() {
        Reservation reservation = reserve(IDENTITY);
        assertEquals("Reservation[settled=false]", reservation.toString());

        reservation.failed();

        assertEquals("Reservation[settled=true]", reservation.toString());
        assertTrue(!reservation.toString().contains(LimitKeys.address(ADDRESS)));
    }
}
