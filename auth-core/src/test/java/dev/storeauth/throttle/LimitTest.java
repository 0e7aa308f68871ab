package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTest {

    private final FakeTicker clock = new FakeTicker();
    private final Counters counters = new LocalCounterStore(10, Duration.ofHours(1), clock::read).counters("t");

    @Test
    void aFailureLimitGivesOneTokenBackEveryWindowOverCapacity() {
        Limit limit = Limit.failures(3, Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) {
            assertTrue(counters.tryTake("k", limit).isConsumed());
        }
        assertFalse(counters.tryTake("k", limit).isConsumed());

        clock.advance(Duration.ofSeconds(59));
        assertFalse(counters.tryTake("k", limit).isConsumed());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(counters.tryTake("k", limit).isConsumed());
        assertFalse(counters.tryTake("k", limit).isConsumed());
    }

    @Test
    void aQuotaComesBackWholeAtTheEndOfItsWindow() {
        Limit limit = Limit.quota(3, Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) {
            assertTrue(counters.tryTake("k", limit).isConsumed());
        }

        clock.advance(Duration.ofMinutes(2));
        assertFalse(counters.tryTake("k", limit).isConsumed());
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertTrue(counters.tryTake("k", limit).isConsumed());
        }
    }

    @Test
    void aLimitNeedsAPositiveCapacityAndWindow() {
        assertThrows(IllegalArgumentException.class, () -> Limit.failures(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> Limit.quota(5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Limit(5, Duration.ofMinutes(1), false, 6));
    }
}
