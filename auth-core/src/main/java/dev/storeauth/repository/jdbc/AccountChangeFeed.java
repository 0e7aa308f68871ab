package dev.storeauth.repository.jdbc;

import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Tells this node about accounts changed on any node, so it can evict them from its cache: the
 * lookup keys of changed accounts as {@link AccountChange.Changed}; after a lost connection, when
 * changes may have been missed, {@link AccountChange.Unknown}.
 *
 * <pre>{@code
 * try (AccountChangeFeed feed = AccountChangeFeed.start(dataSource, cache)) { ... }   // cache: an AccountCache
 * }</pre>
 *
 * The listener is called on the feed's own daemon thread and must not block long.
 */
public interface AccountChangeFeed extends AutoCloseable {

    /** Stops the feed and releases its connection; idempotent. */
    @Override
    void close();

    /**
     * Whether the feed last reached the database: it is listening, or its last poll succeeded; false
     * from a lost connection until it is back. Cheap, never blocks.
     */
    boolean connected();

    /**
     * Starts the best feed for the database: {@code LISTEN} on PostgreSQL, polling every 200 ms
     * on MariaDB and H2, telling {@code listener} of every change committed from now on.
     *
     * @throws RepositoryUnavailableException if the database cannot be reached to find out which it is
     * @throws IllegalArgumentException if it is not PostgreSQL, MariaDB or H2
     */
    static AccountChangeFeed start(DataSource dataSource, AccountChange.Listener listener) {
        return start(dataSource, listener, StoreAuthObserver.NOOP);
    }

    /** {@link #start(DataSource, AccountChange.Listener)}, telling {@code observer} of lag and reconnects. */
    static AccountChangeFeed start(DataSource dataSource, AccountChange.Listener listener, StoreAuthObserver observer) {
        return start(dataSource, listener, observer, ListenProbe.DEFAULT);
    }

    /**
     * {@link #start(DataSource, AccountChange.Listener, StoreAuthObserver)}, probing a silent
     * {@code LISTEN} connection as {@code probe} says; polling needs no probe, each poll is a round trip.
     */
    static AccountChangeFeed start(DataSource dataSource, AccountChange.Listener listener, StoreAuthObserver observer,
            ListenProbe probe) {
        Dialect dialect;
        try {
            dialect = new Jdbc(dataSource).read(Dialect::of);
        } catch (SQLException e) {
            throw Jdbc.unavailable("connect", e);
        }
        return dialect.supportsNotify()
                ? PostgresChangeListener.start(dataSource, listener, observer, probe)
                : PollingChangeListener.start(dataSource, listener, Duration.ofMillis(200), observer);
    }
}
