package dev.storeauth.throttle;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Objects;

/**
 * The shape of one bucket: {@code capacity} tokens per {@code window}.
 *
 * <ul>
 *   <li>A {@linkplain #failures failure limit} refills smoothly (one token every
 *       {@code window / capacity}) and is exact: every node takes and gives back at the shared store.
 *   <li>A {@linkplain #quota quota} refills whole at the end of each window, as the platform's
 *       {@code X-Rate-Limit-Time-Reset-Ms} reports, and may let each node take up to
 *       {@link #unsynchronized} tokens before it tells the shared store: with two nodes at most 5%
 *       over the quota, and no network round trip on most requests.
 * </ul>
 *
 * @param capacity tokens in a full bucket, at least 1
 * @param window how long a full refill takes
 * @param smooth whether tokens come back one at a time rather than all at the end of the window
 * @param unsynchronized tokens a node may take before it synchronizes with a shared store; 0 = every time
 */
public record Limit(long capacity, Duration window, boolean smooth, long unsynchronized) {

    /** At most 2.5% of the quota per node, so two nodes together overshoot by at most 5%. */
    private static final long NODE_SHARE_DIVISOR = 40;

    public Limit {
        Objects.requireNonNull(window, "window");
        if (capacity < 1 || window.isNegative() || window.isZero() || unsynchronized < 0 || unsynchronized > capacity) {
            throw new IllegalArgumentException("a limit needs a positive capacity and window: " + capacity + "/" + window);
        }
    }

    /** {@code maxFailures} per {@code window}, refilled smoothly, synchronized on every take. */
    public static Limit failures(int maxFailures, Duration window) {
        return new Limit(maxFailures, window, true, 0);
    }

    /** {@code requests} per fixed {@code window}. */
    public static Limit quota(long requests, Duration window) {
        return new Limit(requests, window, false, requests / NODE_SHARE_DIVISOR);
    }

    /** The Bucket4j configuration of this shape. */
    public BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> {
                    var refill = limit.capacity(capacity);
                    return smooth ? refill.refillGreedy(capacity, window) : refill.refillIntervally(capacity, window);
                })
                .build();
    }
}
