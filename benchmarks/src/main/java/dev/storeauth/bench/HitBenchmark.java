package dev.storeauth.bench;

import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.AccountCache;
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
 * Ours, cache hit: one full {@link Authenticator#authenticate} (TLS check, path parse, route and scope lookup,
 * header parse, length check, SHA-256, {@link AccountCache} hit, constant-time compare, scope decision,
 * result; the shape, token68 and username checks run only on a miss). The authenticator and cache are shared by
 * all benchmark threads, as in a server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HitBenchmark {

    private AccountCache cache;
    private Authenticator authenticator;
    private ApiRequest basic;
    private ApiRequest oauth;

    @Setup
    public void setUp() {
        Fixtures fixtures = new Fixtures();
        cache = AccountCache.builder(fixtures.repository).build();
        authenticator = Authenticator.builder(cache).build();
        basic = fixtures.basicRequest();
        oauth = fixtures.oauthRequest();
        Expect.authenticated(authenticator.authenticate(basic));
        Expect.authenticated(authenticator.authenticate(oauth));
    }

    @TearDown
    public void tearDown() {
        cache.close();
    }

    @Benchmark
    @Threads(1)
    public AuthResult oursBasicHit1T() {
        return authenticator.authenticate(basic);
    }

    @Benchmark
    @Threads(1)
    public AuthResult oursOAuthHit1T() {
        return authenticator.authenticate(oauth);
    }

    @Benchmark
    @Threads(2)
    public AuthResult oursBasicHit2T() {
        return authenticator.authenticate(basic);
    }

    @Benchmark
    @Threads(2)
    public AuthResult oursOAuthHit2T() {
        return authenticator.authenticate(oauth);
    }
}
