package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link FailureThrottle#tryReserve}: attempts in flight count against the limit until they settle. */
class ReservationTest {

    private final FakeTicker ticker = new FakeTicker();
    private final FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(1), 1_000, ticker);

    @Test
    void reservationsInFlightBlockTheNextAttemptForASecond() {
        for (int i = 0; i < 3; i++) {
            reserve("192.0.2.1", null);
        }

        Admission blocked = throttle.tryReserve("192.0.2.1", null);

        assertEquals(new Admission.Blocked(Duration.ofSeconds(1)), blocked);
        assertEquals(Optional.empty(), throttle.blocked("192.0.2.1", null), "nothing recorded yet");
    }

    @Test
    void failedReservationsBecomeRecordedFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            reserve("192.0.2.1", "alice").failed();
        }
        ticker.advance(Duration.ofSeconds(20));

        assertEquals(new Admission.Blocked(Duration.ofSeconds(40)), throttle.tryReserve("192.0.2.1", null));
        assertEquals(new Admission.Blocked(Duration.ofSeconds(40)), throttle.tryReserve("203.0.113.9", "alice"));
        assertEquals(Optional.of(Duration.ofSeconds(40)), throttle.blocked("192.0.2.1", null));
        ticker.advance(Duration.ofSeconds(40));
        assertInstanceOf(Admission.Reserved.class, throttle.tryReserve("192.0.2.1", "alice"));
    }

    @Test
    void releasedReservationsCountNothing() {
        for (int i = 0; i < 10; i++) {
            reserve("192.0.2.1", "alice").release();
        }

        assertEquals(0, throttle.reservationsInFlight());
        assertEquals(Optional.empty(), throttle.blocked("192.0.2.1", "alice"));
        assertEquals(0, throttle.trackedKeys(), "a release leaves no window behind");
    }

    @Test
    void aReservationSettlesOnceWhateverIsCalledAfter() {
        Reservation reservation = reserve("192.0.2.1", null);
        reservation.failed();
        reservation.failed();
        reservation.release();
        reservation.close();

        assertEquals(0, throttle.reservationsInFlight());
        reserve("192.0.2.1", null).failed();
        assertEquals(Optional.empty(), throttle.blocked("192.0.2.1", null), "two failures, not four");
    }

    @Test
    void closingAnUnsettledReservationReleasesIt() {
        try (Reservation reservation = reserve("192.0.2.1", "alice")) {
            assertEquals(2, throttle.reservationsInFlight(), "one place per key");
        }

        assertEquals(0, throttle.reservationsInFlight());
    }

    @Test
    void aBlockedIdentityTakesNoPlaceForItsAddress() {
        for (int i = 0; i < 3; i++) {
            reserve("198.51.100." + i, "alice").failed();
        }

        assertInstanceOf(Admission.Blocked.class, throttle.tryReserve("192.0.2.1", "alice"));
        assertEquals(0, throttle.reservationsInFlight());
    }

    @Test
    void recordedFailuresAndReservationsAddUp() {
        throttle.recordFailure("192.0.2.1", null);
        reserve("192.0.2.1", null);
        reserve("192.0.2.1", null);

        assertInstanceOf(Admission.Blocked.class, throttle.tryReserve("192.0.2.1", null));
        assertInstanceOf(Admission.Reserved.class, throttle.tryReserve("192.0.2.2", null));
    }

    @Test
    void aBlockedAdmissionNeedsAPositiveWait() {
        assertThrows(IllegalArgumentException.class, () -> new Admission.Blocked(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new Admission.Reserved(null));
    }

    private Reservation reserve(String address, String identity) {
        return assertInstanceOf(Admission.Reserved.class, throttle.tryReserve(address, identity)).reservation();
    }
}
