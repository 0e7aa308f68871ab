package dev.storeauth.repository.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.AccountRepositoryContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 file database. */
class H2AccountRepositoryTest extends AccountRepositoryContract {

    @TempDir
    Path dir;
    private HikariDataSource pool;

    @Override
    public AccountRepository repository() {
        pool = TestDatabases.pool(TestDatabases.h2Url(dir), 4);
        return JdbcAccountRepository.create(pool);
    }

    /**
     * The detail column holds 32,000 characters of encoded detail; an entry may have any number of
     * details of up to 4,000 characters each.
     */
    @Override
    public Optional<AuditEntry> anEntryTheStoreCannotHold() {
        Map<String, String> detail = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            detail.put("d" + i, "x".repeat(AuditEntry.MAX_DETAIL_VALUE));
        }
        return Optional.of(new AuditEntry(Instant.parse("2026-03-01T12:00:00Z"), "owner@example.com",
                AuditAction.OAUTH_ACCOUNT_CREATED, Optional.of(STORE), Optional.empty(), Optional.empty(), detail));
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
