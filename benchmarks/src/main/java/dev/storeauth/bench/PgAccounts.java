package dev.storeauth.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The accounts {@link PgLoad} writes to PostgreSQL and the benchmarks look up: account {@code i} of a
 * database is a function of {@code i} alone, so any loaded token, username or digest can be recomputed
 * without reading the database. Fifty OAuth and fifty legacy accounts per store, the lifecycle's limit.
 *
 * <pre>{@code
 * String token = PgAccounts.accessToken(17);   // authenticates against store PgAccounts.store(17)
 * }</pre>
 */
final class PgAccounts {

    static final int PER_STORE = 50;
    /** The grants every loaded OAuth account has, as the repository stores them. */
    static final String SCOPES = "products=read-only,orders=modify";
    static final String HOST = System.getProperty("storeauth.bench.pg", "127.0.0.1:5432");
    static final String DATABASE_PREFIX = System.getProperty("storeauth.bench.db", "storeauth_bench");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecretDigester SHA256 = SecretDigester.sha256();

    private PgAccounts() {
    }

    /** The database holding {@code size} accounts of each kind, e.g. {@code storeauth_bench_10000}. */
    static String database(int size) {
        return DATABASE_PREFIX + "_" + size;
    }

    static String url(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database;
    }

    /** A HikariCP pool of {@code connections} on {@code database}, user postgres. */
    static HikariDataSource pool(String database, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(database));
        config.setUsername("postgres");
        config.setMaximumPoolSize(connections);
        return new HikariDataSource(config);
    }

    static String store(int i) {
        return "s" + (i / PER_STORE);
    }

    static String username(int i) {
        return "user" + (i % PER_STORE) + "@example.com";
    }

    static String oauthId(int i) {
        return new UUID(0x5ca1eL, i).toString();
    }

    static String clientId(int i) {
        return secret(SecretKind.CLIENT_ID, i);
    }

    static String accessToken(int i) {
        return secret(SecretKind.ACCESS_TOKEN, i);
    }

    static String clientSecret(int i) {
        return secret(SecretKind.CLIENT_SECRET, i);
    }

    static String legacyToken(int i) {
        return secret(SecretKind.LEGACY_TOKEN, i);
    }

    /** The lower-case hex SHA-256 the repository stores for {@code secret}. */
    static String digestHex(String secret) {
        return SHA256.digest(secret).toHex();
    }

    /** A well-formed secret of {@code kind} (prefix, 32 base62 characters, checksum), fixed by {@code i}. */
    private static String secret(SecretKind kind, int i) {
        SplittableRandom random = new SplittableRandom(((long) kind.ordinal() << 40) ^ i);
        StringBuilder value = new StringBuilder(SecretFormat.LENGTH).append(kind.prefix());
        for (int c = 0; c < SecretFormat.RANDOM_LENGTH; c++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.append(SecretFormat.checksum(value, value.length())).toString();
    }
}
