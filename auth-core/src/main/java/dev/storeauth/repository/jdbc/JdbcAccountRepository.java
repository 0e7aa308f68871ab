package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link AccountRepository} in a relational database (H2 and PostgreSQL are tested) through a
 * caller-supplied {@link DataSource}, normally a pool; it never opens connections of its own.
 *
 * <ul>
 *   <li>Secrets are stored only as hex digests; token digests, client IDs and (store, username)
 *       are unique, and every lookup path is indexed.
 *   <li>{@link #insertOAuthAccount} locks the store's row ({@code SELECT ... FOR UPDATE}) in the
 *       transaction that counts and inserts, so the limit holds across nodes.
 *   <li>Every create, delete and token change is published, with the lookup key of the account it
 *       changed, in the transaction that makes it (see {@link AccountChangeFeed}).
 *   <li>Any {@link SQLException} becomes {@link RepositoryUnavailableException}, never "not found";
 *       except that a data exception (SQLSTATE class 22: a value longer than its column, a character
 *       the database encoding lacks) in a create, delete or token change is the caller's value, an
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
     * @throws IllegalArgumentException if it is neither PostgreSQL nor H2
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
            return legacyAccount(byUser.storeHash(), byUser.username()).map(Account.class::cast);
        }
        String digest = ((LookupKey.ByTokenDigest) key).digest().toHex();
        return one("find", "SELECT " + AccountRows.OAUTH_COLUMNS
                + " FROM storeauth_oauth_accounts WHERE access_token_digest = ?", AccountRows::oauth, digest);
    }

    @Override
    public boolean insertOAuthAccount(OAuthAccount account, int limit) {
        try {
            return jdbc.transaction(c -> {
                lockStore(c, account.storeHash());
                if (countOAuth(c, account.storeHash()) >= limit) {
                    return false;
                }
                insert(c, "INSERT INTO storeauth_oauth_accounts (" + AccountRows.OAUTH_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> AccountRows.bind(ps, account));
                changes.publish(c, account.id(), LookupKey.of(account));
                return true;
            });
        } catch (SQLException e) {
            if (Jdbc.isDuplicate(e)) {
                throw new IllegalStateException("duplicate OAuth account id, client ID or access token");
            }
            throw Jdbc.writeFailed("insert OAuth account", e);
        }
    }

    @Override
    public List<OAuthAccount> oauthAccounts(String storeHash) {
        return list("list OAuth accounts", "SELECT " + AccountRows.OAUTH_COLUMNS + " FROM storeauth_oauth_accounts"
                + " WHERE store_hash = ? ORDER BY created_at_us, id", AccountRows::oauth, storeHash);
    }

    @Override
    public Optional<OAuthAccount> oauthAccount(String storeHash, String id) {
        return one("find OAuth account", "SELECT " + AccountRows.OAUTH_COLUMNS
                + " FROM storeauth_oauth_accounts WHERE id = ? AND store_hash = ?", AccountRows::oauth, id, storeHash);
    }

    @Override
    public List<String> deleteOAuthAccounts(String storeHash, Collection<String> ids) {
        try {
            return jdbc.transaction(c -> {
                List<String> deleted = new ArrayList<>();
                for (String id : new LinkedHashSet<>(ids)) {
                    Optional<SecretDigest> digest = tokenDigestForDelete(c, storeHash, id);
                    if (digest.isPresent() && update(c,
                            "DELETE FROM storeauth_oauth_accounts WHERE id = ? AND store_hash = ?", id, storeHash) == 1) {
                        changes.publish(c, id, new LookupKey.ByTokenDigest(digest.get()));
                        deleted.add(id);
                    }
                }
                return deleted;
            });
        } catch (SQLException e) {
            throw Jdbc.writeFailed("delete OAuth accounts", e);
        }
    }

    @Override
    public boolean insertLegacyAccount(LegacyAccount account) {
        try {
            return jdbc.transaction(c -> {
                insert(c, "INSERT INTO storeauth_legacy_accounts (id, " + AccountRows.LEGACY_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?)", ps -> AccountRows.bind(ps, account));
                changes.publish(c, account.id(), LookupKey.of(account));
                return true;
            });
        } catch (SQLException e) {
            if (!Jdbc.isDuplicate(e)) {
                throw Jdbc.writeFailed("insert legacy account", e);
            }
            if (legacyAccount(account.storeHash(), account.username()).isEmpty()) {
                throw new IllegalStateException("duplicate legacy API token");
            }
            return false;
        }
    }

    @Override
    public List<LegacyAccount> legacyAccounts(String storeHash) {
        return list("list legacy accounts", "SELECT " + AccountRows.LEGACY_COLUMNS + " FROM storeauth_legacy_accounts"
                + " WHERE store_hash = ? ORDER BY created_at_us, username", AccountRows::legacy, storeHash);
    }

    @Override
    public boolean replaceLegacyToken(String storeHash, String username, SecretDigest newDigest) {
        return changeLegacy("replace legacy token", storeHash, username,
                "UPDATE storeauth_legacy_accounts SET token_digest = ? WHERE id = ?", newDigest.toHex());
    }

    @Override
    public boolean deleteLegacyAccount(String storeHash, String username) {
        return changeLegacy("delete legacy account", storeHash, username,
                "DELETE FROM storeauth_legacy_accounts WHERE id = ?");
    }

    /** {@inheritDoc} Account ids are unique across both kinds, so each id is set in whichever table has it. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByAccountId) {
        try {
            jdbc.transaction(c -> {
                for (String table : List.of("storeauth_oauth_accounts", "storeauth_legacy_accounts")) {
                    setLastUsed(c, table, lastUsedByAccountId);
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.unavailable("record last-used times", e);
        }
    }

    private static void setLastUsed(Connection c, String table, Map<String, Instant> lastUsedById)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET last_used_at_us = ? WHERE id = ?"
                + " AND (last_used_at_us IS NULL OR last_used_at_us < ?)")) {
            for (Map.Entry<String, Instant> e : lastUsedById.entrySet()) {
                long at = AccountRows.micros(e.getValue());
                ps.setLong(1, at);
                ps.setString(2, e.getKey());
                ps.setLong(3, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Map<String, Instant> lastUsed(String storeHash) {
        Map<String, Instant> out = new HashMap<>();
        list("read last-used times", "SELECT id, last_used_at_us FROM storeauth_oauth_accounts"
                + " WHERE store_hash = ? AND last_used_at_us IS NOT NULL UNION ALL"
                + " SELECT id, last_used_at_us FROM storeauth_legacy_accounts"
                + " WHERE store_hash = ? AND last_used_at_us IS NOT NULL",
                rs -> Map.entry(rs.getString(1), AccountRows.fromMicros(rs.getLong(2))), storeHash, storeHash)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
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
        try {
            return jdbc.transaction(c -> update(c, "DELETE FROM storeauth_changes WHERE changed_at_us < ?", before));
        } catch (SQLException e) {
            throw Jdbc.unavailable("prune changes", e);
        }
    }

    private Optional<LegacyAccount> legacyAccount(String storeHash, String username) {
        return one("find legacy account", "SELECT " + AccountRows.LEGACY_COLUMNS
                + " FROM storeauth_legacy_accounts WHERE store_hash = ? AND username = ?",
                AccountRows::legacy, storeHash, username);
    }

    /** Runs {@code sql}, whose last parameter is the account id, after {@code params}; publishes a change. */
    private boolean changeLegacy(String what, String storeHash, String username, String sql, Object... params) {
        String id = LegacyAccount.idOf(storeHash, username);
        Object[] withId = Arrays.copyOf(params, params.length + 1);
        withId[params.length] = id;
        try {
            return jdbc.transaction(c -> {
                boolean changed = update(c, sql, withId) == 1;
                if (changed) {
                    changes.publish(c, id, new LookupKey.ByUsername(storeHash, username));
                }
                return changed;
            });
        } catch (SQLException e) {
            throw Jdbc.writeFailed(what, e);
        }
    }

    /** The token digest of the store's OAuth account {@code id}, its row locked until the transaction ends. */
    private static Optional<SecretDigest> tokenDigestForDelete(Connection c, String storeHash, String id)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT access_token_digest FROM storeauth_oauth_accounts"
                + " WHERE id = ? AND store_hash = ? FOR UPDATE", id, storeHash); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(SecretDigest.fromHex(rs.getString(1))) : Optional.empty();
        }
    }

    /** Creates the store's row if needed, then holds its lock until the transaction ends. */
    private void lockStore(Connection c, String storeHash) throws SQLException {
        update(c, dialect.upsertStore(), storeHash);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT store_hash FROM storeauth_stores WHERE store_hash = ? FOR UPDATE")) {
            ps.setString(1, storeHash);
            ps.executeQuery().close();
        }
    }

    private static long countOAuth(Connection c, String storeHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM storeauth_oauth_accounts WHERE store_hash = ?")) {
            ps.setString(1, storeHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private <T> Optional<T> one(String what, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(what, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> list(String what, String sql, RowMapper<T> mapper, Object... params) {
        try {
            return jdbc.read(c -> {
                try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw Jdbc.unavailable(what, e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static void insert(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
