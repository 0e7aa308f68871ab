package dev.storeauth.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.StoreAuth;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The OAuth cache hit with the store quota off, or counted locally, in Redis or in PostgreSQL. Requests
 * go round {@value #STORES} stores of one account each, each store at 450 requests per second, so
 * that no store runs out during a run (about 50 requests per store per second at 1 µs a request) and
 * a shared backend synchronizes as it would for real stores: every 11 requests of a store (2.5% of
 * its quota), or after 100 ms.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar QuotaBenchmark -p backend=off,local,redis,postgresql
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuotaBenchmark {

    static final int STORES = 20_000;
    private static final String PG_URL = System.getProperty("storeauth.pg",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String REDIS_URL = System.getProperty("storeauth.redis", "redis://127.0.0.1:6379");

    @Param({"off", "local", "redis", "postgresql"})
    public String backend;

    private HikariDataSource dataSource;
    private StoreAuth storeAuth;
    private Authenticator authenticator;
    private ApiRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryAccountRepository repository = new InMemoryAccountRepository();
        SecretDigester sha = SecretDigester.sha256();
        Fixtures fixtures = new Fixtures();
        requests = new ApiRequest[STORES];
        for (int i = 0; i < STORES; i++) {
            String store = "q" + Integer.toString(i, 36);
            String token = fixtures.generator.generate(dev.storeauth.credentials.internal.SecretKind.ACCESS_TOKEN);
            repository.insertOAuthAccount(new OAuthAccount("acct-" + i, store, "Quota app " + i, "client-" + i,
                    sha.digest("scs_client-secret-" + i), sha.digest(token),
                    Scopes.of(Map.of("products", AccessLevel.READ_ONLY)), Instant.EPOCH), 100, Fixtures.AUDIT);
            requests[i] = new ApiRequest("GET", "/stores/" + store + "/v3/catalog/products/42",
                    ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.7");
        }
        StoreAuth.Builder builder = StoreAuth.builder().repository(repository).noFailureThrottle().recordUsage(false);
        if (!backend.equals("off")) {
            builder.storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("450/1s"))).limitStore(limitStore());
        }
        storeAuth = builder.build();
        authenticator = storeAuth.authenticator();
        for (ApiRequest request : requests) {
            Expect.authenticated(authenticator.authenticate(request));
        }
    }

    private LimitStore limitStore() {
        return switch (backend) {
            case "local" -> LimitStore.local();
            case "redis" -> LimitStore.redis(REDIS_URL);
            case "postgresql" -> {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(PG_URL);
                config.setMaximumPoolSize(4);
                dataSource = new HikariDataSource(config);
                yield LimitStore.postgres(dataSource);
            }
            default -> throw new IllegalArgumentException("backend: off, local, redis or postgresql, not " + backend);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (storeAuth.limitStore().degraded()) {
            throw new IllegalStateException("the " + backend + " backend fell back to local counting during the run");
        }
        storeAuth.close();
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Benchmark
    public AuthResult oauthHitWithQuota() {
        int i = next;
        next = i + 1 == STORES ? 0 : i + 1;
        return authenticator.authenticate(requests[i]);
    }
}
