package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A LISTEN connection that dies without a word (nothing sent back, nothing closed) is found by the
 * probe: the feed reports itself disconnected, reconnects and clears the cache within the bound.
 */
class SilentFeedLossTest {

    private static final ListenProbe PROBE = new ListenProbe(Duration.ofMillis(200), Duration.ofMillis(100));
    /** every + timeout, plus the first reconnect's backoff and room for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private final BlockingQueue<Object> changes = new LinkedBlockingQueue<>();
    private final AccountChange.Listener listener = changes::add;

    @Test
    void aListenerWhoseConnectionGoesSilentReportsItDisconnectedThenReconnectsAndClearsTheCache() throws Exception {
        String url = TestDatabases.newPostgresSchema("feedprobe");
        URI server = URI.create(url.substring("jdbc:".length()));
        try (FreezingProxy proxy = new FreezingProxy(server.getHost(), server.getPort());
                HikariDataSource direct = TestDatabases.pool(url, 2);
                HikariDataSource proxied = proxiedPool(url, server, proxy);
                PostgresChangeListener feed = PostgresChangeListener.start(proxied, listener, StoreAuthObserver.NOOP, PROBE)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(direct);
            assertTrue(next(changed(ChangeFeedReconnectTest.deleteOne(repository, 1)), Duration.ofSeconds(5)), "change delivered");

            proxy.freeze();
            ChangeFeedReconnectTest.deleteOne(repository, 2);
            assertTrue(within(BOUND, () -> !feed.connected()), "silent connection found within " + BOUND);

            proxy.thaw();
            assertTrue(next(AccountChange.Unknown.class::isInstance, BOUND), "cache cleared on reconnecting");
            assertTrue(feed.connected(), "connected again");
            assertTrue(next(changed(ChangeFeedReconnectTest.deleteOne(repository, 3)), Duration.ofSeconds(5)), "change after reconnecting delivered");
        } finally {
            TestDatabases.dropPostgresSchema(url);
        }
    }

    @Test
    void aListenerOnAConnectionThatDoesNotCommitByItselfStillHearsChangesAfterItsProbes() throws Exception {
        String url = TestDatabases.newPostgresSchema("feedprobe_tx");
        try (HikariDataSource direct = TestDatabases.pool(url, 2);
                HikariDataSource manual = notCommittingByItself(url)) {
            try (PostgresChangeListener feed = PostgresChangeListener.start(manual, listener, StoreAuthObserver.NOOP, PROBE)) {
                JdbcAccountRepository repository = JdbcAccountRepository.create(direct);
                assertTrue(next(changed(ChangeFeedReconnectTest.deleteOne(repository, 1)), Duration.ofSeconds(5)), "change delivered");
                // Real time must pass here: three probe intervals with no notification, so probes run.
                LockSupport.parkNanos(PROBE.every().multipliedBy(3).toNanos());

                assertTrue(next(changed(ChangeFeedReconnectTest.deleteOne(repository, 2)), BOUND), "change after the probes delivered");
                assertTrue(feed.connected(), "still connected");
            }
        } finally {
            TestDatabases.dropPostgresSchema(url);
        }
    }

    private static HikariDataSource notCommittingByItself(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    /** One connection, through the proxy, so a reconnect opens a new link rather than reusing a frozen one. */
    private static HikariDataSource proxiedPool(String url, URI server, FreezingProxy proxy) {
        String through = url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
        HikariDataSource pool = TestDatabases.pool(through, 1);
        pool.setValidationTimeout(250);
        return pool;
    }

    private static Predicate<Object> changed(LookupKey key) {
        return change -> change instanceof AccountChange.Changed c && c.keys().contains(key);
    }

    /** Whether a change {@code wanted} arrives within {@code bound}, skipping others. */
    private boolean next(Predicate<Object> wanted, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (Object got = changes.poll(bound.toNanos(), TimeUnit.NANOSECONDS); got != null;
                got = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            if (wanted.test(got)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }
}
