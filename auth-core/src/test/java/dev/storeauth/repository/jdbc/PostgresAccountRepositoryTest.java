package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.AccountRepositoryContract;
import dev.storeauth.repository.TestAccounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    public AccountRepository repository() {
        pool = TestDatabases.pool(url, 4);
        JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE storeauth_short_lived_tokens, storeauth_oauth_accounts, storeauth_legacy_accounts, storeauth_stores,"
                    + " storeauth_changes, storeauth_audit_events, storeauth_credential_policies");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return repository;
    }

    /** PostgreSQL text cannot hold NUL (SQLSTATE 22021); the record does not forbid it in an actor. */
    @Override
    public Optional<AuditEntry> anEntryTheStoreCannotHold() {
        return Optional.of(AuditEntry.of(Instant.parse("2026-03-01T12:00:00Z"), "owner\u0000@example.com",
                AuditAction.OAUTH_ACCOUNT_CREATED, STORE));
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    /** PostgreSQL text cannot hold NUL (SQLSTATE 22021); the records do not forbid it in an id. */
    @Test
    void aCharacterTheDatabaseEncodingLacksIsTheCallersValueWritingNothing() {
        JdbcAccountRepository repo = (JdbcAccountRepository) repository();
        OAuthAccount account = TestAccounts.oauth(STORE, 1);
        OAuthAccount withNul = new OAuthAccount("nul\u0000id", STORE, account.name(), account.clientId(),
                account.clientSecretDigest(), account.accessTokenDigest(), account.scopes(), account.createdAt());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> repo.insertOAuthAccount(withNul, 50, TestAudit.ENTRY));
        assertTrue(refused.getMessage().contains("SQLSTATE 22021"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> repo.deleteOAuthAccounts(STORE, List.of("nul\u0000id"), TestAudit.ENTRY));
        assertEquals(List.of(), repo.oauthAccounts(STORE));
    }
}
