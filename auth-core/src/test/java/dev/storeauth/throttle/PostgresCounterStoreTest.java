package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.repository.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buckets in a fresh PostgreSQL schema, by one node and by two, each node on its own pool. */
class PostgresCounterStoreTest extends SharedCounterScenarios {

    private String url;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void schema() {
        url = TestDatabases.newPostgresSchema("limits");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        pools.forEach(HikariDataSource::close);
        TestDatabases.dropPostgresSchema(url);
    }

    @Override
    CounterStore newNode() {
        return new PostgresCounterStore(pool());
    }

    private HikariDataSource pool() {
        HikariDataSource pool = TestDatabases.pool(url, 16);
        pools.add(pool);
        return pool;
    }

    @Test
    void aBucketIsARowWithIdNamespaceColonKeyAndWhenItWouldBeFullAgain() throws SQLException {
        HikariDataSource pool = pool();
        long before = System.currentTimeMillis();
        new PostgresCounterStore(pool).counters("failures").tryTake(key("ip"), FAILURES);

        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT id, expires_at FROM storeauth_limit_bucket")) {
            assertTrue(rows.next());
            assertEquals("failures:" + key("ip"), rows.getString("id"));
            // one token of five per 15 minutes comes back in 3 minutes, kept 10 s more
            long expiresIn = rows.getLong("expires_at") - before;
            assertTrue(expiresIn > 180_000 && expiresIn <= 191_000, expiresIn + " ms");
        }
    }

    @Test
    void removeExpiredDeletesTheRowsPastTheirTimeAndKeepsTheOthers() throws SQLException {
        HikariDataSource pool = pool();
        PostgresCounterStore store = new PostgresCounterStore(pool);
        Counters failures = store.counters("failures");
        failures.tryTake(key("old"), FAILURES);
        failures.tryTake(key("new"), FAILURES);
        execute(pool, "UPDATE storeauth_limit_bucket SET expires_at = 0 WHERE id = 'failures:" + key("old") + "'");

        assertEquals(1, store.removeExpired(100));
        assertEquals(List.of("failures:" + key("new")), ids(pool));
        assertEquals(0, store.removeExpired(100));
    }

    @Test
    void aKeyTooLongForTheTableIsRefused() {
        Counters failures = node().counters("failures");

        assertThrows(IllegalArgumentException.class, () -> failures.tryTake("k".repeat(200), FAILURES));
    }

    @Test
    void itIsNamedPostgresql() {
        assertEquals("postgresql", node().name());
    }

    @Test
    void withTheDatabaseDownItIsMadeAllTheSameAndItsCallsThrow() throws SQLException {
        DataSource down = mock(DataSource.class);
        when(down.getConnection()).thenThrow(new SQLException("connection refused"));
        PostgresCounterStore store = new PostgresCounterStore(down);

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> store.counters("failures").tryTake(key("ip"), FAILURES));
        assertTrue(thrown.getMessage().contains("connection refused"), thrown.getMessage());
    }

    private static void execute(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> ids(DataSource pool) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT id FROM storeauth_limit_bucket ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
