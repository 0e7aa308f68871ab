package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.observe.RecordingObserver;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.TestAccounts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polling feed tells its observer each delivered change's lag, and of a reconnect after an outage. */
class ChangeFeedObserverTest {

    private final BlockingQueue<AccountChange> delivered = new LinkedBlockingQueue<>();
    private final RecordingObserver observer = new RecordingObserver();

    @Test
    void eachDeliveredRowHasALagAndAnOutageEndsInAReconnect(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(dir), 3)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            SwitchableDataSource database = new SwitchableDataSource(pool);
            try (PollingChangeListener feed = PollingChangeListener.start(database, delivered::add, Duration.ofMillis(20),
                    observer)) {
                assertTrue(feed.connected(), "the first poll reached the database");
                repository.insertOAuthAccount(TestAccounts.oauth("store1", 1), 50, TestAudit.ENTRY);
                assertTrue(delivered.poll(5, TimeUnit.SECONDS) instanceof AccountChange.Changed);
                assertEquals(1, observer.lags.size(), "one row, one lag");
                assertTrue(observer.lags.get(0).compareTo(Duration.ofSeconds(5)) < 0, observer.lags::toString);

                database.down = true;
                assertTrue(database.refused.tryAcquire(5, TimeUnit.SECONDS), "a poll failed");
                assertTrue(waitFor(() -> !feed.connected()), "disconnected while the database is down");
                database.down = false;
                assertTrue(delivered.poll(5, TimeUnit.SECONDS) instanceof AccountChange.Unknown);
                assertEquals(List.of("reconnected"), observer.take());
                assertTrue(feed.connected());
            }
            assertEquals(1, observer.lags.size());
        }
    }

    @Test
    void thePostgresListenerReportsItsReconnectAndNoLag() throws Exception {
        String app = "storeauth_observe_" + UUID.randomUUID().toString().substring(0, 8);
        String schemaUrl = TestDatabases.newPostgresSchema("observe");
        String url = schemaUrl + "&ApplicationName=" + app;
        try (HikariDataSource pool = TestDatabases.pool(url, 3);
                PostgresChangeListener feed = PostgresChangeListener.start(pool, delivered::add, observer)) {
            assertTrue(feed.connected(), "listening");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + app + "' AND query LIKE 'LISTEN%'").close();
            }
            assertTrue(waitFor(() -> observer.take().contains("reconnected")), "reconnect told");
            assertTrue(feed.connected());
            assertEquals(List.of(), observer.lags, "notifications carry no commit time");
        } finally {
            TestDatabases.dropPostgresSchema(schemaUrl);
        }
    }

    @Test
    void aClosedFeedIsNotConnected(@TempDir Path dir) {
        try (HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(dir), 3)) {
            JdbcAccountRepository.create(pool);
            PollingChangeListener feed = PollingChangeListener.start(pool, delivered::add, Duration.ofMillis(20));
            feed.close();
            assertFalse(feed.connected());
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
