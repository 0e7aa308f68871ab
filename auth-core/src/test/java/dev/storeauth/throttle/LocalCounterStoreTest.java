package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Local buckets: namespaces apart, a bounded number of fixed-size keys however long the inputs, a
 * bucket remade when its limit changes, and none dropped before it would have refilled.
 */
class LocalCounterStoreTest {

    private static final long MAXIMUM_KEYS = 100_000;
    private static final Limit FAILURES = Limit.failures(5, Duration.ofMinutes(1));

    private final AtomicLong nanos = new AtomicLong();

    private LocalCounterStore store(long maximumKeys, Duration idle) {
        return new LocalCounterStore(maximumKeys, idle, nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aHundredThousandKeyBoundHoldsForLongWithSixThousandCharacterUsernames() {
        Counters counters = store(MAXIMUM_KEYS, Duration.ofHours(1)).counters("failures");
        String base = "u".repeat(6_000);
        long most = 0;
        for (int i = 0; i < MAXIMUM_KEYS + MAXIMUM_KEYS / 2; i++) {
            String username = i + base.substring(Integer.toString(i).length());
            String key = LimitKeys.identityAt("store1:" + username, "203.0.113.66");
            assertEquals(22, key.length());
            assertTrue(counters.tryTake(key, FAILURES).isConsumed());
            if (i % 10_000 == 0) {
                most = Math.max(most, LocalCounterStore.size(counters));
                assertTrue(most <= MAXIMUM_KEYS, "keys held: " + most);
            }
        }

        long held = LocalCounterStore.size(counters);
        assertTrue(held <= MAXIMUM_KEYS, "keys held: " + held);
        assertTrue(held > MAXIMUM_KEYS / 2, "the bound, not something smaller, limits it: " + held);
    }

    @Test
    void namespacesKeepTheirBucketsApart() {
        LocalCounterStore store = store(100, Duration.ofMinutes(1));
        Counters failures = store.counters("failures");
        Counters quota = store.counters("quota");
        for (int i = 0; i < 5; i++) {
            assertTrue(failures.tryTake("k", FAILURES).isConsumed());
        }

        assertFalse(failures.tryTake("k", FAILURES).isConsumed());
        assertTrue(quota.tryTake("k", FAILURES).isConsumed());
        assertEquals("local", store.name());
        assertFalse(store.degraded());
        assertEquals(0, store.fallbacks());
    }

    @Test
    void aGivenBackTokenIsTakenAgainButNeverFillsABucketBeyondItsCapacity() {
        Counters counters = store(100, Duration.ofMinutes(1)).counters("failures");
        for (int i = 0; i < 3; i++) {
            counters.giveBack("k", FAILURES);
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(counters.tryTake("k", FAILURES).isConsumed());
        }
        assertFalse(counters.tryTake("k", FAILURES).isConsumed());

        counters.giveBack("k", FAILURES);

        assertTrue(counters.tryTake("k", FAILURES).isConsumed());
        assertFalse(counters.tryTake("k", FAILURES).isConsumed());
    }

    @Test
    void aKeyUsedWithAnotherLimitGetsABucketOfThatLimit() {
        Counters counters = store(100, Duration.ofHours(1)).counters("quota");
        Limit small = Limit.quota(2, Duration.ofMinutes(1));
        Limit large = Limit.quota(4, Duration.ofMinutes(1));
        assertTrue(counters.tryTake("store1", small).isConsumed());
        assertTrue(counters.tryTake("store1", small).isConsumed());
        assertFalse(counters.tryTake("store1", small).isConsumed());

        for (int i = 0; i < 4; i++) {
            assertTrue(counters.tryTake("store1", large).isConsumed(), "take " + i);
        }
        assertFalse(counters.tryTake("store1", large).isConsumed());
    }

    @Test
    void anIdleBucketIsDroppedOnlyOnceItWouldHaveRefilled() {
        Counters counters = store(100, Duration.ofMinutes(1)).counters("failures");
        for (int i = 0; i < 5; i++) {
            counters.tryTake("k", FAILURES);
        }
        assertEquals(1, LocalCounterStore.size(counters));

        advance(Duration.ofMinutes(1).plusSeconds(1));

        assertEquals(0, LocalCounterStore.size(counters));
    }

    @Test
    void aBucketWhoseWindowIsLongerThanTheIdleTimeIsKeptUntilItsWindowEnds() {
        Counters counters = store(100, Duration.ofHours(1)).counters("quota");
        Limit twoPerTwoHours = Limit.quota(2, Duration.ofHours(2));
        assertTrue(counters.tryTake("store1", twoPerTwoHours).isConsumed());
        assertTrue(counters.tryTake("store1", twoPerTwoHours).isConsumed());

        advance(Duration.ofMinutes(90));

        assertFalse(counters.tryTake("store1", twoPerTwoHours).isConsumed(),
                "an idle hour must not hand a store a fresh quota mid-window");
        advance(Duration.ofMinutes(30));
        assertTrue(counters.tryTake("store1", twoPerTwoHours).isConsumed());
    }

    @Test
    void refusesNonPositiveBoundsAndIdleTimes() {
        assertThrows(IllegalArgumentException.class, () -> store(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> store(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> store(1, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> new LocalCounterStore(1, Duration.ofMinutes(1), null));
    }
}
