package dev.storeauth.credentials.internal;

import dev.storeauth.credentials.internal.BasicCredentials;
import dev.storeauth.credentials.internal.CanonicalBase64;
import dev.storeauth.credentials.internal.CredentialParser;
import dev.storeauth.credentials.internal.ParseResult;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one legacy Basic credential ({@code admin@example.com} and a generated legacy token) three
 * ways: the project's {@link CanonicalBase64}, which reads the header where it is, {@link Base64} from
 * the JDK and commons-codec's {@code Base64}, each on the substring after {@code "Basic "}. The
 * {@code decode*} benchmarks decode only; the {@code split*} ones also produce the username and token
 * strings ({@link CredentialParser#parse} for ours, which checks the scheme, UTF-8 and the colon too).
 * {@code parseInPlace} is what the authenticator runs: the token is left as bytes.
 *
 * <p>In this package, inside the benchmarks module, to reach the package-private decoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Base64Benchmark {

    static final String USERNAME = "admin@example.com";

    private final CredentialParser parser = new CredentialParser();
    private final Base64.Decoder jdk = Base64.getDecoder();
    private String header;
    private List<String> authorization;

    @Setup
    public void setUp() {
        String token = new SecretGenerator(new SecureRandom(new byte[] {7})).generate(SecretKind.LEGACY_TOKEN);
        byte[] plain = (USERNAME + ":" + token).getBytes(StandardCharsets.UTF_8);
        header = "Basic " + Base64.getEncoder().encodeToString(plain);
        authorization = List.of(header);
        BasicCredentials expected = new BasicCredentials(USERNAME, token);
        if (!Arrays.equals(plain, decodeOurs()) || !Arrays.equals(plain, decodeJdk())
                || !Arrays.equals(plain, decodeCommonsCodec()) || !expected.equals(splitOurs())
                || !expected.equals(splitJdk()) || !expected.equals(splitCommonsCodec())) {
            throw new IllegalStateException("the decoders disagree on " + header);
        }
    }

    @Benchmark
    public byte[] decodeOurs() {
        return CanonicalBase64.decode(header, 6, header.length());
    }

    @Benchmark
    public byte[] decodeJdk() {
        return jdk.decode(header.substring(6));
    }

    @Benchmark
    public byte[] decodeCommonsCodec() {
        return org.apache.commons.codec.binary.Base64.decodeBase64(header.substring(6));
    }

    @Benchmark
    public Object splitOurs() {
        return ((ParseResult.Present) parser.parse(authorization, List.of())).credentials();
    }

    @Benchmark
    public Object splitJdk() {
        return split(jdk.decode(header.substring(6)));
    }

    @Benchmark
    public Object splitCommonsCodec() {
        return split(org.apache.commons.codec.binary.Base64.decodeBase64(header.substring(6)));
    }

    @Benchmark
    public Object parseInPlace() {
        return parser.parseInPlace(authorization, List.of());
    }

    /** What a hand-written Basic parser does after decoding: UTF-8, then the first colon. */
    private static BasicCredentials split(byte[] decoded) {
        String text = new String(decoded, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        return new BasicCredentials(text.substring(0, colon), text.substring(colon + 1));
    }
}
