package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.AccountRepositoryContract;
import dev.storeauth.repository.AuditContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on MariaDB, in a database of its own that is dropped afterwards. */
class MariaDbAccountRepositoryTest extends AccountRepositoryContract {

    /** Children first: MariaDB truncates no table a foreign key names, so they are emptied by DELETE. */
    private static final List<String> TABLES = List.of("storeauth_short_lived_tokens", "storeauth_oauth_accounts",
            "storeauth_legacy_accounts", "storeauth_stores", "storeauth_changes", "storeauth_audit_events",
            "storeauth_credential_policies");

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
                s.execute("DELETE FROM " + table);
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

    /** utf8mb4 holds every entry the record accepts, NUL and the longest details included: stored whole. */
    @Test
    @Override
    public void aWriteWhoseEntryTheStoreCannotHoldWritesNothing() {
        AccountRepository repo = repository();
        AuditEntry large = AuditEntry.of(AuditContract.T0, "owner\u0000@example.com", AuditAction.OAUTH_ACCOUNT_CREATED,
                STORE).with("name", "x".repeat(AuditEntry.MAX_DETAIL_VALUE)).with("other", "y".repeat(AuditEntry.MAX_DETAIL_VALUE));
        repo.recordAudit(large);
        assertEquals(List.of(large), AuditContract.entries(repo.auditEvents(STORE, 10, Long.MAX_VALUE)));
    }

    /** MariaDB's default collations ignore case; the schema's binary one does not. */
    @Test
    void usernamesDifferingOnlyInCaseAreDifferentAccounts() {
        AccountRepository repo = repository();
        List<String> names = List.of("bob", "Bob");
        for (String name : names) {
            assertTrue(repo.insertLegacyAccount(TestAccounts.legacy(STORE, name), TestAudit.ENTRY), name);
        }
        for (String name : names) {
            assertEquals(Optional.of(name), repo.find(new LookupKey.ByUsername(STORE, name))
                    .map(account -> ((LegacyAccount) account).username()));
        }
        assertEquals(Optional.empty(), repo.find(new LookupKey.ByUsername(STORE, "BOB")));
    }

    /** No pool when the test ended before asking for a repository. */
    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }
}
