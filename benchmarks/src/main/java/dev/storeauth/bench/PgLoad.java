package dev.storeauth.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Creates one PostgreSQL database per size ({@link PgAccounts#database}), migrates it by opening the
 * repository once, bulk-loads that many OAuth and legacy accounts with {@code COPY} ({@link PgCopy}),
 * runs {@code VACUUM ANALYZE}, then checks that loaded tokens authenticate through the library.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.PgLoad 10000 100000 1000000
 * }</pre>
 */
public final class PgLoad {

    private PgLoad() {
    }

    public static void main(String[] args) throws SQLException {
        for (String arg : args.length == 0 ? new String[] {"10000", "100000", "1000000"} : args) {
            load(Integer.parseInt(arg));
        }
    }

    static void load(int size) throws SQLException {
        if (size % PgAccounts.PER_STORE != 0) {
            throw new IllegalArgumentException("size must be a multiple of " + PgAccounts.PER_STORE);
        }
        String database = PgAccounts.database(size);
        recreate(database);
        long start = System.nanoTime();
        try (HikariDataSource pool = PgAccounts.pool(database, 2)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            try (Connection c = pool.getConnection()) {
                PgCopy.stores(c, size);
                PgCopy.oauthAccounts(c, size);
                PgCopy.legacyAccounts(c, size);
                long loaded = System.nanoTime();
                execute(c, "VACUUM ANALYZE");
                System.out.printf("%s: %,d OAuth + %,d legacy accounts in %,d stores: COPY %.1f s, VACUUM ANALYZE %.1f s%n",
                        database, size, size, size / PgAccounts.PER_STORE, (loaded - start) / 1e9,
                        (System.nanoTime() - loaded) / 1e9);
            }
            verify(repository, size);
        }
    }

    /** Drops and creates {@code database} from the maintenance database {@code postgres}. */
    static void recreate(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(PgAccounts.url("postgres"), "postgres", "")) {
            execute(admin, "DROP DATABASE IF EXISTS " + database);
            execute(admin, "CREATE DATABASE " + database);
        }
    }

    /** The first, middle and last accounts authenticate, by access token (v3) and by Basic (v2). */
    private static void verify(JdbcAccountRepository repository, int size) {
        Authenticator authenticator = Authenticator.builder(repository).build();
        for (int i : new int[] {0, size / 2, size - 1}) {
            String store = PgAccounts.store(i);
            Expect.authenticated(authenticator.authenticate(request("/stores/" + store + "/v3/catalog/products/42",
                    "X-Auth-Token", PgAccounts.accessToken(i))));
            Expect.authenticated(authenticator.authenticate(request("/stores/" + store + "/v2/products/42",
                    "Authorization", Fixtures.basicHeader(PgAccounts.username(i), PgAccounts.legacyToken(i)))));
        }
        System.out.println("  accounts 0, " + size / 2 + " and " + (size - 1) + " authenticate (OAuth and Basic)");
    }

    private static ApiRequest request(String path, String header, String value) {
        return new ApiRequest("GET", path, ApiRequest.Headers.of(Map.of(header, List.of(value))), true, "203.0.113.7");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
