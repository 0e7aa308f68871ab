package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenProbeTest {

    @ParameterizedTest(name = "every {0} ms, timeout {1} ms: {2}")
    @CsvSource({
        "5000, 2000, ok",
        "200,  199,  ok",
        "2,    1,    ok",
        "0,    0,    refused",
        "1000, 0,    refused",
        "-5,   -10,  refused",
        "1000, 1000, refused",
        "1000, 3000, refused",
        "31536000000, 2147483647, ok",
        "31536000000, 2147483648, refused",
        "31536000001, 2000, refused",
        "9223372036854775807, 2000, refused",
    })
    void aProbeNeedsPositiveDurationsAndATimeoutShorterThanItsInterval(long every, long timeout, String outcome) {
        Duration e = Duration.ofMillis(every);
        Duration t = Duration.ofMillis(timeout);
        if (outcome.equals("ok")) {
            assertEquals(e, new ListenProbe(e, t).every());
        } else {
            assertThrows(IllegalArgumentException.class, () -> new ListenProbe(e, t));
        }
    }

    @org.junit.jupiter.api.Test
    void aProbeOfCenturiesIsRefusedRatherThanOverflowing() {
        assertThrows(IllegalArgumentException.class,
                () -> new ListenProbe(Duration.ofDays(365L * 300), Duration.ofSeconds(2)));
    }

    @org.junit.jupiter.api.Test
    void theDefaultNoticesASilentLossWithinSevenSeconds() {
        assertEquals(Duration.ofSeconds(7), ListenProbe.DEFAULT.every().plus(ListenProbe.DEFAULT.timeout()));
    }
}
