package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a feed delivers for each change the repository commits, on H2 and MariaDB (polling) and
 * PostgreSQL (NOTIFY). Delivered changes reach the cache only when the test takes them ({@link #next}), so
 * what the cache holds before a delivery is certain.
 */
class AccountChangeFeedTest {

    @TempDir
    Path dir;
    private final BlockingQueue<AccountChange> changes = new LinkedBlockingQueue<>();
    private AccountCache cache;

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL", "MariaDB"})
    void aNewLegacyAccountClearsACachedNotFound(String database) throws Exception {
        withFeed(database, (repository, cache, pool) -> {
            LookupKey bob = new LookupKey.ByUsername("store1", "bob");
            assertEquals(Optional.empty(), cache.find(bob));
            LegacyAccount account = TestAccounts.legacy("store1", "bob");
            repository.insertLegacyAccount(account, TestAudit.ENTRY);
            assertEquals(Optional.empty(), cache.find(bob), "not found is cached");
            assertEquals(new AccountChange.Changed(List.of(bob)), next());
            assertEquals(Optional.of(account), cache.find(bob));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL", "MariaDB"})
    void aDeletedAccountIsDroppedFromTheCache(String database) throws Exception {
        withFeed(database, (repository, cache, pool) -> {
            OAuthAccount account = TestAccounts.oauth("store1", 1, TestAccounts.newToken());
            repository.insertOAuthAccount(account, 50, TestAudit.ENTRY);
            assertEquals(new AccountChange.Changed(List.of(LookupKey.of(account))), next());
            assertTrue(cache.find(LookupKey.of(account)).isPresent());
            repository.deleteOAuthAccounts("store1", List.of(account.id()), TestAudit.ENTRY);
            assertTrue(cache.find(LookupKey.of(account)).isPresent(), "still cached");
            assertEquals(new AccountChange.Changed(List.of(LookupKey.of(account))), next());
            assertEquals(Optional.empty(), cache.find(LookupKey.of(account)));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL", "MariaDB"})
    void everyChangeIsDeliveredAsTheKeyOfTheAccountItChanged(String database) throws Exception {
        withFeed(database, (repository, cache, pool) -> {
            LegacyAccount bob = TestAccounts.legacy("store1", "bob");
            OAuthAccount a = TestAccounts.oauth("store1", 1);
            OAuthAccount b = TestAccounts.oauth("store1", 2);
            repository.insertLegacyAccount(bob, TestAudit.ENTRY);
            repository.replaceLegacyAccount(bob, bob.withTokenDigest(SecretDigest.of(new byte[SecretDigest.LENGTH])),
                    TestAudit.ENTRY);
            repository.deleteLegacyAccount("store1", "bob", TestAudit.ENTRY);
            repository.insertOAuthAccount(a, 50, TestAudit.ENTRY);
            repository.insertOAuthAccount(b, 50, TestAudit.ENTRY);
            repository.deleteOAuthAccounts("store1", List.of(a.id(), "unknown", b.id()), TestAudit.ENTRY);
            List<LookupKey> keys = List.of(LookupKey.of(bob), LookupKey.of(bob), LookupKey.of(bob),
                    LookupKey.of(a), LookupKey.of(b), LookupKey.of(a), LookupKey.of(b));
            assertEquals(keys, nextKeys(keys.size()));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL", "MariaDB"})
    void aChangeWithoutAKeyItCanReadIsDeliveredAsUnknown(String database) throws Exception {
        withFeed(database, (repository, cache, pool) -> {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // What a node of the previous version announces: the account id only.
                s.execute("INSERT INTO storeauth_changes (account_id, changed_at_us) VALUES ('legacy:store1:bob', 1)");
                if (database.equals("PostgreSQL")) {
                    s.execute("SELECT pg_notify('" + ChangeLog.CHANNEL + "', 'legacy:store1:bob')");
                }
            }
            assertEquals(new AccountChange.Unknown(), next());
        });
    }

    /** The next change the feed delivered, once the cache has been told of it. */
    private AccountChange next() throws InterruptedException {
        AccountChange change = changes.poll(10, TimeUnit.SECONDS);
        assertTrue(change != null, "a change was delivered");
        cache.onChange(change);
        return change;
    }

    private List<LookupKey> nextKeys(int count) throws InterruptedException {
        List<LookupKey> keys = new ArrayList<>();
        while (keys.size() < count) {
            keys.addAll(((AccountChange.Changed) next()).keys());
        }
        return keys;
    }

    private void withFeed(String database, Scenario scenario) throws Exception {
        String url = TestDatabases.fresh(database, dir, "feed");
        try (HikariDataSource pool = TestDatabases.pool(url, 4)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            cache = AccountCache.builder(repository).build();
            try (AccountChangeFeed feed = AccountChangeFeed.start(pool, changes::add)) {
                scenario.run(repository, cache, pool);
            } finally {
                cache.close();
            }
        } finally {
            TestDatabases.dropFresh(database, url);
        }
    }

    @FunctionalInterface
    private interface Scenario {
        void run(JdbcAccountRepository repository, AccountCache cache, HikariDataSource pool) throws Exception;
    }
}
