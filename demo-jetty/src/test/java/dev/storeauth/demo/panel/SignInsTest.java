package dev.storeauth.demo.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link SignIns}: the throttle's place is taken before the password check and settled after it,
 * per address and per (e-mail address, address), never per e-mail address alone.
 */
class SignInsTest {

    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String ADDRESS = "192.0.2.1";
    private static final String OWNER_ADDRESS = "203.0.113.9";
    private static final String RIGHT = "right-password";
    private static final PanelUser OWNER = new PanelUser("owner@example.com", "store1", Role.OWNER);

    private final AtomicLong nanos = new AtomicLong();
    private final FailureThrottle throttle = FailureThrottle.local(LIMIT, WINDOW, 1_000, nanos::get);
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
    }

    @Test
    void wrongPasswordsCountUntilTheAddressIsThrottledAndTheThrottledAttemptHashesNothing() {
        SignIns signIns = new SignIns(throttle, counting(new PasswordCheck.Mismatched()));
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(new SignInOutcome.Refused(), signIns.attempt("user" + i + "@example.com", "wrong", ADDRESS));
        }

        SignInOutcome.Throttled throttled = assertInstanceOf(SignInOutcome.Throttled.class,
                signIns.attempt("x@example.com", "pw", ADDRESS));
        assertTrue(throttled.retryAfter().compareTo(Duration.ZERO) > 0
                && throttled.retryAfter().compareTo(WINDOW) <= 0, throttled.toString());
        assertEquals(LIMIT, checks.get(), "the throttled attempt hashed nothing");
    }

    @Test
    void aThrottledAddressIsCheckedAgainOnceItsWindowHasPassed() {
        SignIns signIns = new SignIns(throttle, counting(new PasswordCheck.Mismatched()));
        for (int i = 0; i <= LIMIT; i++) {
            signIns.attempt("user" + i + "@example.com", "wrong", ADDRESS);
        }
        nanos.addAndGet(WINDOW.toNanos());

        assertEquals(new SignInOutcome.Refused(), signIns.attempt("x@example.com", "pw", ADDRESS));
        assertEquals(LIMIT + 1, checks.get());
    }

    @Test
    void wrongPasswordsForTheOwnerFromOneAddressNeverLockTheOwnerOutFromAnother() {
        SignIns signIns = new SignIns(throttle, ownerPassword());
        for (int i = 0; i < LIMIT + 5; i++) {
            signIns.attempt(OWNER.email(), "wrong" + i, ADDRESS);
        }
        assertInstanceOf(SignInOutcome.Throttled.class, signIns.attempt(OWNER.email(), "wrong", ADDRESS));

        assertEquals(new SignInOutcome.SignedIn(OWNER), signIns.attempt(OWNER.email(), RIGHT, OWNER_ADDRESS));
    }

    @Test
    void wrongPasswordsForTheOwnerFromManyAddressesLeaveTheOwnersOwnSignInAlone() {
        SignIns signIns = new SignIns(throttle, ownerPassword());
        for (int address = 1; address <= 20; address++) {
            for (int i = 0; i < LIMIT; i++) {
                assertEquals(new SignInOutcome.Refused(),
                        signIns.attempt(OWNER.email(), "wrong" + i, "198.51.100." + address));
            }
        }

        assertEquals(new SignInOutcome.SignedIn(OWNER), signIns.attempt(OWNER.email(), RIGHT, OWNER_ADDRESS));
    }

    @Test
    void theAddressThatUsedUpItsFailuresIsThrottledEvenForTheRightPassword() {
        SignIns signIns = new SignIns(throttle, ownerPassword());
        for (int i = 0; i < LIMIT; i++) {
            signIns.attempt("guess" + i + "@example.com", "wrong", ADDRESS);
        }

        assertInstanceOf(SignInOutcome.Throttled.class, signIns.attempt(OWNER.email(), RIGHT, ADDRESS));
    }

    @Test
    void aBusyGateCountsNothing() {
        AtomicReference<PasswordCheck> answer = new AtomicReference<>(new PasswordCheck.Busy());
        SignIns signIns = new SignIns(throttle, (email, password) -> answer.get());
        for (int i = 0; i < LIMIT * 3; i++) {
            assertEquals(new SignInOutcome.Busy(), signIns.attempt(OWNER.email(), "wrong", ADDRESS));
        }

        answer.set(new PasswordCheck.Mismatched());
        assertAllPlacesLeft(signIns);
    }

    @Test
    void anUnreadableDatabaseCountsNothing() {
        AtomicReference<PasswordCheck> answer = new AtomicReference<>();
        SignIns signIns = new SignIns(throttle, (email, password) -> {
            if (answer.get() == null) {
                throw new RepositoryUnavailableException("down", null);
            }
            return answer.get();
        });
        for (int i = 0; i < LIMIT * 3; i++) {
            assertEquals(new SignInOutcome.Unavailable(), signIns.attempt(OWNER.email(), "pw", ADDRESS));
        }

        answer.set(new PasswordCheck.Mismatched());
        assertAllPlacesLeft(signIns);
    }

    @Test
    void aSuccessSignsInAndCountsNothing() {
        SignIns signIns = new SignIns(throttle, ownerPassword());
        for (int i = 0; i < LIMIT * 3; i++) {
            assertEquals(new SignInOutcome.SignedIn(OWNER), signIns.attempt(OWNER.email(), RIGHT, ADDRESS));
        }

        assertEquals(LIMIT * 3, checks.get());
        assertAllPlacesLeft(signIns);
    }

    /** {@code LIMIT} wrong passwords for the owner from ADDRESS are all checked, and the next is throttled. */
    private static void assertAllPlacesLeft(SignIns signIns) {
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(new SignInOutcome.Refused(), signIns.attempt(OWNER.email(), "wrong", ADDRESS), "attempt " + i);
        }
        assertInstanceOf(SignInOutcome.Throttled.class, signIns.attempt(OWNER.email(), "wrong", ADDRESS));
    }

    /** The owner's password is {@link #RIGHT}; every other e-mail address or password is a mismatch. */
    private SignIns.Check ownerPassword() {
        return (email, password) -> {
            checks.incrementAndGet();
            return email.equals(OWNER.email()) && password.equals(RIGHT)
                    ? new PasswordCheck.Matched(OWNER) : new PasswordCheck.Mismatched();
        };
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
