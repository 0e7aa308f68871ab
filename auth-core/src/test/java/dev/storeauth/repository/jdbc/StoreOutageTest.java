package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database outage: cached credentials keep working, uncached ones are unavailable (503), then recovery. */
class StoreOutageTest {

    @TempDir
    Path dir;
    private HikariDataSource pool;
    private SwitchableDataSource database;
    private JdbcAccountRepository repository;
    private AccountCache cache;
    private Authenticator authenticator;

    @BeforeEach
    void start() {
        pool = TestDatabases.pool(TestDatabases.h2Url(dir), 4);
        database = new SwitchableDataSource(pool);
        repository = JdbcAccountRepository.create(database);
        cache = AccountCache.builder(repository).build();
        authenticator = Authenticator.builder(cache).realm("test").build();
    }

    @AfterEach
    void stop() {
        cache.close();
        pool.close();
    }

    @Test
    void cachedCredentialsWorkUncachedAreUnavailableAndTheNodeRecovers() {
        String cached = TestAccounts.newToken();
        String uncached = TestAccounts.newToken();
        repository.insertOAuthAccount(TestAccounts.oauth("store1", 1, cached), 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(TestAccounts.oauth("store1", 2, uncached), 50, TestAudit.ENTRY);
        assertInstanceOf(AuthResult.Authenticated.class, get(cached));

        database.down = true;
        assertInstanceOf(AuthResult.Authenticated.class, get(cached));
        assertThrows(RepositoryUnavailableException.class, () -> get(uncached));

        database.down = false;
        assertInstanceOf(AuthResult.Authenticated.class, get(uncached));
        assertTrue(cache.stats().loadFailureCount() >= 1, "the failed lookup was counted");
    }

    private AuthResult get(String token) {
        return authenticator.authenticate(Node.productsRequest("store1", token));
    }
}
