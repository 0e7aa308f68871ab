package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The two shapes of bucket: failure limits refill one place at a time, quotas all at once per window. */
class LimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Counters counters = new LocalCounterStore(100, Duration.ofHours(1), nanos::get).counters("test");

    private void drain(Limit limit) {
        for (long i = 0; i < limit.capacity(); i++) {
            assertTrue(counters.tryTake("k", limit).isConsumed());
        }
    }

    @Test
    void aFailureLimitRefillsOnePlaceEveryWindowOverCapacity() {
        Limit limit = Limit.failures(20, Duration.ofMinutes(1));
        drain(limit);

        ConsumptionProbe refused = counters.tryTake("k", limit);
        assertFalse(refused.isConsumed());
        assertEquals(Duration.ofSeconds(3).toNanos(), refused.getNanosToWaitForRefill());

        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        assertTrue(counters.tryTake("k", limit).isConsumed());
        assertFalse(counters.tryTake("k", limit).isConsumed());
    }

    @Test
    void aQuotaRefillsWholeAtTheEndOfItsWindowAndNotBefore() {
        Limit limit = Limit.quota(20, Duration.ofMinutes(1));
        drain(limit);

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        ConsumptionProbe refused = counters.tryTake("k", limit);
        assertFalse(refused.isConsumed());
        assertEquals(Duration.ofSeconds(1).toNanos(), refused.getNanosToWaitForRefill());

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        drain(limit);
        assertFalse(counters.tryTake("k", limit).isConsumed());
    }

    @Test
    void shapesSayHowTheyRefillAndHowMuchANodeMayTakeUnsynchronized() {
        assertEquals(new Limit(10, Duration.ofMinutes(1), true, 0), Limit.failures(10, Duration.ofMinutes(1)));
        assertEquals(new Limit(450, Duration.ofSeconds(30), false, 11), Limit.quota(450, Duration.ofSeconds(30)));
        assertEquals(0, Limit.quota(39, Duration.ofSeconds(30)).unsynchronized());
    }

    @Test
    void refusesNonPositiveCapacitiesAndWindowsAndTooLargeAShare() {
        assertThrows(IllegalArgumentException.class, () -> new Limit(0, Duration.ofSeconds(1), true, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ZERO, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ofSeconds(-1), true, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ofSeconds(1), true, -1));
        assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ofSeconds(1), true, 2));
        assertThrows(NullPointerException.class, () -> new Limit(1, null, true, 0));
    }

    @Test
    void refusesWhatBucket4jCannotCountAtOnceRatherThanOnFirstUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limit.failures(20, Duration.ofNanos(19)));
        assertTrue(e.getMessage().contains("one token per nanosecond"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Limit.quota(1_000_001, Duration.ofMillis(1)));

        Limit fastest = Limit.quota(1_000_000, Duration.ofMillis(1));
        assertTrue(counters.tryTake("fastest", fastest).isConsumed());
        assertTrue(counters.tryTake("long", Limit.failures(1, Duration.ofDays(100_000))).isConsumed());
        assertThrows(IllegalArgumentException.class, () -> Limit.failures(1, Duration.ofDays(1_000_000)));
    }
}
