package dev.storeauth.store.jdbc;

import dev.storeauth.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Borrowing connections and running transactions; SQL failures leave as {@link SQLException}. */
final class Jdbc {

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Runs read-only {@code work}. */
    <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        }
    }

    /** Whether {@code e} is a unique-constraint violation (SQLSTATE 23505). */
    static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** The exception every caller gets when the database cannot answer; no SQL or values in it. */
    static StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException("credential database unavailable: " + what, e);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
