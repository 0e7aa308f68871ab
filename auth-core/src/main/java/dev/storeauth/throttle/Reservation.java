package dev.storeauth.throttle;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt's place in its buckets, taken by {@link FailureThrottle#tryReserve} before the
 * expensive check. Settle it exactly once: {@link #failed()} keeps the place taken (a counted
 * failure); {@link #release()} (a success, or an attempt never checked) gives it back. Later calls
 * do nothing, so {@code try (Reservation r = ...)} releases it if the check throws. Thread-safe.
 */
public final class Reservation implements AutoCloseable {

    private final FailureThrottle throttle;
    private final String addressKey;
    private final String identityKey;
    private final AtomicBoolean settled = new AtomicBoolean();

    Reservation(FailureThrottle throttle, String addressKey, String identityKey) {
        this.throttle = throttle;
        this.addressKey = addressKey;
        this.identityKey = identityKey;
    }

    /** The check failed: the places stay taken until their buckets refill. */
    public void failed() {
        settled.set(true);
    }

    /** The check succeeded, or never ran: the places are given back. */
    public void release() {
        if (settled.compareAndSet(false, true)) {
            throttle.giveBack(addressKey);
            if (identityKey != null) {
                throttle.giveBack(identityKey);
            }
        }
    }

    /** Same as {@link #release()} unless already settled. */
    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "Reservation[settled=" + settled.get() + "]";
    }
}
