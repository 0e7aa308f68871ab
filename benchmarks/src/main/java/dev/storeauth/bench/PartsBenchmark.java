package dev.storeauth.bench;

import dev.storeauth.auth.ApiRequest;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.CredentialParser;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.internal.StorePath;
import dev.storeauth.repository.LookupKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The steps of a cache hit one by one (path read, route lookup, two header lookups, credential parse,
 * shape and checksum check, SHA-256, cache hit), to see where the time above the floor goes. Each is measured
 * alone, so the sum is only a guide to the whole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PartsBenchmark {

    private final CredentialParser parser = new CredentialParser();
    private final SecretDigester sha = SecretDigester.sha256();
    private final RouteTable routes = RouteTable.defaults();
    private ApiRequest oauth;
    private String token;
    private byte[] tokenBytes;
    private StorePath path;
    private ApiRequest basic;
    private String basicHeader;
    private AccountCache cache;
    private LookupKey key;

    @Setup
    public void setUp() {
        Fixtures fixtures = new Fixtures();
        oauth = fixtures.oauthRequest();
        token = fixtures.accessToken;
        tokenBytes = token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        path = StorePath.read(Fixtures.OAUTH_PATH);
        basic = fixtures.basicRequest();
        basicHeader = fixtures.basicHeader;
        cache = AccountCache.builder(fixtures.repository).build();
        key = LookupKey.of(fixtures.oauth);
        cache.find(key);
    }

    @TearDown
    public void tearDown() {
        cache.close();
    }

    @Benchmark
    public Object partPathParse() {
        return StorePath.read(oauth.path());
    }

    @Benchmark
    public Object partBasicParse() {
        return parser.parseInPlace(basic.headers().values("Authorization"), basic.headers().values("X-Auth-Token"));
    }

    @Benchmark
    public Object partFloorBasicDecode() {
        return new String(Base64.getDecoder().decode(basicHeader.substring(6)), StandardCharsets.UTF_8);
    }

    @Benchmark
    public Object partRoute() {
        return routes.match(path.version(), path.resourceText(), path.resourceStart());
    }

    @Benchmark
    public Object partHeaders() {
        return oauth.headers().values("Authorization").size()
                + oauth.headers().values("X-Auth-Token").size();
    }

    @Benchmark
    public Object partParse() {
        return parser.parse(oauth.headers().values("Authorization"), oauth.headers().values("X-Auth-Token"));
    }

    @Benchmark
    public boolean partShape() {
        return SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, token);
    }

    @Benchmark
    public boolean partShapeBytes() {
        return SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, tokenBytes, 0, tokenBytes.length);
    }

    @Benchmark
    public Object partDigest() {
        return sha.digest(token);
    }

    @Benchmark
    public Object partCacheHit() {
        return cache.find(key);
    }
}
