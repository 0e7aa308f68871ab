package dev.storeauth.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.store.AccountRepository;
import dev.storeauth.store.AccountRepositoryContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresAccountRepositoryTest extends AccountRepositoryContract {

    private static String url;
    private HikariDataSource pool;

    @BeforeAll
    static void createSchema() {
        url = TestDatabases.newPostgresSchema("contract");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        TestDatabases.dropPostgresSchema(url);
    }

    @Override
    protected AccountRepository repository() {
        pool = TestDatabases.pool(url, 4);
        JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE storeauth_oauth_accounts, storeauth_legacy_accounts, storeauth_stores,"
                    + " storeauth_changes");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return repository;
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
