package dev.storeauth.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock in UTC the tests set and move, counting how often it is read; the servlet module's tests use it
 * too. Thread-safe, as a server's threads read it.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final AtomicInteger reads = new AtomicInteger();

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** How many times {@link #instant()} was asked. */
    public int reads() {
        return reads.get();
    }

    @Override
    public Instant instant() {
        reads.incrementAndGet();
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
