package dev.storeauth.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Ours, cache miss: every operation first evicts the account's cache key (an epoch bump and one Caffeine
 * removal from each of the two caches, included in the score), so the full authentication goes through the single-flight miss path: a
 * hand-off to a lookup thread, the store lookup, the cache fill. Against the in-memory repository and against
 * an in-memory H2 database ({@code JdbcAccountRepository} over a HikariCP pool: real prepared-statement queries).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class MissBenchmark {

    private AccountCache inMemory;
    private AccountCache h2;
    private HikariDataSource h2Pool;
    private Authenticator inMemoryAuthenticator;
    private Authenticator h2Authenticator;
    private AccountChange oauthChanged;
    private AccountChange basicChanged;
    private ApiRequest basic;
    private ApiRequest oauth;

    @Setup
    public void setUp() throws SQLException {
        Fixtures fixtures = new Fixtures();
        inMemory = AccountCache.builder(fixtures.repository).build();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:bench-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        h2Pool = new HikariDataSource(config);
        JdbcAccountRepository repository = JdbcAccountRepository.create(h2Pool);
        repository.insertOAuthAccount(fixtures.oauth, 50, Fixtures.AUDIT);
        h2 = AccountCache.builder(repository).build();
        inMemoryAuthenticator = Authenticator.builder(inMemory).build();
        h2Authenticator = Authenticator.builder(h2).build();
        oauthChanged = new AccountChange.Changed(List.of(LookupKey.of(fixtures.oauth)));
        basicChanged = new AccountChange.Changed(List.of(LookupKey.of(fixtures.legacy)));
        basic = fixtures.basicRequest();
        oauth = fixtures.oauthRequest();
        Expect.authenticated(inMemoryAuthenticator.authenticate(basic));
        Expect.authenticated(inMemoryAuthenticator.authenticate(oauth));
        Expect.authenticated(h2Authenticator.authenticate(oauth));
    }

    @TearDown
    public void tearDown() throws SQLException {
        inMemory.close();
        h2.close();
        h2Pool.close();
    }

    @Benchmark
    public AuthResult oursBasicMissInMemory() {
        inMemory.onChange(basicChanged);
        return inMemoryAuthenticator.authenticate(basic);
    }

    @Benchmark
    public AuthResult oursOAuthMissInMemory() {
        inMemory.onChange(oauthChanged);
        return inMemoryAuthenticator.authenticate(oauth);
    }

    @Benchmark
    public AuthResult oursOAuthMissH2() {
        h2.onChange(oauthChanged);
        return h2Authenticator.authenticate(oauth);
    }
}
