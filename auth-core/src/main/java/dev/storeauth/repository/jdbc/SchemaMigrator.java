package dev.storeauth.repository.jdbc;

import dev.storeauth.repository.RepositoryUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings the schema to {@link #LATEST} by running the versioned scripts {@code V{n}__*.sql} that
 * {@code storeauth_schema_version} does not list yet, each with its version row in one transaction.
 * MariaDB has scripts of its own (under {@code mariadb/}) with the same tables, columns and indexes.
 *
 * <p>Safe when several nodes start at once: on PostgreSQL a transaction-scoped advisory lock
 * serialises them, on MariaDB a named lock ({@code GET_LOCK}) held while migrating (MariaDB commits
 * each DDL statement on its own, so there a script and its version row are not one transaction);
 * elsewhere scripts are idempotent ({@code IF NOT EXISTS}) and a failed attempt
 * re-checks the version and retries, so the loser of a race finds the work done.
 */
public final class SchemaMigrator {

    /** The schema version this library needs. */
    public static final int LATEST = 5;

    private static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__change_keys.sql",
            "V3__rotation_expiry_audit.sql", "V4__secret_indexes.sql", "V5__short_lived_tokens.sql");
    private static final long ADVISORY_LOCK = 0x5707EA07L;
    private static final String MARIADB_LOCK = "storeauth_schema_migration";
    private static final int ATTEMPTS = 5;

    private SchemaMigrator() {
    }

    /**
     * Migrates the schema of {@code dataSource}'s default schema.
     *
     * @throws RepositoryUnavailableException if the database stays unreachable or the scripts keep failing
     */
    public static void migrate(DataSource dataSource) {
        Jdbc jdbc = new Jdbc(dataSource);
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                jdbc.transaction(SchemaMigrator::migrate);
                return;
            } catch (SQLException e) {
                last = e;
                if (currentVersion(jdbc) >= LATEST) {
                    return;
                }
                pause(attempt);
            }
        }
        throw Jdbc.unavailable("schema migration failed", last);
    }

    /** The highest applied version, 0 for an empty database or one that cannot be read. */
    static int currentVersion(Jdbc jdbc) {
        try {
            return jdbc.read(SchemaMigrator::versionOf);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static Void migrate(Connection c) throws SQLException {
        Dialect dialect = Dialect.of(c);
        try (Statement s = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                s.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
            }
            if (dialect != Dialect.MARIADB) {
                apply(s, dialect);
                return null;
            }
            // MariaDB commits each DDL statement, so its lock is the connection's, released explicitly.
            lockMariaDb(s);
            try {
                apply(s, dialect);
            } finally {
                s.execute("SELECT RELEASE_LOCK('" + MARIADB_LOCK + "')");
            }
        }
        return null;
    }

    private static void apply(Statement s, Dialect dialect) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS storeauth_schema_version ("
                + "version INT PRIMARY KEY, applied_at_us BIGINT NOT NULL)");
        for (int version = versionOf(s.getConnection()) + 1; version <= SCRIPTS.size(); version++) {
            for (String statement : statements(dialect.script(SCRIPTS.get(version - 1)))) {
                s.execute(statement);
            }
            s.execute("INSERT INTO storeauth_schema_version (version, applied_at_us) VALUES ("
                    + version + ", " + System.currentTimeMillis() * 1000 + ")");
        }
    }

    private static void lockMariaDb(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT GET_LOCK('" + MARIADB_LOCK + "', 60)")) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new SQLException("timed out waiting for another node's schema migration");
            }
        }
    }

    private static int versionOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM storeauth_schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<String> statements(String script) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("missing schema script " + script);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return List.of(text.split(";")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryUnavailableException("interrupted while migrating the schema", e);
        }
    }
}
