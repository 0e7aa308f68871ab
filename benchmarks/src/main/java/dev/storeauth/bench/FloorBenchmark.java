package dev.storeauth.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor: the least work any correct implementation must do per request, with no policy, no result object
 * and no validation. Basic: JDK base64 decode + split on the first ':' + SHA-256 of the token + one Caffeine
 * {@code getIfPresent} by username + {@link MessageDigest#isEqual}. OAuth: SHA-256 of the token + one
 * {@code getIfPresent} by digest + {@code isEqual}. The {@code MessageDigest} is per thread (JMH thread state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FloorBenchmark {

    private final Cache<String, byte[]> byUsername = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Cache<ByteBuffer, byte[]> byDigest = Caffeine.newBuilder().maximumSize(100_000).build();
    private MessageDigest sha256;
    private String basicHeader;
    private String accessToken;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        Fixtures fixtures = new Fixtures();
        sha256 = MessageDigest.getInstance("SHA-256");
        basicHeader = fixtures.basicHeader;
        accessToken = fixtures.accessToken;
        byUsername.put(Fixtures.USERNAME, fixtures.legacy.tokenDigest().toBytes());
        byte[] digest = fixtures.oauth.accessTokenDigest().toBytes();
        byDigest.put(ByteBuffer.wrap(digest), digest);
    }

    @Benchmark
    public boolean floorBasic() {
        String decoded = new String(Base64.getDecoder().decode(basicHeader.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String username = decoded.substring(0, colon);
        byte[] presented = sha256.digest(decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        byte[] stored = byUsername.getIfPresent(username);
        return stored != null && MessageDigest.isEqual(stored, presented);
    }

    @Benchmark
    public boolean floorOAuth() {
        byte[] presented = sha256.digest(accessToken.getBytes(StandardCharsets.UTF_8));
        byte[] stored = byDigest.getIfPresent(ByteBuffer.wrap(presented));
        return stored != null && MessageDigest.isEqual(stored, presented);
    }
}
