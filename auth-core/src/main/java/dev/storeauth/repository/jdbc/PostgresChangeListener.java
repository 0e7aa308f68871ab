package dev.storeauth.repository.jdbc;

import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN storeauth_changes} on one connection of its own (so size the pool one larger),
 * waiting for notifications on a daemon thread, and tells the listener their lookup keys: one
 * {@link AccountChange.Changed} per batch of notifications received together, or
 * {@link AccountChange.Unknown} if a payload is not a key it can decode. A lost connection is
 * re-opened with backoff, and then {@link AccountChange.Unknown} is delivered, since notifications
 * sent meanwhile are gone, and the observer is told of the reconnect. Notifications carry no commit
 * time, so this feed reports no lag.
 *
 * <pre>{@code
 * try (PostgresChangeListener feed = PostgresChangeListener.start(dataSource, cache)) { ... }
 * }</pre>
 */
public final class PostgresChangeListener implements AccountChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int WAIT_MILLIS = 250;

    private final DataSource dataSource;
    private final AccountChange.Listener listener;
    private final StoreAuthObserver observer;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;

    private PostgresChangeListener(DataSource dataSource, AccountChange.Listener listener, StoreAuthObserver observer) {
        this.dataSource = dataSource;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.thread = new Thread(this::run, "storeauth-listen");
        thread.setDaemon(true);
    }

    /**
     * Starts listening and waits up to 5 s for the first {@code LISTEN} to be in place (it keeps
     * trying in the background if the database is down now).
     */
    public static PostgresChangeListener start(DataSource dataSource, AccountChange.Listener listener) {
        return start(dataSource, listener, StoreAuthObserver.NOOP);
    }

    /** {@link #start(DataSource, AccountChange.Listener)}, telling {@code observer} of reconnects. */
    public static PostgresChangeListener start(DataSource dataSource, AccountChange.Listener listener,
            StoreAuthObserver observer) {
        PostgresChangeListener feed = new PostgresChangeListener(dataSource, listener, observer);
        feed.thread.start();
        try {
            feed.listening.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return feed;
    }

    private void run() {
        Backoff backoff = new Backoff();
        boolean missed = false;
        while (!closed) {
            try (Connection c = dataSource.getConnection()) {
                listen(c, missed, backoff);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                missed = true;
                connected = false;
                LOG.warn("change listener lost its connection, reconnecting: {}", e.toString());
                sleep(backoff.nextMillis());
            }
        }
    }

    private void listen(Connection c, boolean missed, Backoff backoff) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + ChangeLog.CHANNEL);
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        connected = true;
        listening.countDown();
        backoff.reset();
        if (missed) {
            observer.changeFeedReconnected();
            listener.onChange(new AccountChange.Unknown());
        }
        try {
            while (!closed) {
                PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                if (notifications != null) {
                    List<String> keys = Arrays.stream(notifications).map(PGNotification::getParameter).toList();
                    LookupKeyText.changeOf(keys).ifPresent(listener::onChange);
                }
            }
        } finally {
            unlistenQuietly(c);
        }
    }

    private static void unlistenQuietly(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("UNLISTEN *");
        } catch (SQLException e) {
            LOG.debug("UNLISTEN failed on a closing connection: {}", e.toString());
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public boolean connected() {
        return connected && !closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * WAIT_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
