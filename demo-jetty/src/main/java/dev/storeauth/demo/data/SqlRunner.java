package dev.storeauth.demo.data;

import dev.storeauth.repository.RepositoryUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs one unit of work on a pooled connection; a database fault becomes {@link RepositoryUnavailableException}. */
final class SqlRunner {

    /** Work on a connection, in auto-commit mode. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    SqlRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param what names the work in the exception message, e.g. "list products" */
    <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new RepositoryUnavailableException(what + " failed: " + e.getMessage(), e);
        }
    }
}
