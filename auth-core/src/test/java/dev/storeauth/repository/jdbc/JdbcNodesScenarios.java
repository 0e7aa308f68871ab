package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.leak.LeakReports;
import dev.storeauth.leak.LeakVerdict;
import dev.storeauth.leak.LeakedToken;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** What the JDBC store must do with several nodes on one database; subclasses supply the database. */
abstract class JdbcNodesScenarios {

    private static final int REVOKES = 20;
    private static final int ROTATIONS = 10;

    /** A URL of a fresh, empty database. */
    abstract String newDatabase();

    /** A name for printed figures. */
    abstract String databaseName();

    /** The resource name of this database's schema script {@code name}. */
    String schemaScript(String name) {
        return name;
    }

    @Test
    void nodesStartingAtOnceOnAnEmptyDatabaseAllSucceed() throws Exception {
        String url = newDatabase();
        List<HikariDataSource> pools = new ArrayList<>();
        List<Callable<JdbcAccountRepository>> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HikariDataSource pool = TestDatabases.pool(url, 2);
            pools.add(pool);
            starts.add(() -> JdbcAccountRepository.create(pool));
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            for (Future<JdbcAccountRepository> f : threads.invokeAll(starts)) {
                f.get();
            }
            assertEquals(List.of(1, 2, 3, 4, 5), versions(pools.get(0)));
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        try (HikariDataSource pool = TestDatabases.pool(newDatabase(), 2)) {
            JdbcAccountRepository.create(pool).insertOAuthAccount(TestAccounts.oauth("store1", 1), 50, TestAudit.ENTRY);
            JdbcAccountRepository again = JdbcAccountRepository.create(pool);
            assertEquals(List.of(1, 2, 3, 4, 5), versions(pool));
            assertEquals(1, again.oauthAccounts("store1").size());
        }
    }

