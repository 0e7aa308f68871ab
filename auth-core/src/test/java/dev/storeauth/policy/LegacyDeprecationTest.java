package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A deprecation policy is whole seconds, its sunset not before its deprecation, its link plain http(s). */
class LegacyDeprecationTest {

    private static final LegacyDeprecation SINCE = LegacyDeprecation.since(LocalDate.of(2023, 7, 1));

    @Test
    void datesAreTheStartOfTheirDayInUtcAndInstantsAreTruncatedToTheSecond() {
        LegacyDeprecation policy = LegacyDeprecation.since(Instant.parse("2023-06-30T23:59:59.999Z"))
                .withSunset(LocalDate.of(2027, 6, 30));

        assertEquals(Instant.parse("2023-06-30T23:59:59Z"), policy.deprecatedSince());
        assertEquals(Optional.of(Instant.parse("2027-06-30T00:00:00Z")), policy.sunset());
        assertEquals(Instant.parse("2023-07-01T00:00:00Z"), SINCE.deprecatedSince());
    }

    @Test
    void aSunsetOnTheDayOfTheDeprecationIsAllowed() {
        assertEquals(SINCE.deprecatedSince(), SINCE.withSunset(LocalDate.of(2023, 7, 1)).sunset().orElseThrow());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("sunset before deprecation", (Supplier<?>) () -> SINCE.withSunset(LocalDate.of(2023, 6, 30)),
                        "before the deprecation"),
                Arguments.of("refusal without sunset", (Supplier<?>) SINCE::refusingAfterSunset, "needs a sunset"),
                Arguments.of("relative link", (Supplier<?>) () -> SINCE.withLink(URI.create("/docs")), "absolute"),
                Arguments.of("ftp link", (Supplier<?>) () -> SINCE.withLink(URI.create("ftp://example.com/x")), "http(s)"),
                Arguments.of("user info", (Supplier<?>) () -> SINCE.withLink(URI.create("https://u:p@example.com/")),
                        "user info"),
                Arguments.of("year 10000", (Supplier<?>) () -> SINCE.withSunset(Instant.parse("+10000-01-01T00:00:00Z")),
                        "years 1 to 9999"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String what, Supplier<?> make, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);

        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
