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
 * @param every how long the connection may stay silent before it is probed; positive
 * @param timeout how long the probe may take; positive, shorter than {@code every}, whole milliseconds
 */
public record ListenProbe(Duration every, Duration timeout) {

    /** Probes after 5 s of silence, allowing 2 s for the answer: a silent loss is noticed within 7 s. */
    public static final ListenProbe DEFAULT = new ListenProbe(Duration.ofSeconds(5), Duration.ofSeconds(2));

    /** @throws IllegalArgumentException if a duration is not positive, or the timeout is not shorter */
    public ListenProbe {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(timeout, "timeout");
        if (every.toMillis() <= 0 || timeout.toMillis() <= 0) {
            throw new IllegalArgumentException("probe interval and timeout must be at least 1 ms: " + every + ", " + timeout);
        }
        if (timeout.compareTo(every) >= 0) {
            throw new IllegalArgumentException("probe timeout " + timeout + " must be shorter than its interval " + every);
        }
    }
}
