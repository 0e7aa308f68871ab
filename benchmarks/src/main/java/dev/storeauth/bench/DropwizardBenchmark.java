package dev.storeauth.bench;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.auth.AuthenticationException;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * dropwizard-auth 4.x, cache hit: the Basic header parsed exactly as {@code BasicCredentialAuthFilter}
 * parses it (its {@code getCredentials} is private and the filter needs a Jersey request context, so its
 * code is replicated line for line below), then the real {@link CachingAuthenticator#authenticate}, which
 * times the call with a Dropwizard Metrics timer and looks the credentials up in its Caffeine cache. It does
 * no scope or path decision, so it does less work than ours.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DropwizardBenchmark {

    private static final String PREFIX = "Basic";

    private CachingAuthenticator<BasicCredentials, Principal> authenticator;
    private String header;

    @Setup
    public void setUp() throws AuthenticationException {
        Fixtures fixtures = new Fixtures();
        String token = fixtures.legacyToken;
        Principal principal = () -> Fixtures.USERNAME;
        authenticator = new CachingAuthenticator<>(new MetricRegistry(),
                credentials -> token.equals(credentials.getPassword()) ? Optional.of(principal) : Optional.empty(),
                Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(java.time.Duration.ofMinutes(5)));
        header = fixtures.basicHeader;
        if (dropwizardBasicHit().isEmpty()) {
            throw new IllegalStateException("dropwizard fixture is not authenticated");
        }
    }

    @Benchmark
    public Optional<Principal> dropwizardBasicHit() throws AuthenticationException {
        return authenticator.authenticate(getCredentials(header));
    }

    /** {@code io.dropwizard.auth.basic.BasicCredentialAuthFilter#getCredentials} (4.0.x), minus its logging. */
    private static BasicCredentials getCredentials(String header) {
        if (header == null) {
            return null;
        }
        final int space = header.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        final String method = header.substring(0, space);
        if (!PREFIX.equalsIgnoreCase(method)) {
            return null;
        }
        final String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(space + 1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        final int i = decoded.indexOf(':');
        if (i <= 0) {
            return null;
        }
        return new BasicCredentials(decoded.substring(0, i), decoded.substring(i + 1));
    }
}
