package dev.storeauth.throttle;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt's place against its keys' limits, taken by {@link FailureThrottle#tryReserve} before
 * the expensive check. Settle it exactly once: {@link #failed()} turns it into a recorded failure;
 * {@link #release()} (a success, or an attempt that was never checked) gives the place back.
 * Later calls do nothing, so {@code try (Reservation r = ...)} releases it if the check throws.
 * Thread-safe.
 */
public final class Reservation implements AutoCloseable {

    private final FailureThrottle throttle;
    private final List<String> keys;
    private final AtomicBoolean settled = new AtomicBoolean();

    Reservation(FailureThrottle throttle, List<String> keys) {
        this.throttle = throttle;
        this.keys = List.copyOf(keys);
    }

    /** The check failed: counts one failure for every key. */
    public void failed() {
        if (settled.compareAndSet(false, true)) {
            throttle.settle(keys, true);
        }
    }

    /** The check succeeded, or never ran: counts nothing. */
    public void release() {
        if (settled.compareAndSet(false, true)) {
            throttle.settle(keys, false);
        }
    }

    /** Same as {@link #release()} unless already settled. */
    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "Reservation[keys=" + keys + ", settled=" + settled.get() + "]";
    }
}
