package dev.storeauth.demo.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.storeauth.demo.cli.DemoOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The demo's connection pool: an H2 file in the data directory, or the database of
 * {@code --jdbc-url} (PostgreSQL or MariaDB). Closing it closes every connection. Thread-safe.
 *
 * <p>The H2 file is checked against its {@link CommitMark} on open, and a database that holds less
 * than it is known to have committed is refused (see {@link #open}); with {@code --jdbc-url} that
 * database's own durability applies and nothing is checked.
 */
public final class DemoDatabase implements AutoCloseable {

    private static final Duration MARK_INTERVAL = Duration.ofMillis(500);

    private final HikariDataSource pool;
    private final Optional<H2Files> h2;

    private DemoDatabase(HikariDataSource pool, Optional<H2Files> h2) {
        this.pool = pool;
        this.h2 = h2;
    }

    /**
     * Opens the pool and waits for a first connection. For the H2 file: refuses, with one line
     * naming the file and how to restore it, a database that is missing while its mark exists, that
     * H2 cannot open, that another process has open, or that lacks commits its mark records.
     *
     * @throws IllegalStateException for those refusals
     * @throws HikariPool.PoolInitializationException if the {@code --jdbc-url} database cannot be reached
     */
    public static DemoDatabase open(DemoOptions options) {
        if (options.jdbcUrl().isPresent()) {
            return new DemoDatabase(pool(options.jdbcUrl().get()), Optional.empty());
        }
        H2Files files = new H2Files(options.dataDir());
        Optional<CommitMark> mark = CommitMark.read(files.mark());
        if (mark.isPresent() && !Files.exists(files.database())) {
            throw files.refusal("is missing (" + files.mark() + " records store " + mark.get().storeHash()
                    + ", change " + mark.get().changes() + ")");
        }
        DemoDatabase database = new DemoDatabase(files.open(), Optional.of(files));
        try {
            database.verify(mark);
            DataDirectory.ownerOnly(files.database());
            return database;
        } catch (IOException | SQLException | RuntimeException e) {
            database.close();
            throw e instanceof IllegalStateException refused ? refused
                    : files.refusal("cannot be checked (" + e.getMessage() + ")");
        }
    }

    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("storeauth-demo");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(5_000);
        if (url.startsWith("jdbc:mariadb:")) {
            // DATETIME has no zone: every node reads and writes the demo's times in UTC.
            config.addDataSourceProperty("connectionTimeZone", "UTC");
        }
        return new HikariDataSource(config);
    }

    private void verify(Optional<CommitMark> mark) throws SQLException {
        if (mark.isEmpty()) {
            return;
        }
        try (Connection c = pool.getConnection()) {
            Optional<String> shortfall = mark.get().shortfall(HeldData.of(c));
            if (shortfall.isPresent()) {
                throw h2.orElseThrow().refusal("is older than its last commit (" + shortfall.get() + ")");
            }
        }
    }

    /**
     * Starts keeping the H2 file's commit mark (a no-op with {@code --jdbc-url}); close the result
     * before this database.
     *
     * @throws SQLException if the database cannot be read
     * @throws IOException if the mark cannot be written
     */
    public AutoCloseable keepCommitMark() throws SQLException, IOException {
        if (h2.isEmpty()) {
            return () -> { };
        }
        return MarkKeeper.start(pool, h2.get().mark(), CommitMark.read(h2.get().mark()), MARK_INTERVAL);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** What to print about the database: its URL without user or password parameters. */
    public String description() {
        String url = pool.getJdbcUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public void close() {
        pool.close();
    }
}
