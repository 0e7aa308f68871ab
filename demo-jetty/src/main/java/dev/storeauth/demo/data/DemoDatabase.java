package dev.storeauth.demo.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.demo.cli.DemoOptions;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The demo's connection pool: an H2 file in the data directory, or the database of
 * {@code --jdbc-url}. Closing it closes every connection. Thread-safe.
 */
public final class DemoDatabase implements AutoCloseable {

    private final HikariDataSource pool;

    private DemoDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the pool and waits for a first connection.
     *
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException if the database cannot
     *     be reached
     */
    public static DemoDatabase open(DemoOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("storeauth-demo");
        config.setJdbcUrl(options.jdbcUrl().orElseGet(() -> h2Url(options.dataDir())));
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(5_000);
        return new DemoDatabase(new HikariDataSource(config));
    }

    /** The embedded database file {@code dataDir/storeauth.mv.db}. */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("storeauth").toAbsolutePath() + ";LOCK_TIMEOUT=20000";
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