    @Test
    void aVersion1DatabaseMigratesKeepingItsAccountsAndItsChangeRows() throws Exception {
        try (HikariDataSource pool = TestDatabases.pool(newDatabase(), 2)) {
            createVersion1(pool);
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            assertEquals(List.of(1, 2, 3, 4, 5), versions(pool));
            assertTrue(repository.find(new LookupKey.ByUsername("store1", "bob")).isPresent());
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT account_id, lookup_key FROM storeauth_changes")) {
                assertTrue(rs.next());
                assertEquals("legacy:store1:bob", rs.getString(1));
                assertEquals(null, rs.getString(2));
            }
        }
    }

    @Test
    void everyChangeRowNamesTheLookupKeyOfTheAccountItChanged() throws SQLException {
        try (HikariDataSource pool = TestDatabases.pool(newDatabase(), 2)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            OAuthAccount a = TestAccounts.oauth("store1", 1);
            OAuthAccount b = TestAccounts.oauth("store1", 2);
            repository.insertOAuthAccount(a, 50, TestAudit.ENTRY);
            repository.insertOAuthAccount(b, 50, TestAudit.ENTRY);
            repository.insertLegacyAccount(TestAccounts.legacy("store1", "bob"), TestAudit.ENTRY);
            repository.deleteOAuthAccounts("store1", List.of(b.id(), a.id()), TestAudit.ENTRY);
            List<String> rows = new ArrayList<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT account_id, lookup_key FROM storeauth_changes ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            String aKey = "token-digest:" + a.accessTokenDigest().toHex();
            String bKey = "token-digest:" + b.accessTokenDigest().toHex();
            assertEquals(List.of(a.id() + " " + aKey, b.id() + " " + bKey, "legacy:store1:bob username:store1:bob",
                    b.id() + " " + bKey, a.id() + " " + aKey), rows);
        }
    }

    @Test
    void aRollPublishesTheNewTokenTheRolledOneAndThePreviousTokenItDisplaces() throws SQLException {
        try (HikariDataSource pool = TestDatabases.pool(newDatabase(), 2)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            OAuthAccount first = TestAccounts.oauth("store1", 1);
            OAuthAccount second = TestAccounts.rolled(first, TestAccounts.newToken(), RotationAcrossNodes.OVERLAP_END);
            OAuthAccount third = TestAccounts.rolled(second, TestAccounts.newToken(), RotationAcrossNodes.OVERLAP_END);
            repository.insertOAuthAccount(first, 50, TestAudit.ENTRY);
            repository.replaceOAuthAccount(first, second, TestAudit.ENTRY);
            repository.replaceOAuthAccount(second, third, TestAudit.ENTRY);
            repository.replaceOAuthAccount(third, third.withAllowedAddresses(RotationAcrossNodes.OFFICE), TestAudit.ENTRY);
            List<String> keys = changeKeys(pool);
            String t1 = "token-digest:" + first.accessTokenDigest().toHex();
            String t2 = "token-digest:" + second.accessTokenDigest().toHex();
            String t3 = "token-digest:" + third.accessTokenDigest().toHex();
            assertEquals(List.of(t1, t1, t2, t2, t1, t3, t3, t2), keys);
        }
    }

    private static List<String> changeKeys(HikariDataSource pool) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT lookup_key FROM storeauth_changes ORDER BY id")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    @Test
    void twoNodesRacingEndWithExactlyTheLimit() throws Exception {
        String url = newDatabase();
        try (HikariDataSource a = TestDatabases.pool(url, 4); HikariDataSource b = TestDatabases.pool(url, 4)) {
            List<JdbcAccountRepository> nodes = List.of(JdbcAccountRepository.create(a), JdbcAccountRepository.create(b));
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                JdbcAccountRepository node = nodes.get(i % 2);
                int n = i;
                attempts.add(() -> node.insertOAuthAccount(TestAccounts.oauth("racy", n), 50, TestAudit.ENTRY));
            }
            ExecutorService threads = Executors.newFixedThreadPool(16);
            long created;
            try {
                created = countTrue(threads.invokeAll(attempts));
            } finally {
                threads.shutdownNow();
            }
            int stored = nodes.get(0).oauthAccounts("racy").size();
            System.out.printf("limit race (%s): %d creates from 16 threads on 2 nodes, %d succeeded, %d stored%n",
                    databaseName(), attempts.size(), created, stored);
            assertEquals(50, created);
            assertEquals(50, stored);
        }
    }

    @Test
    void storesNoSecretOnlyDigests() throws SQLException {
        try (HikariDataSource pool = TestDatabases.pool(newDatabase(), 2)) {
            String token = TestAccounts.newToken();
            JdbcAccountRepository.create(pool).insertOAuthAccount(TestAccounts.oauth("store1", 1, token), 50, TestAudit.ENTRY);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM storeauth_oauth_accounts")) {
                assertTrue(rs.next());
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    String value = rs.getString(col);
                    assertFalse(value != null && value.contains(token.substring(4)), "column " + col);
                }
                assertEquals(TestAccounts.digest(token).toHex(), rs.getString("access_token_digest"));
            }
        }
    }

    @Test
    void prunesOnlyChangesOlderThanTheGivenAge() throws SQLException {
        try (HikariDataSource pool = TestDatabases.pool(newDatabase(), 2)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            repository.insertLegacyAccount(TestAccounts.legacy("store1", "alice"), TestAudit.ENTRY);
            assertEquals(0, repository.pruneChanges(java.time.Duration.ofHours(1)));
            assertEquals(1, repository.pruneChanges(java.time.Duration.ofSeconds(-1)));
        }
    }

    @Test
    void lookupsFailAsUnavailableNotAsNotFoundWhenTheDatabaseIsGone() {
        HikariDataSource pool = TestDatabases.pool(newDatabase(), 2);
        JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
        pool.close();
        assertThrows(RepositoryUnavailableException.class,
                () -> repository.find(new LookupKey.ByUsername("store1", "alice")));
        assertThrows(RepositoryUnavailableException.class,
                () -> repository.insertOAuthAccount(TestAccounts.oauth("store1", 1), 50, TestAudit.ENTRY));
    }

    @Test
    void revocationOnOneNodeIsRefusedOnTheOtherWithinOneSecond() {
        String url = newDatabase();
        try (Node a = new Node(url); Node b = new Node(url)) {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < REVOKES; i++) {
                millis.add(revokeAndMeasure(a, b, i));
            }
            Collections.sort(millis);
            System.out.printf("revocation across nodes (%s, %s): median %d ms, max %d ms over %d revokes%n",
                    databaseName(), b.feed.getClass().getSimpleName(), millis.get(REVOKES / 2),
                    millis.get(REVOKES - 1), REVOKES);
            assertTrue(millis.get(REVOKES - 1) < 1_000, "slowest revocation took " + millis.get(REVOKES - 1) + " ms");
        }
    }

    @Test
    void aRollOnOneNodeWorksOnTheOtherWithinOneSecondAndTheOldTokenOnlyForItsOverlap() {
        String url = newDatabase();
        try (Node a = new Node(url); Node b = new Node(url)) {
            RotationAcrossNodes nodes = new RotationAcrossNodes(a, b);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < ROTATIONS; i++) {
                millis.add(nodes.roll(i));
            }
            RotationAcrossNodes.report("roll", databaseName(), b.feed, millis);
        }
    }

    @Test
    void aShortLivedTokenDiesOnTheOtherNodeWithinOneSecondOfItsAccountsDeletion() {
        String url = newDatabase();
        try (Node a = new Node(url); Node b = new Node(url)) {
            ShortLivedAcrossNodes nodes = new ShortLivedAcrossNodes(a, b);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < REVOKES; i++) {
                millis.add(nodes.delete(i));
            }
            RotationAcrossNodes.report("short-lived token death by delete", databaseName(), b.feed, millis);
        }
    }

    @Test
    void aShortLivedTokenDiesOnTheOtherNodeWithinOneSecondOfARollDespiteTheOverlap() {
        String url = newDatabase();
        try (Node a = new Node(url); Node b = new Node(url)) {
            ShortLivedAcrossNodes nodes = new ShortLivedAcrossNodes(a, b);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < REVOKES; i++) {
                millis.add(nodes.roll(i));
            }
            RotationAcrossNodes.report("short-lived token death by roll", databaseName(), b.feed, millis);
        }
    }

    @Test
    void aShortLivedTokenDeletedOnOneNodeDiesOnTheOtherWithinOneSecondAndItsAccountLivesOn() {
        String url = newDatabase();
        try (Node a = new Node(url); Node b = new Node(url)) {
            ShortLivedAcrossNodes nodes = new ShortLivedAcrossNodes(a, b);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < REVOKES; i++) {
                millis.add(nodes.deleteToken(i));
            }
            RotationAcrossNodes.report("short-lived token death by its own deletion", databaseName(), b.feed, millis);
        }
    }

    @Test
    void anAllowlistSetOnOneNodeIsHeldByTheOtherWithinOneSecond() {
        String url = newDatabase();
        try (Node a = new Node(url); Node b = new Node(url)) {
            RotationAcrossNodes nodes = new RotationAcrossNodes(a, b);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < ROTATIONS; i++) {
                millis.add(nodes.restrict(i));
            }
            RotationAcrossNodes.report("allowlist change", databaseName(), b.feed, millis);
        }
    }

    @Test
    void aLeakedTokenRevokedOnOneNodeIsRefusedOnTheOtherWithinOneSecond() {
        String url = newDatabase();
        try (Node a = new Node(url); Node b = new Node(url)) {
            AccountLifecycle lifecycle = AccountLifecycle.builder(a.repository, (store, user) -> true, "api.example.com")
                    .changeListener(a.cache).build();
            LeakReports reports = new LeakReports(lifecycle);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < ROTATIONS; i++) {
                IssuedCredentials.OAuth created = ((Outcome.Done<IssuedCredentials.OAuth>) lifecycle.createOAuthAccount(
                        Actor.of("owner"), "fleet", "Stock sync " + i, Map.of("products", "read-only"))).value();
                String leaked = i % 2 == 0 ? created.accessToken() : created.clientSecret();
                assertInstanceOf(AuthResult.Authenticated.class, b.get("fleet", created.accessToken()));
                long start = System.nanoTime();
                assertInstanceOf(LeakVerdict.Revoked.class, reports.handle(new LeakedToken(leaked, "", "", "")));
                millis.add(untilRefused(b, created.accessToken(), start));
            }
            RotationAcrossNodes.report("leaked-token revocation", databaseName(), b.feed, millis);
        }
    }

    /** Milliseconds from {@code start} until {@code b} refuses {@code token}, giving up after 5 seconds. */
    private static long untilRefused(Node b, String token, long start) {
        while (b.get("fleet", token) instanceof AuthResult.Authenticated
                && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
            LockSupport.parkNanos(1_000_000);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long revokeAndMeasure(Node a, Node b, int n) {
        String token = TestAccounts.newToken();
        OAuthAccount account = TestAccounts.oauth("fleet", n, token);
        assertTrue(a.repository.insertOAuthAccount(account, 50, TestAudit.ENTRY));
        assertInstanceOf(AuthResult.Authenticated.class, b.get("fleet", token));
        long start = System.nanoTime();
        a.repository.deleteOAuthAccounts("fleet", List.of(account.id()), TestAudit.ENTRY);
        while (b.get("fleet", token) instanceof AuthResult.Authenticated) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) {
                break;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long countTrue(List<Future<Boolean>> results) throws Exception {
        long n = 0;
        for (Future<Boolean> f : results) {
            n += f.get() ? 1 : 0;
        }
        return n;
    }

    /** The schema and a legacy account as the previous version left them: version 1, change rows without a key. */
    private void createVersion1(HikariDataSource pool) throws Exception {
        String script;
        try (var in = SchemaMigrator.class.getResourceAsStream(schemaScript("V1__schema.sql"))) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String statement : script.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("CREATE TABLE storeauth_schema_version (version INT PRIMARY KEY, applied_at_us BIGINT NOT NULL)");
            s.execute("INSERT INTO storeauth_schema_version VALUES (1, 0)");
            s.execute("INSERT INTO storeauth_legacy_accounts (id, store_hash, username, token_digest, created_at_us)"
                    + " VALUES ('legacy:store1:bob', 'store1', 'bob', '" + "ab".repeat(32) + "', 0)");
            s.execute("INSERT INTO storeauth_changes (account_id, changed_at_us) VALUES ('legacy:store1:bob', 0)");
        }
    }

    private static List<Integer> versions(HikariDataSource pool) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM storeauth_schema_version ORDER BY version")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
