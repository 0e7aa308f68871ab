package dev.storeauth.repository.jdbc;

import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code storeauth_changes} every interval for rows it has not delivered, for databases
 * without {@code LISTEN}, and tells the listener their lookup keys: one
 * {@link AccountChange.Changed} per poll that found rows, or {@link AccountChange.Unknown} if a row
 * carries no key it can decode. Uses a pooled connection only while polling. After a failed poll
 * the next successful one delivers {@link AccountChange.Unknown} (failures are rare; the poller
 * stays simple) and carries on from the newest row; the observer is told of that reconnect, and of
 * each delivered row's lag, from its {@code changed_at_us} (the writing node's clock) to this node's.
 *
 * <pre>{@code
 * try (PollingChangeListener feed = PollingChangeListener.start(dataSource, cache, Duration.ofMillis(200))) { ... }
 * }</pre>
 */
public final class PollingChangeListener implements AccountChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(PollingChangeListener.class);
    private static final long GAP_LIFETIME_MILLIS = 10_000;

    private final Jdbc jdbc;
    private final AccountChange.Listener listener;
    private final StoreAuthObserver observer;
    private final ScheduledExecutorService scheduler;
    private ChangeCursor cursor;
    private boolean missed;
    private volatile boolean connected;

    private PollingChangeListener(DataSource dataSource, AccountChange.Listener listener, StoreAuthObserver observer) {
        this.jdbc = new Jdbc(dataSource);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storeauth-poll-changes");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling every {@code interval}, delivering only changes made from now on. */
    public static PollingChangeListener start(DataSource dataSource, AccountChange.Listener listener,
            Duration interval) {
        return start(dataSource, listener, interval, StoreAuthObserver.NOOP);
    }

    /** {@link #start(DataSource, AccountChange.Listener, Duration)}, telling {@code observer} of lag and reconnects. */
    public static PollingChangeListener start(DataSource dataSource, AccountChange.Listener listener,
            Duration interval, StoreAuthObserver observer) {
        PollingChangeListener feed = new PollingChangeListener(dataSource, listener, observer);
        feed.poll(); // on the caller's thread, so changes made once start returns are delivered
        long millis = interval.toMillis();
        feed.scheduler.scheduleWithFixedDelay(feed::poll, millis, millis, TimeUnit.MILLISECONDS);
        return feed;
    }

    private void poll() {
        try {
            jdbc.read(this::poll);
        } catch (SQLException | RuntimeException e) {
            missed = true;
            connected = false;
            LOG.warn("polling account changes failed, will retry: {}", e.toString());
        }
    }

    private Void poll(Connection c) throws SQLException {
        // Before anything is delivered, so a listener told of a reconnect finds the feed connected.
        connected = true;
        long now = System.currentTimeMillis();
        if (cursor == null || missed) {
            boolean first = cursor == null;
            cursor = new ChangeCursor(newestId(c), GAP_LIFETIME_MILLIS);
            if (missed && !first) {
                observer.changeFeedReconnected();
                listener.onChange(new AccountChange.Unknown());
            }
            missed = false;
            return null;
        }
        List<String> keys = new ArrayList<>();
        List<Long> committedMicros = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, lookup_key, changed_at_us FROM storeauth_changes WHERE id > ? ORDER BY id")) {
            ps.setLong(1, cursor.floor());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (cursor.accept(rs.getLong(1), now)) {
                        keys.add(rs.getString(2));
                        committedMicros.add(rs.getLong(3));
                    }
                }
            }
        }
        cursor.expire(now);
        // Told before the delivery, as the reconnect is, so that whoever the change reaches finds its lag counted.
        long deliveredMicros = System.currentTimeMillis() * 1_000;
        committedMicros.forEach(at -> observer.changeFeedLag(Duration.ofNanos(Math.max(0, deliveredMicros - at) * 1_000)));
        LookupKeyText.changeOf(keys).ifPresent(listener::onChange);
        return null;
    }

    private static long newestId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM storeauth_changes")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public boolean connected() {
        return connected && !scheduler.isShutdown();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
