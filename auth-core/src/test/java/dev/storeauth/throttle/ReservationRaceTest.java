package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Many threads failing at once from one address: exactly the limit's number of checks run. */
class ReservationRaceTest {

    private static final int LIMIT = 10;
    private static final int THREADS = 200;

    @Test
    void concurrentFailuresFromOneAddressRunExactlyTheLimitOfChecks() throws Exception {
        FailureThrottle throttle = new FailureThrottle(LIMIT, Duration.ofMinutes(5), 1_000, new FakeTicker());
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch decided = new CountDownLatch(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String email = "guess" + i + "@example.com";
                attempts.add(pool.submit(() -> attempt(throttle, email, checks, start, decided)));
            }
            start.countDown();
            int blocked = 0;
            for (Future<Boolean> attempt : attempts) {
                blocked += attempt.get(30, TimeUnit.SECONDS) ? 0 : 1;
            }

            assertEquals(LIMIT, checks.get(), "checks run");
            assertEquals(THREADS - LIMIT, blocked);
            assertEquals(0, throttle.reservationsInFlight());
            assertTrue(throttle.blocked("192.0.2.1", null).isPresent(), "the failures were recorded");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One failing sign-in: the "expensive check" waits until every thread has been admitted or
     * blocked, so all attempts overlap however the threads are scheduled.
     */
    private static boolean attempt(FailureThrottle throttle, String email, AtomicInteger checks,
            CountDownLatch start, CountDownLatch decided) throws InterruptedException {
        start.await();
        Admission admission = throttle.tryReserve("192.0.2.1", email);
        decided.countDown();
        if (!(admission instanceof Admission.Reserved reserved)) {
            return false;
        }
        try (Reservation reservation = reserved.reservation()) {
            checks.incrementAndGet();
            assertTrue(decided.await(30, TimeUnit.SECONDS), "every thread decided");
            reservation.failed();
        }
        return true;
    }
}
