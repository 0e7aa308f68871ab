package dev.storeauth.bench;

import dev.storeauth.StoreAuth;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.micrometer.MicrometerObserver;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
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
 * result; the shape, token68 and username checks run only on a miss). {@code oursOAuthExpiryAllowlistHit1T}
 * presents an account that expires (so the clock is read) and has a two-block allowlist that permits the
 * request's address (so it is matched). {@code oursShortLivedHit1T} presents a short-lived {@code sst_}
 * token of the plain OAuth account granting all its scopes (the same path as an access token: SHA-256 of
 * its 42 characters, {@link AccountCache} hit by that digest, constant-time compare);
 * {@code oursShortLivedNarrowedHit1T} one granting less (its stored scopes). {@code oursOAuthHitMicrometer1T}
 * is {@code oursOAuthHit1T} with a {@link MicrometerObserver} over a {@link SimpleMeterRegistry} (the
 * others have the default no-op observer); both are built in every trial, so the observer call sites have
 * seen both kinds. The authenticator and cache are shared by all benchmark threads, as in a server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HitBenchmark {

    private StoreAuth storeAuth;
    private StoreAuth metered;
    private Authenticator authenticator;
    private Authenticator meteredAuthenticator;
    private ApiRequest basic;
    private ApiRequest oauth;
    private ApiRequest fencedOAuth;
    private ApiRequest shortLived;
    private ApiRequest shortLivedNarrowed;

    @Setup
    public void setUp() {
        Fixtures fixtures = new Fixtures();
        // As in a server, minus the failure throttle and the last-used recorder, which hits do not reach.
        storeAuth = StoreAuth.builder().repository(fixtures.repository).noFailureThrottle().recordUsage(false)
                .shortLivedTokens(fixtures.shortLived.lifetime()).build();
        authenticator = storeAuth.authenticator();
        metered = StoreAuth.builder().repository(fixtures.repository).noFailureThrottle().recordUsage(false)
                .observer(new MicrometerObserver(new SimpleMeterRegistry())).build();
        meteredAuthenticator = metered.authenticator();
        basic = fixtures.basicRequest();
        oauth = fixtures.oauthRequest();
        fencedOAuth = fixtures.fencedOAuthRequest();
        shortLived = fixtures.shortLivedRequest(fixtures.oauth.scopes());
        shortLivedNarrowed = fixtures.shortLivedRequest(Scopes.of(Map.of("products", AccessLevel.READ_ONLY)));
        Expect.authenticated(authenticator.authenticate(basic));
        Expect.authenticated(authenticator.authenticate(oauth));
        Expect.authenticated(meteredAuthenticator.authenticate(oauth));
        Expect.authenticated(authenticator.authenticate(fencedOAuth));
        Expect.authenticated(authenticator.authenticate(shortLived));
        Expect.authenticated(authenticator.authenticate(shortLivedNarrowed));
    }

    @TearDown
    public void tearDown() {
        storeAuth.close();
        metered.close();
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
    @Threads(1)
    public AuthResult oursOAuthHitMicrometer1T() {
        return meteredAuthenticator.authenticate(oauth);
    }

    @Benchmark
    @Threads(1)
    public AuthResult oursOAuthExpiryAllowlistHit1T() {
        return authenticator.authenticate(fencedOAuth);
    }

    @Benchmark
    @Threads(1)
    public AuthResult oursShortLivedHit1T() {
        return authenticator.authenticate(shortLived);
    }

    @Benchmark
    @Threads(1)
    public AuthResult oursShortLivedNarrowedHit1T() {
        return authenticator.authenticate(shortLivedNarrowed);
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
