package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.CredentialPolicy;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.Usage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link AccountRepository} in a relational database (H2, PostgreSQL and MariaDB are tested) through a
 * caller-supplied {@link DataSource}, normally a pool; it never opens connections of its own.
 *
 * <ul>
 *   <li>Secrets are stored only as hex digests; token digests, client IDs and (store, username)
 *       are unique, and every lookup path is indexed.
 *   <li>{@link #insertOAuthAccount} locks the store's row ({@code SELECT ... FOR UPDATE}) in the
 *       transaction that counts and inserts, so the limit holds across nodes.
 *   <li>An OAuth account is found by the digest of its access token or of its previous token (both
 *       unique and indexed); the overlap's end is the caller's to check. A short-lived token is found
 *       by its digest joined to its account, only while unexpired by this repository's clock and while
 *       the account's access token is still the one it was issued against.
 *   <li>Every write records its {@link AuditEntry} in its own transaction, and every account change is
 *       published there with every lookup key the account had before and has after it (see
 *       {@link ChangeLog}, {@link AccountChangeFeed}).
 *   <li>Replacements are compare-and-set on the current and previous token: {@code UPDATE ... WHERE}
 *       the stored ones are still those of {@code before}.
 *   <li>Any {@link SQLException} becomes {@link RepositoryUnavailableException}, never "not found";
 *       except that a data exception (SQLSTATE class 22: a value longer than its column, a character
 *       the database encoding lacks) in a write is the caller's value, an
 *       {@link IllegalArgumentException}, and the transaction is rolled back.
 * </ul>
 *
 * <pre>{@code
 * JdbcAccountRepository repository = JdbcAccountRepository.create(hikariDataSource);
 * }</pre>
 *
 * Thread-safe; holds no connection between calls.
 */
public final class JdbcAccountRepository implements AccountRepository {

    private static final Object H2_START = new Object();

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final ChangeLog changes;
    private final Clock clock;

    private JdbcAccountRepository(DataSource dataSource, Dialect dialect, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.dialect = dialect;
        this.changes = new ChangeLog(dialect, clock);
        this.clock = clock;
    }

    /**
     * Migrates the schema, then returns a repository over {@code dataSource}.
     *
     * @throws RepositoryUnavailableException if the database cannot be reached or migrated
     * @throws IllegalArgumentException if it is not PostgreSQL, MariaDB or H2
     */
    public static JdbcAccountRepository create(DataSource dataSource) {
        Dialect dialect;
        try {
            dialect = new Jdbc(dataSource).read(Dialect::of);
        } catch (SQLException e) {
            throw Jdbc.unavailable("connect", e);
        }
        if (dialect != Dialect.H2) {
            SchemaMigrator.migrate(dataSource);
            return new JdbcAccountRepository(dataSource, dialect, Clock.systemUTC());
        }
        // An embedded H2 file is open in one JVM only, so a JVM-wide lock is enough to keep nodes
        // starting at once from timing out on H2's metadata lock with concurrent DDL and SET.
        synchronized (H2_START) {
            SchemaMigrator.migrate(dataSource);
            try {
                new Jdbc(dataSource).read(JdbcAccountRepository::writeCommitsAtOnce);
            } catch (SQLException e) {
                throw Jdbc.unavailable("connect", e);
            }
        }
        return new JdbcAccountRepository(dataSource, dialect, Clock.systemUTC());
    }

    /**
     * H2 writes commits to its file up to 500 ms later by default, so a killed process would lose a
     * create that already returned; a write delay of 0 makes every commit durable before it returns.
     */
    private static Void writeCommitsAtOnce(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
        return null;
    }

    @Override
    public Optional<Account> find(LookupKey key) {
        if (key instanceof LookupKey.ByUsername byUser) {
            return read("find", c -> LegacyTable.find(c, byUser.storeHash(), byUser.username())).map(Account.class::cast);
        }
        String digest = ((LookupKey.ByTokenDigest) key).digest().toHex();
        return read("find", c -> byTokenDigest(c, digest));
    }

    /** An account by its access or previous token, else a live short-lived token. */
    private Optional<Account> byTokenDigest(Connection c, String digest) throws SQLException {
        Optional<Account> oauth = OAuthTable.findByToken(c, digest).map(Account.class::cast);
        return oauth.isPresent() ? oauth : ShortLivedTable.find(c, digest, clock.instant()).map(Account.class::cast);
    }

    /** {@inheritDoc} An account deleted meanwhile (a foreign-key violation) is {@code false} too. */
    @Override
    public boolean insertShortLivedToken(ShortLivedAccount token, Instant issuedAt) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        try {
            return jdbc.transaction(c -> ShortLivedTable.insert(c, token, issuedAt));
        } catch (SQLException e) {
            if (Jdbc.isDuplicate(e)) {
                throw new IllegalStateException("duplicate short-lived token");
            }
            if (Jdbc.isMissingParent(e)) {
                return false;
            }
            throw Jdbc.writeFailed("insert short-lived token", e);
        }
    }

    @Override
    public boolean deleteShortLivedToken(SecretDigest digest, AuditEntry audit) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(audit, "audit");
        return write("delete short-lived token", c -> ShortLivedTable.delete(c, changes, digest, audit));
    }

    @Override
    public int pruneShortLivedTokens(Instant now) {
        Objects.requireNonNull(now, "now");
        return write("prune short-lived tokens", c -> ShortLivedTable.prune(c, now));
    }

    @Override
    public boolean insertOAuthAccount(OAuthAccount account, int limit, AuditEntry audit) {
        Objects.requireNonNull(audit, "audit");
        try {
            return jdbc.transaction(c -> OAuthTable.insert(c, dialect, changes, account, limit, audit));
        } catch (SQLException e) {
            if (Jdbc.isDuplicate(e)) {
                throw new IllegalStateException("duplicate OAuth account id, client ID or access token");
            }
            throw Jdbc.writeFailed("insert OAuth account", e);
        }
    }

    @Override
    public List<OAuthAccount> oauthAccounts(String storeHash) {
        return read("list OAuth accounts", c -> OAuthTable.list(c, storeHash));
    }

    @Override
    public Optional<OAuthAccount> oauthAccount(String storeHash, String id) {
        return read("find OAuth account", c -> OAuthTable.one(c, storeHash, id));
    }

    @Override
    public Optional<OAuthAccount> oauthAccountByClientId(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return read("find OAuth account by client ID", c -> OAuthTable.byClientId(c, clientId));
    }

    @Override
    public boolean replaceOAuthAccount(OAuthAccount before, OAuthAccount after, AuditEntry audit) {
        requireSame(before, after);
        Objects.requireNonNull(audit, "audit");
        return write("replace OAuth account", c -> OAuthTable.replace(c, dialect, changes, before, after, audit));
    }

    @Override
    public List<String> deleteOAuthAccounts(String storeHash, Collection<String> ids, AuditEntry audit) {
        Objects.requireNonNull(audit, "audit");
        return write("delete OAuth accounts", c -> OAuthTable.delete(c, changes, storeHash, ids, audit));
    }

    @Override
    public boolean insertLegacyAccount(LegacyAccount account, AuditEntry audit) {
        Objects.requireNonNull(audit, "audit");
        try {
            jdbc.transaction(c -> {
                LegacyTable.insert(c, changes, account, audit);
                return null;
            });
            return true;
        } catch (SQLException e) {
            if (!Jdbc.isDuplicate(e)) {
                throw Jdbc.writeFailed("insert legacy account", e);
            }
            if (read("find legacy account", c -> LegacyTable.find(c, account.storeHash(), account.username()))
                    .isEmpty()) {
                throw new IllegalStateException("duplicate legacy API token");
            }
            return false;
        }
    }

    @Override
    public List<LegacyAccount> legacyAccounts(String storeHash) {
        return read("list legacy accounts", c -> LegacyTable.list(c, storeHash));
    }

    @Override
    public boolean replaceLegacyAccount(LegacyAccount before, LegacyAccount after, AuditEntry audit) {
        requireSame(before, after);
        Objects.requireNonNull(audit, "audit");
        return write("replace legacy token", c -> LegacyTable.replace(c, dialect, changes, before, after, audit));
    }

    @Override
    public boolean deleteLegacyAccount(String storeHash, String username, AuditEntry audit) {
        Objects.requireNonNull(audit, "audit");
        return write("delete legacy account", c -> LegacyTable.delete(c, changes, storeHash, username, audit));
    }

    @Override
    public void recordLastUsed(Map<String, Usage> usageByAccountId) {
        write("record last uses", c -> {
            UsageRows.record(c, usageByAccountId);
            return null;
        });
    }

    @Override
    public Map<String, Usage> lastUsed(String storeHash) {
        return read("read last uses", c -> UsageRows.read(c, storeHash));
    }

    @Override
    public Optional<CredentialPolicy> credentialPolicy(String storeHash) {
        return read("read credential policy", c -> PolicyRows.read(c, storeHash));
    }

    @Override
    public void putCredentialPolicy(String storeHash, CredentialPolicy policy, AuditEntry audit) {
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(audit, "audit");
        write("set credential policy", c -> {
            PolicyRows.put(c, dialect, storeHash, policy);
            AuditRows.insert(c, audit);
            return null;
        });
    }

    @Override
    public void recordAudit(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        write("record audit entry", c -> {
            AuditRows.insert(c, entry);
            return null;
        });
    }

    @Override
    public List<AuditEvent> auditEvents(String storeHash, int limit, long beforeId) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return read("read audit events", c -> AuditRows.page(c, storeHash, limit, beforeId));
    }

    /** {@inheritDoc} Each account is flagged and its entry written in a transaction of its own. */
    @Override
    public int recordExpiries(Instant now) {
        int recorded = 0;
        for (ExpiryRows.Due due : read("find expired accounts", c -> ExpiryRows.due(c, now))) {
            recorded += write("record expiry", c -> ExpiryRows.record(c, due)) ? 1 : 0;
        }
        return recorded;
    }

    @Override
    public int pruneAuditEvents(Instant cutoff) {
        return write("prune audit events", c -> AuditRows.prune(c, cutoff));
    }

    @Override
    public Optional<Account> findBySecretDigest(SecretDigest digest) {
        String hex = digest.toHex();
        return read("find by secret", c -> {
            Optional<Account> oauth = OAuthTable.findBySecret(c, hex).map(Account.class::cast);
            Optional<Account> held = oauth.isPresent() ? oauth : LegacyTable.findBySecret(c, hex).map(Account.class::cast);
            return held.isPresent() ? held : ShortLivedTable.find(c, hex, clock.instant()).map(Account.class::cast);
        });
    }

    /**
     * Deletes change-table rows older than {@code age} (the feeds only need the last seconds); run
     * it now and then, e.g. hourly with an age of one hour.
     *
     * @return how many rows were deleted
     * @throws RepositoryUnavailableException if the database cannot be reached
     */
    public int pruneChanges(Duration age) {
        long before = AccountRows.micros(clock.instant().minus(age));
        return write("prune changes", c -> Sql.update(c, "DELETE FROM storeauth_changes WHERE changed_at_us < ?", before));
    }

    private static void requireSame(Account before, Account after) {
        if (!before.id().equals(after.id()) || !before.storeHash().equals(after.storeHash())
                || before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("a replacement must be the same account");
        }
    }

    private <T> T read(String what, SqlWork<T> work) {
        try {
            return jdbc.read(work);
        } catch (SQLException e) {
            throw Jdbc.unavailable(what, e);
        }
    }

    /** Runs {@code work} in a transaction; a data exception is the caller's value (see the class comment). */
    private <T> T write(String what, SqlWork<T> work) {
        try {
            return jdbc.transaction(work);
        } catch (SQLException e) {
            throw Jdbc.writeFailed(what, e);
        }
    }
}
