package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a lost connection a feed reconnects by itself, reports possibly missed changes, and goes on. */
class ChangeFeedReconnectTest {

    private final BlockingQueue<LookupKey> changed = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> missed = new LinkedBlockingQueue<>();
    private final AccountChange.Listener listener = change -> {
        if (change instanceof AccountChange.Changed keys) {
            changed.addAll(keys.keys());
        } else {
            missed.add("all");
        }
    };

    @Test
    void postgresListenerReconnectsAfterItsBackendIsKilled() throws Exception {
        String app = "storeauth_listen_" + UUID.randomUUID().toString().substring(0, 8);
        String url = TestDatabases.newPostgresSchema("listen") + "&ApplicationName=" + app;
        try (HikariDataSource pool = TestDatabases.pool(url, 3);
                PostgresChangeListener feed = PostgresChangeListener.start(pool, listener)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            assertTrue(waitFor(deleteOne(repository, 1)), "change delivered");

            assertEquals(1, terminateListener(url, app));
            assertEquals("all", missed.poll(10, TimeUnit.SECONDS));
            assertTrue(waitFor(deleteOne(repository, 2)), "change after reconnecting delivered");
        } finally {
            TestDatabases.dropPostgresSchema(url.substring(0, url.indexOf("&ApplicationName")));
        }
    }

    @Test
    void pollerReportsMissedChangesAfterAnOutageAndGoesOn(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(dir), 3)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            SwitchableDataSource database = new SwitchableDataSource(pool);
            try (PollingChangeListener feed = PollingChangeListener.start(database, listener, Duration.ofMillis(20))) {
                LookupKey first = deleteOne(repository, 1);
                assertTrue(waitFor(first), "first change delivered");
                database.down = true;
                deleteOne(repository, 2);
                assertTrue(database.refused.tryAcquire(5, TimeUnit.SECONDS), "a poll failed");
                database.down = false;
                assertEquals("all", missed.poll(5, TimeUnit.SECONDS));
                LookupKey third = deleteOne(repository, 3);
                assertTrue(waitFor(third), "change after recovery delivered");
            }
        }
    }

    private boolean waitFor(LookupKey key) throws InterruptedException {
        for (LookupKey got = changed.poll(5, TimeUnit.SECONDS); got != null; got = changed.poll(5, TimeUnit.SECONDS)) {
            if (got.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Creates and deletes an account; returns its key. */
    static LookupKey deleteOne(JdbcAccountRepository repository, int n) {
        OAuthAccount account = TestAccounts.oauth("store1", n);
        repository.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        assertEquals(List.of(account.id()), repository.deleteOAuthAccounts("store1", List.of(account.id()), TestAudit.ENTRY));
        return LookupKey.of(account);
    }

    private static int terminateListener(String url, String app) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = '" + app + "' AND query LIKE 'LISTEN%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
