package dev.storeauth.repository.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** H2 files and throw-away PostgreSQL schemas for tests, each behind its own HikariCP pool. */
public final class TestDatabases {

    private static final String PG_URL = System.getenv().getOrDefault("STOREAUTH_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabases() {
    }

    /** The JDBC URL of an H2 file database in {@code dir}; several pools in one JVM share it. */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("storeauth").toAbsolutePath() + ";LOCK_TIMEOUT=20000";
    }

    /** A new pool over {@code url}; the caller closes it. */
    public static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * Creates a uniquely named PostgreSQL schema and returns a URL whose connections use it. Skips the
     * calling test when PostgreSQL is unreachable, unless {@code REQUIRE_POSTGRES=1}, which fails it.
     */
    public static String newPostgresSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL unreachable at " + PG_URL + " (set STOREAUTH_TEST_PG_URL): " + e.getMessage();
            if ("1".equals(System.getenv("REQUIRE_POSTGRES"))) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message);
        }
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema that {@code url} (from {@link #newPostgresSchema}) names. */
    public static void dropPostgresSchema(String url) throws SQLException {
        String schema = url.substring(url.lastIndexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
