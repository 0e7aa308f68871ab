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

/** H2 files and throw-away PostgreSQL schemas and MariaDB databases for tests, each behind its own HikariCP pool. */
public final class TestDatabases {

    private static final String PG_URL = System.getenv().getOrDefault("STOREAUTH_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private static final String MARIADB_URL = System.getenv().getOrDefault("STOREAUTH_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root");

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

    /**
     * Creates a uniquely named MariaDB database and returns a URL whose connections use it. Skips the
     * calling test when MariaDB is unreachable, unless {@code REQUIRE_MARIADB=1}, which fails it.
     */
    public static String newMariaDbDatabase(String prefix) {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(MARIADB_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            String message = "MariaDB unreachable at " + MARIADB_URL + " (set STOREAUTH_TEST_MARIADB_URL): "
                    + e.getMessage();
            if ("1".equals(System.getenv("REQUIRE_MARIADB"))) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message);
        }
        int query = MARIADB_URL.indexOf('?') < 0 ? MARIADB_URL.length() : MARIADB_URL.indexOf('?');
        String server = MARIADB_URL.substring(0, MARIADB_URL.lastIndexOf('/', query));
        return server + "/" + database + MARIADB_URL.substring(query);
    }

    /** Drops the database that {@code url} (from {@link #newMariaDbDatabase}) names. */
    public static void dropMariaDbDatabase(String url) throws SQLException {
        int query = url.indexOf('?');
        String path = url.substring(0, query < 0 ? url.length() : query);
        String database = path.substring(path.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(MARIADB_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /**
     * A URL of a fresh, empty database of kind {@code "H2"} (a file in {@code dir}), {@code "PostgreSQL"}
     * or {@code "MariaDB"}, skipping as {@link #newPostgresSchema} and {@link #newMariaDbDatabase} do.
     */
    public static String fresh(String kind, Path dir, String prefix) {
        return switch (kind) {
            case "H2" -> h2Url(dir);
            case "PostgreSQL" -> newPostgresSchema(prefix);
            case "MariaDB" -> newMariaDbDatabase(prefix);
            default -> throw new IllegalArgumentException("unknown database kind " + kind);
        };
    }

    /** Drops the database {@link #fresh} made; H2 files are left to their temporary directory. */
    public static void dropFresh(String kind, String url) throws SQLException {
        if (kind.equals("PostgreSQL")) {
            dropPostgresSchema(url);
        } else if (kind.equals("MariaDB")) {
            dropMariaDbDatabase(url);
        }
    }
}
