package dev.storeauth.repository.jdbc;

import dev.storeauth.repository.RepositoryUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Borrowing connections and running transactions; SQL failures leave as {@link SQLException}. */
final class Jdbc {

    private static final int MARIADB_DUPLICATE = 1062;
    private static final int MARIADB_NO_PARENT_ROW = 1452;

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

    /** Whether {@code e} is a unique-constraint violation (SQLSTATE 23505; on MariaDB 23000, error 1062). */
    static boolean isDuplicate(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "23000".equals(state) && e.getErrorCode() == MARIADB_DUPLICATE;
    }

    /**
     * Whether {@code e} is a foreign-key violation of a row whose parent is gone (SQLSTATE 23503 on
     * PostgreSQL, 23506 on H2; on MariaDB 23000, error 1452).
     */
    static boolean isMissingParent(SQLException e) {
        String state = e.getSQLState();
        return "23503".equals(state) || "23506".equals(state)
                || "23000".equals(state) && e.getErrorCode() == MARIADB_NO_PARENT_ROW;
    }

    /**
     * What a failed write becomes: a data exception (SQLSTATE class 22, e.g. 22001 string too long for
     * its column, 22021 a character the encoding lacks) is the caller's value, an
     * {@link IllegalArgumentException}; anything else is {@link #unavailable}. Neither has SQL or
     * values in its message.
     */
    static RuntimeException writeFailed(String what, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("22")) {
            return new IllegalArgumentException("the account store cannot hold a value of this account (" + what
                    + ": SQLSTATE " + state + ")", e);
        }
        return unavailable(what, e);
    }

    /** The exception every caller gets when the database cannot answer; no SQL or values in it. */
    static RepositoryUnavailableException unavailable(String what, SQLException e) {
        return new RepositoryUnavailableException("credential database unavailable: " + what, e);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
