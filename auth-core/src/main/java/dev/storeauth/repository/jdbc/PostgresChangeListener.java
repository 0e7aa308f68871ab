package dev.storeauth.repository.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN storeauth_changes} on one connection of its own (so size the pool one larger),
 * waiting for notifications on a daemon thread. A lost connection is re-opened with backoff, and
 * then {@code onMissedChanges} runs, since notifications sent meanwhile are gone.
 */
public final class PostgresChangeListener implements AccountChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int WAIT_MILLIS = 250;

    private final DataSource dataSource;
    private final Consumer<String> onChange;
    private final Runnable onMissedChanges;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;

    private PostgresChangeListener(DataSource dataSource, Consumer<String> onChange, Runnable onMissedChanges) {
        this.dataSource = dataSource;
        this.onChange = onChange;
        this.onMissedChanges = onMissedChanges;
        this.thread = new Thread(this::run, "storeauth-listen");
        thread.setDaemon(true);
    }

    /**
     * Starts listening and waits up to 5 s for the first {@code LISTEN} to be in place (it keeps
     * trying in the background if the database is down now).
     */
    public static PostgresChangeListener start(DataSource dataSource, Consumer<String> onChange,
            Runnable onMissedChanges) {
        PostgresChangeListener listener = new PostgresChangeListener(dataSource, onChange, onMissedChanges);
        listener.thread.start();
        try {
            listener.listening.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return listener;
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
        listening.countDown();
        backoff.reset();
        if (missed) {
            onMissedChanges.run();
        }
        try {
            while (!closed) {
                PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                    onChange.accept(n.getParameter());
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
    public void close() {
        closed = true;
        try {
            thread.join(2 * WAIT_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
