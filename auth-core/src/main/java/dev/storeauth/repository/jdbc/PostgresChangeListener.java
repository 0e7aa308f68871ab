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
 * <p>A connection that dies without a word (a partition, or a NAT or firewall dropping it) is found
 * by the {@link ListenProbe}: after {@code every} without a notification, {@code SELECT 1} on the
 * listening connection must answer within {@code timeout}. So a node that loses its feed silently
 * reports {@link #connected()} false within {@code every + timeout} (7 s by default), reconnects
 * with backoff and clears its cache; meanwhile it serves what it cached. Adding
 * {@code tcpKeepAlive=true} to the JDBC URL also lets the operating system drop such a connection.
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
    private final ListenProbe probe;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;

    private PostgresChangeListener(DataSource dataSource, AccountChange.Listener listener, StoreAuthObserver observer,
            ListenProbe probe) {
        this.dataSource = dataSource;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.probe = Objects.requireNonNull(probe, "probe");
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
        return start(dataSource, listener, observer, ListenProbe.DEFAULT);
    }

    /** {@link #start(DataSource, AccountChange.Listener, StoreAuthObserver)}, probing a silent connection as {@code probe} says. */
    public static PostgresChangeListener start(DataSource dataSource, AccountChange.Listener listener,
            StoreAuthObserver observer, ListenProbe probe) {
        PostgresChangeListener feed = new PostgresChangeListener(dataSource, listener, observer, probe);
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
            receive(c, pg);
        } finally {
            unlistenQuietly(c);
        }
    }

    /** Delivers notifications until closed; throws once the connection fails a probe. */
    private void receive(Connection c, PGConnection pg) throws SQLException {
        long everyNanos = probe.every().toNanos();
        long heard = System.nanoTime();
        while (!closed) {
            long silent = System.nanoTime() - heard;
            if (silent >= everyNanos) {
                probe(c);
                heard = System.nanoTime();
                continue;
            }
            // At least every WAIT_MILLIS, so that close() is noticed.
            int wait = (int) Math.max(1, Math.min(WAIT_MILLIS, TimeUnit.NANOSECONDS.toMillis(everyNanos - silent)));
            PGNotification[] notifications = pg.getNotifications(wait);
            if (notifications != null && notifications.length > 0) {
                heard = System.nanoTime();
                List<String> keys = Arrays.stream(notifications).map(PGNotification::getParameter).toList();
                LookupKeyText.changeOf(keys).ifPresent(listener::onChange);
            }
        }
    }

    /**
     * A round trip that must come back within the probe's timeout, or the driver drops the connection.
     * Committed where the connection does not commit by itself: PostgreSQL holds notifications back
     * from a session inside a transaction. The connection's own network timeout is put back after.
     */
    private void probe(Connection c) throws SQLException {
        int before = c.getNetworkTimeout();
        c.setNetworkTimeout(Runnable::run, (int) probe.timeout().toMillis());
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } finally {
            c.setNetworkTimeout(Runnable::run, before);
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
            thread.join(2 * WAIT_MILLIS + probe.timeout().toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
