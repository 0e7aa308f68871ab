package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wait becomes whole seconds of Retry-After, rounded up and never 0. */
class RetryAfterSecondsTest {

    @ParameterizedTest(name = "{0} ms -> {1} s")
    @CsvSource({"0, 1", "1, 1", "999, 1", "1000, 1", "1001, 2", "59999, 60", "3600000, 3600"})
    void roundsUpToAWholeSecondOfAtLeastOne(long millis, long seconds) {
        assertEquals(seconds, RateLimitAnswers.retryAfterSeconds(Duration.ofMillis(millis)));
    }
}
