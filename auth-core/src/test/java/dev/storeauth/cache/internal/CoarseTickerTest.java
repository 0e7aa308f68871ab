package dev.storeauth.cache.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoarseTickerTest {

    private static final long DEADLINE_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long JOIN_MILLIS = Duration.ofSeconds(10).toMillis();

    @Test
    void advancesWithTheSystemClockWhileRunning() {
        try (CoarseTicker ticker = CoarseTicker.start(Duration.ofMillis(1))) {
            long first = ticker.read();
            long waitedFrom = System.nanoTime();
            while (ticker.read() == first && System.nanoTime() - waitedFrom < DEADLINE_NANOS) {
                Thread.onSpinWait();
            }

            assertTrue(ticker.read() > first, "the clock thread never refreshed the reading");
            assertTrue(ticker.read() <= System.nanoTime(), "a reading is never ahead of the clock");
        }
    }

    @Test
    void closeStopsTheThreadAndReadingsFollowTheSystemClock() throws InterruptedException {
        CoarseTicker ticker = CoarseTicker.start(Duration.ofSeconds(1));

        ticker.close();
        ticker.close();
        long closedAt = System.nanoTime();

        ticker.thread().join(JOIN_MILLIS);
        assertFalse(ticker.thread().isAlive(), "close() returned but the clock thread is still running");
        assertTrue(ticker.read() >= closedAt, "readings stood still after close()");
    }

    @Test
    void anInterruptStopsTheThreadInsteadOfSpinning() throws InterruptedException {
        try (CoarseTicker ticker = CoarseTicker.start(Duration.ofSeconds(1))) {
            ticker.thread().interrupt();
            long interruptedAt = System.nanoTime();

            ticker.thread().join(JOIN_MILLIS);
            assertFalse(ticker.thread().isAlive(), "the interrupted clock thread is still running");
            assertTrue(ticker.read() >= interruptedAt, "readings stood still after the thread stopped");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 999_999, 1_000_000_001})
    void rejectsAResolutionOutsideOneMillisecondToOneSecond(long nanos) {
        assertThrows(IllegalArgumentException.class, () -> CoarseTicker.start(Duration.ofNanos(nanos)));
    }
}
