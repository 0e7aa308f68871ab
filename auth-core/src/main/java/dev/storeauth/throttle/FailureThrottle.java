package dev.storeauth.throttle;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Bounds the work that unproven credentials cause: store lookups and secret checks. Each attempt
 * takes a place, atomically and before the work, from its client address's bucket and, where the
 * credential names an identity (a legacy username), from the bucket of that identity <em>at that
 * address</em>. A failed attempt keeps its place; one that proves valid gives it back. Buckets
 * hold {@code maxFailures} places and refill smoothly over {@code window}.
 *
 * <ul>
 *   <li>Exact under concurrency: however many attempts arrive at once, at most {@code maxFailures}
 *       take a place before any refill.
 *   <li>Never per identity alone: failures for a username from one address do not touch that
 *       username at any other address, so no one can lock an account from elsewhere.
 *   <li>Keys are fixed-size digests ({@link LimitKeys}); the counters bound their keys' number.
 *   <li>Where the counters are shared (Redis, PostgreSQL), the limit holds for the whole fleet.
 * </ul>
 *
 * <pre>{@code
 * FailureThrottle throttle = new FailureThrottle(10, Duration.ofMinutes(1), store.counters("failures"));
 * if (throttle.tryReserve(address, email) instanceof Admission.Reserved reserved) {
 *     try (Reservation reservation = reserved.reservation()) {
 *         if (!passwordMatches()) {
 *             reservation.failed();
 *         }
 *     }
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class FailureThrottle {

    private final Limit limit;
    private final Counters counters;

    /**
     * @param maxFailures failures allowed per key within {@code window}, at least 1
     * @throws IllegalArgumentException for a non-positive number or duration
     */
    public FailureThrottle(int maxFailures, Duration window, Counters counters) {
        this.limit = Limit.failures(maxFailures, window);
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** A throttle counting in this process, at most {@code maximumKeys} keys, on {@code nanoTime}. */
    public static FailureThrottle local(int maxFailures, Duration window, long maximumKeys, LongSupplier nanoTime) {
        return new FailureThrottle(maxFailures, window,
                new LocalCounterStore(maximumKeys, window, nanoTime).counters("failures"));
    }

    /**
     * Takes a place for one attempt from {@code address} and, if not {@code null}, for
     * {@code identity} at {@code address}: {@link Admission.Blocked} when either bucket is empty,
     * with nothing taken. The caller must settle every {@link Admission.Reserved reservation}.
     */
    public Admission tryReserve(String address, String identity) {
        String addressKey = LimitKeys.address(Objects.requireNonNull(address, "address"));
        ConsumptionProbe first = counters.tryTake(addressKey, limit);
        if (!first.isConsumed()) {
            return blocked(first);
        }
        if (identity == null) {
            return new Admission.Reserved(new Reservation(this, addressKey, null));
        }
        String identityKey = LimitKeys.identityAt(identity, address);
        ConsumptionProbe second = counters.tryTake(identityKey, limit);
        if (!second.isConsumed()) {
            counters.giveBack(addressKey, limit);
            return blocked(second);
        }
        return new Admission.Reserved(new Reservation(this, addressKey, identityKey));
    }

    /** Gives back the places {@link Reservation#release()} holds. */
    void giveBack(String key) {
        counters.giveBack(key, limit);
    }

    private static Admission blocked(ConsumptionProbe probe) {
        return new Admission.Blocked(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }
}
