package dev.storeauth.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * The miss lookups {@link PgMissBenchmark} and {@link PgMissInterleaved} time, on a database {@link PgLoad}
 * filled with {@code size} accounts of each kind: ours ({@code JdbcAccountRepository.find} through
 * HikariCP) and the floors (one bare prepared statement on the same pool, index and columns, every value
 * read), each by key number {@code k} of 65,536 loaded accounts drawn at random.
 */
final class PgLookups implements AutoCloseable {

    static final int KEYS = 1 << 16;
    private static final String OAUTH_COLUMNS = "id, store_hash, name, client_id, client_secret_digest,"
            + " access_token_digest, scopes, created_at_us, expires_at_us, previous_token_digest,"
            + " previous_token_expires_at_us, allowed_addresses";
    /** The minimal select on {@code storeauth_oauth_token_uq}. */
    static final String FLOOR_BY_DIGEST = "SELECT " + OAUTH_COLUMNS + " FROM storeauth_oauth_accounts"
            + " WHERE access_token_digest = ?";
    /** The select the repository issues for a token digest: its current and its previous token. */
    static final String OURS_BY_DIGEST = "SELECT " + OAUTH_COLUMNS + ", 0 FROM storeauth_oauth_accounts"
            + " WHERE access_token_digest = ? UNION ALL SELECT " + OAUTH_COLUMNS
            + ", 1 FROM storeauth_oauth_accounts WHERE previous_token_digest = ?";
    /** The same sorted by the database, current token first: the repository's select until 2026-12-01. */
    static final String SORTED_BY_DIGEST = OURS_BY_DIGEST + " ORDER BY 13";
    /** The select the repository issues for a store and username, on {@code storeauth_legacy_user_uq}. */
    static final String BY_USERNAME = "SELECT store_hash, username, token_digest, created_at_us,"
            + " previous_token_digest, previous_token_expires_at_us FROM storeauth_legacy_accounts"
            + " WHERE store_hash = ? AND username = ?";

    private final HikariDataSource pool;
    private final JdbcAccountRepository repository;
    private final LookupKey[] digestKeys = new LookupKey[KEYS];
    private final LookupKey[] usernameKeys = new LookupKey[KEYS];
    private final String[] digests = new String[KEYS];
    private final String[] stores = new String[KEYS];
    private final String[] usernames = new String[KEYS];

    PgLookups(int size) {
        pool = PgAccounts.pool(PgAccounts.database(size), 4);
        repository = JdbcAccountRepository.create(pool);
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < KEYS; k++) {
            int i = random.nextInt(size);
            digests[k] = PgAccounts.digestHex(PgAccounts.accessToken(i));
            digestKeys[k] = new LookupKey.ByTokenDigest(SecretDigest.fromHex(digests[k]));
            stores[k] = PgAccounts.store(i);
            usernames[k] = PgAccounts.username(i);
            usernameKeys[k] = new LookupKey.ByUsername(stores[k], usernames[k]);
        }
        Expect.found(repository.find(digestKeys[0]));
        Expect.found(repository.find(usernameKeys[0]));
    }

    Object oursByDigest(int k) {
        return Expect.found(repository.find(digestKeys[k]));
    }

    Object oursByUsername(int k) {
        return Expect.found(repository.find(usernameKeys[k]));
    }

    int floorByDigest(int k) throws SQLException {
        return query(FLOOR_BY_DIGEST, 12, digests[k], null);
    }

    int floorByDigestUnion(int k) throws SQLException {
        return query(OURS_BY_DIGEST, 13, digests[k], digests[k]);
    }

    int floorByDigestUnionSorted(int k) throws SQLException {
        return query(SORTED_BY_DIGEST, 13, digests[k], digests[k]);
    }

    int floorByUsername(int k) throws SQLException {
        return query(BY_USERNAME, 6, stores[k], usernames[k]);
    }

    /** Runs {@code sql} with one or two string parameters, reads every column; the sum of their lengths. */
    private int query(String sql, int columns, String first, String second) throws SQLException {
        int read = 0;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            if (second != null) {
                ps.setString(2, second);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int col = 1; col <= columns; col++) {
                        String value = rs.getString(col);
                        read += value == null ? 0 : value.length();
                    }
                }
            }
        }
        if (read == 0) {
            throw new IllegalStateException("benchmark fixture is not in the store");
        }
        return read;
    }

    @Override
    public void close() {
        pool.close();
    }
}
