package dev.storeauth.bench;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.store.CredentialStore;
import dev.storeauth.store.LookupKey;
import dev.storeauth.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A stand-in JDBC store for the H2 miss benchmark: one OAuth account table in an in-memory H2 database and a
 * real {@link PreparedStatement} lookup by token digest per miss. It exists because the project's
 * {@code JdbcAccountRepository} is written on another branch; to measure that instead, replace
 * {@link #open} with {@code new JdbcAccountRepository(dataSource)} (it is a {@link CredentialStore} too).
 * One connection, used under a lock: {@link PreparedStatement}s are not thread-safe, and misses are rare.
 */
final class H2CredentialStore implements CredentialStore, AutoCloseable {

    private static final String SELECT = "SELECT id, client_id, client_secret_digest FROM oauth_account"
            + " WHERE access_token_digest = ?";

    private final Connection connection;
    private final OAuthAccount template;

    private H2CredentialStore(Connection connection, OAuthAccount template) {
        this.connection = connection;
        this.template = template;
    }

    static H2CredentialStore open(OAuthAccount account) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (var ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE oauth_account (id VARCHAR(64) PRIMARY KEY, client_id VARCHAR(64) NOT NULL,"
                    + " client_secret_digest BINARY(32) NOT NULL, access_token_digest BINARY(32) NOT NULL UNIQUE)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO oauth_account VALUES (?, ?, ?, ?)")) {
            insert.setString(1, account.id());
            insert.setString(2, account.clientId());
            insert.setBytes(3, account.clientSecretDigest().toBytes());
            insert.setBytes(4, account.accessTokenDigest().toBytes());
            insert.executeUpdate();
        }
        return new H2CredentialStore(c, account);
    }

    @Override
    public synchronized Optional<Account> find(LookupKey key) {
        if (!(key instanceof LookupKey.ByTokenDigest byDigest)) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setBytes(1, byDigest.digest().toBytes());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(account(row, byDigest.digest())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("H2 lookup failed", e);
        }
    }

    private Account account(ResultSet row, SecretDigest accessToken) throws SQLException {
        return new OAuthAccount(row.getString(1), template.storeHash(), template.name(), row.getString(2),
                SecretDigest.of(row.getBytes(3)), accessToken, template.scopes(), template.createdAt());
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
