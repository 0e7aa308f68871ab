package dev.storeauth.repository.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.AccountRepositoryContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on MariaDB, in a database of its own that is dropped afterwards. */
class MariaDbAccountRepositoryTest extends AccountRepositoryContract {

    private static final List<String> TABLES = List.of("storeauth_oauth_accounts", "storeauth_legacy_accounts",
            "storeauth_stores", "storeauth_changes", "storeauth_audit_events", "storeauth_credential_policies");

    private static String url;
    private HikariDataSource pool;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.newMariaDbDatabase("contract");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        TestDatabases.dropMariaDbDatabase(url);
    }

    @Override
    public AccountRepository repository() {
        pool = TestDatabases.pool(url, 4);
        JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("TRUNCATE TABLE " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return repository;
    }

    /** utf8mb4 holds every character an entry may have, NUL included. */
    @Override
    public Optional<AuditEntry> anEntryTheStoreCannotHold() {
        return Optional.empty();
    }

    /** No pool when the test ended before asking for a repository. */
    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }
}
