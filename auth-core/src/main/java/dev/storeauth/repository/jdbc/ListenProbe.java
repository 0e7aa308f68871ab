package dev.storeauth.repository.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link PostgresChangeListener} finds out that its connection died without a word (a partition,
 * a NAT or firewall dropping it): after {@code every} without a notification it runs {@code SELECT 1}
 * on the listening connection, which must answer within {@code timeout}; if it does not, the
 * connection is dropped and the feed reconnects and clears the cache. So a node that loses its feed
 * silently notices within {@code every + timeout}.
 *
 * <pre>{@code
 * PostgresChangeListener.start(dataSource, cache, observer, new ListenProbe(Duration.ofSeconds(5), Duration.ofSeconds(2)));
 * }</pre>
 *
 * @param every how long the connection may stay silent before it is probed; positive, at most a year
 * @param timeout how long the probe may take; positive, shorter than {@code every}, at most
 *     {@code Integer.MAX_VALUE} milliseconds
 */
public record ListenProbe(Duration every, Duration timeout) {

    private static final Duration MAX_EVERY = Duration.ofDays(365);
    private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /** Probes after 5 s of silence, allowing 2 s for the answer: a silent loss is noticed within 7 s. */
    public static final ListenProbe DEFAULT = new ListenProbe(Duration.ofSeconds(5), Duration.ofSeconds(2));

    /** @throws IllegalArgumentException if a duration is not positive or too long, or the timeout is not shorter */
    public ListenProbe {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(timeout, "timeout");
        if (every.compareTo(MAX_EVERY) > 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("probe interval at most " + MAX_EVERY + " and timeout at most "
                    + MAX_TIMEOUT + ": " + every + ", " + timeout);
        }
        if (every.toMillis() <= 0 || timeout.toMillis() <= 0) {
            throw new IllegalArgumentException("probe interval and timeout must be at least 1 ms: " + every + ", " + timeout);
        }
        if (timeout.compareTo(every) >= 0) {
            throw new IllegalArgumentException("probe timeout " + timeout + " must be shorter than its interval " + every);
        }
    }
}
