package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private final FakeTicker ticker = new FakeTicker();
    private final FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(1), 1_000, ticker);

    @Test
    void blocksAnAddressAfterItsFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.blocked("192.0.2.1", null));
            throttle.recordFailure("192.0.2.1", null);
        }
        ticker.advance(Duration.ofSeconds(20));

        assertEquals(Optional.of(Duration.ofSeconds(40)), throttle.blocked("192.0.2.1", null));
        ticker.advance(Duration.ofSeconds(40));
        assertEquals(Optional.empty(), throttle.blocked("192.0.2.1", null));
    }

    @Test
    void blocksAnIdentityTriedFromManyAddresses() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("198.51.100." + i, "store1:alice");
        }

        assertTrue(throttle.blocked("203.0.113.9", "store1:alice").isPresent());
        assertEquals(Optional.empty(), throttle.blocked("203.0.113.9", "store1:bob"));
    }

    @Test
    void leavesOtherAddressesAlone() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("192.0.2.1", null);
        }

        assertEquals(Optional.empty(), throttle.blocked("192.0.2.2", null));
    }

    @Test
    void staysBoundedHoweverManyAddressesFail() {
        for (int i = 0; i < 1_000_000; i++) {
            throttle.recordFailure("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), null);
        }

        assertTrue(throttle.trackedKeys() <= 1_000, "tracked " + throttle.trackedKeys());
    }

    @Test
    void rejectsNonPositiveSettings() {
        assertThrows(IllegalArgumentException.class, () -> new FailureThrottle(0, Duration.ofMinutes(1), 10, ticker));
        assertThrows(IllegalArgumentException.class, () -> new FailureThrottle(1, Duration.ZERO, 10, ticker));
        assertThrows(IllegalArgumentException.class, () -> new FailureThrottle(1, Duration.ofMinutes(1), 0, ticker));
    }
}
