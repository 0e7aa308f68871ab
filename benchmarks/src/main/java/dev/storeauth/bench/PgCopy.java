package dev.storeauth.bench;

import dev.storeauth.accounts.LegacyAccount;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code COPY ... FROM STDIN} of the rows of {@link PgAccounts}, in the text format, streamed in 1 MiB
 * chunks; each table in one statement, so in one transaction.
 */
final class PgCopy {

    private static final int CHUNK = 1 << 20;
    /** 2026-01-01T00:00:00Z in epoch microseconds; account {@code i} was created {@code i} µs later. */
    private static final long CREATED_US = 1_767_225_600_000_000L;

    private PgCopy() {
    }

    static void stores(Connection c, int size) throws SQLException {
        copy(c, "storeauth_stores (store_hash)", size / PgAccounts.PER_STORE, s -> "s" + s);
    }

    static void oauthAccounts(Connection c, int size) throws SQLException {
        copy(c, "storeauth_oauth_accounts (id, store_hash, name, client_id, client_secret_digest,"
                + " access_token_digest, scopes, created_at_us)", size, i -> String.join("\t", PgAccounts.oauthId(i),
                PgAccounts.store(i), "Benchmark app " + i, PgAccounts.clientId(i),
                PgAccounts.digestHex(PgAccounts.clientSecret(i)), PgAccounts.digestHex(PgAccounts.accessToken(i)),
                PgAccounts.SCOPES, Long.toString(CREATED_US + i)));
    }

    static void legacyAccounts(Connection c, int size) throws SQLException {
        copy(c, "storeauth_legacy_accounts (id, store_hash, username, token_digest, created_at_us)", size,
                i -> String.join("\t", LegacyAccount.idOf(PgAccounts.store(i), PgAccounts.username(i)), PgAccounts.store(i),
                        PgAccounts.username(i), PgAccounts.digestHex(PgAccounts.legacyToken(i)),
                        Long.toString(CREATED_US + i)));
    }

    private static void copy(Connection c, String table, int rows, IntFunction<String> row) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
        try {
            StringBuilder chunk = new StringBuilder(CHUNK + 1024);
            for (int i = 0; i < rows; i++) {
                chunk.append(row.apply(i)).append('\n');
                if (chunk.length() >= CHUNK || i == rows - 1) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
