package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.CredentialPolicy;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import dev.storeauth.repository.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database of schema version 2, with accounts and last uses as that version wrote them, upgraded in
 * place to version 3: the old accounts keep authenticating and listing as accounts with no expiry, no
 * previous token and no allowlist, and the new operations work on them.
 */
class MigrationToV3Test {

    private static final String STORE = "store1";
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00.123456Z");
    private static final Instant USED = Instant.parse("2026-02-01T10:00:00.000001Z");

    @TempDir
    Path dir;

    private final String token = TestAccounts.newToken();
    private final OAuthAccount oauth = new OAuthAccount("acct-1", STORE, "Stock sync", "client-1",
            TestAccounts.digest("secret"), TestAccounts.digest(token), Scopes.of(Map.of("products", AccessLevel.MODIFY)),
            CREATED);
    private final LegacyAccount legacy = new LegacyAccount(STORE, "bob", TestAccounts.digest("legacy-token"), CREATED);

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL", "MariaDB"})
    void oldAccountsAuthenticateAndListAfterTheUpgrade(String database) throws Exception {
        withVersion2(database, (pool, repository) -> {
            assertEquals(List.of(1, 2, 3, 4, 5), versions(pool));
            assertEquals(Optional.of(oauth), repository.find(new LookupKey.ByTokenDigest(TestAccounts.digest(token))));
            assertEquals(Optional.of(legacy), repository.find(new LookupKey.ByUsername(STORE, "bob")));
            assertEquals(List.of(oauth), repository.oauthAccounts(STORE));
            assertEquals(List.of(legacy), repository.legacyAccounts(STORE));
            assertEquals(Map.of(oauth.id(), new Usage(USED, Optional.empty()), legacy.id(),
                    new Usage(USED, Optional.empty())), repository.lastUsed(STORE));
            assertEquals(0, repository.recordExpiries(Instant.parse("2100-01-01T00:00:00Z")));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL", "MariaDB"})
    void oldAccountsRollExpireAndAreAuditedAfterTheUpgrade(String database) throws Exception {
        withVersion2(database, (pool, repository) -> {
            Instant now = Instant.parse("2026-03-01T12:00:00Z");
            OAuthAccount rolled = TestAccounts.expiring(TestAccounts.rolled(oauth, TestAccounts.newToken(),
                    now.plusSeconds(60)), now.plusSeconds(3_600)).withAllowedAddresses(RotationAcrossNodes.OFFICE);
            AuditEntry roll = AuditEntry.of(now, "owner@example.com", AuditAction.OAUTH_TOKEN_ROLLED, STORE)
                    .forAccount(oauth.id());
            assertTrue(repository.replaceOAuthAccount(oauth, rolled, roll));
            assertEquals(Optional.of(rolled), repository.find(new LookupKey.ByTokenDigest(TestAccounts.digest(token))));
            repository.recordLastUsed(Map.of(legacy.id(), TestAccounts.used(now, "203.0.113.7")));
            assertEquals(TestAccounts.used(now, "203.0.113.7"), repository.lastUsed(STORE).get(legacy.id()));
            CredentialPolicy policy = new CredentialPolicy(true, Optional.empty());
            repository.putCredentialPolicy(STORE, policy, AuditEntry.of(now, "owner@example.com",
                    AuditAction.CREDENTIAL_POLICY_CHANGED, STORE));
            assertEquals(Optional.of(policy), repository.credentialPolicy(STORE));
            assertEquals(1, repository.recordExpiries(now.plusSeconds(3_600)));
            assertEquals(List.of(AuditAction.OAUTH_ACCOUNT_EXPIRED, AuditAction.CREDENTIAL_POLICY_CHANGED,
                    AuditAction.OAUTH_TOKEN_ROLLED), repository.auditEvents(STORE, 10, Long.MAX_VALUE).stream()
                            .map(AuditEvent::entry).map(AuditEntry::action).toList());
        });
    }

    private void withVersion2(String database, Scenario scenario) throws Exception {
        String url = TestDatabases.fresh(database, dir, "upgrade");
        try (HikariDataSource pool = TestDatabases.pool(url, 4)) {
            createVersion2(pool, database.equals("MariaDB") ? Dialect.MARIADB : Dialect.H2);
            scenario.run(pool, JdbcAccountRepository.create(pool));
        } finally {
            TestDatabases.dropFresh(database, url);
        }
    }

    /** The schema of version 2 and rows in its layout: one account of each kind, both used. */
    private void createVersion2(HikariDataSource pool, Dialect dialect) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String script : List.of("V1__schema.sql", "V2__change_keys.sql")) {
                for (String statement : statements(dialect.script(script))) {
                    s.execute(statement);
                }
            }
            s.execute("CREATE TABLE storeauth_schema_version (version INT PRIMARY KEY, applied_at_us BIGINT NOT NULL)");
            s.execute("INSERT INTO storeauth_schema_version VALUES (1, 0), (2, 0)");
            long created = AccountRows.micros(CREATED);
            long used = AccountRows.micros(USED);
            s.execute("INSERT INTO storeauth_oauth_accounts (id, store_hash, name, client_id, client_secret_digest,"
                    + " access_token_digest, scopes, created_at_us, last_used_at_us) VALUES ('acct-1', 'store1',"
                    + " 'Stock sync', 'client-1', '" + oauth.clientSecretDigest().toHex() + "', '"
                    + oauth.accessTokenDigest().toHex() + "', 'products=modify', " + created + ", " + used + ")");
            s.execute("INSERT INTO storeauth_legacy_accounts (id, store_hash, username, token_digest, created_at_us,"
                    + " last_used_at_us) VALUES ('legacy:store1:bob', 'store1', 'bob', '" + legacy.tokenDigest().toHex()
                    + "', " + created + ", " + used + ")");
        }
    }

    private static List<String> statements(String script) throws IOException {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(script)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return List.of(text.split(";")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
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

    @FunctionalInterface
    private interface Scenario {
        void run(HikariDataSource pool, JdbcAccountRepository repository) throws Exception;
    }
}
