package dev.storeauth.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link FailureThrottle#tryReserve} answers: a {@link Reserved} attempt may do its expensive
 * check; a {@link Blocked} one must not, and is told when to try again.
 */
public sealed interface Admission {

    /** The attempt holds a place in its buckets until {@code reservation} is settled. */
    record Reserved(Reservation reservation) implements Admission {

        public Reserved {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** A bucket is empty, counting attempts still in flight; {@code retryAfter} is positive. */
    record Blocked(Duration retryAfter) implements Admission {

        public Blocked {
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive: " + retryAfter);
            }
        }
    }
}
