package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.throttle.FailureThrottle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The authenticator with a {@link FailureThrottle}: brute force meets 429, not the store. */
class AuthenticatorThrottleTest {

    private static final int THRESHOLD = 10;
    private static final String PATH = "/stores/store1/v2/products";

    private final SecretGenerator generator = new SecretGenerator();
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final String token = generator.generate(SecretKind.LEGACY_TOKEN);
    private final Authenticator authenticator;

    AuthenticatorThrottleTest() {
        repository.insertLegacyAccount(new LegacyAccount("store1", "alice",
                SecretDigester.sha256().digest(token), Instant.EPOCH));
        AccountLookup counting = key -> {
            lookups.incrementAndGet();
            return repository.find(key);
        };
        authenticator = Authenticator.builder(counting)
                .throttle(new FailureThrottle(THRESHOLD, Duration.ofMinutes(1), 10_000, ticker))
                .build();
    }

    @Test
    void readsTheRemoteAddressOnlyWithAThrottle() {
        assertTrue(authenticator.readsRemoteAddress());
        assertFalse(Authenticator.builder(repository::find).build().readsRemoteAddress());
    }

    @Test
    void throttlesTenThousandBadAttemptsFromOneAddressWithoutReachingTheStore() {
        int throttled = 0;
        for (int i = 0; i < 10_000; i++) {
            AuthResult result = authenticator.authenticate(basic("203.0.113.66", "user" + i,
                    generator.generate(SecretKind.LEGACY_TOKEN)));
            AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result);
            if (denied.status() == 429) {
                throttled++;
            }
            AuthResult valid = authenticator.authenticate(basic("198.51.100.7", "alice", token));
            assertInstanceOf(AuthResult.Authenticated.class, valid, "valid traffic from another address at " + i);
        }

        assertEquals(10_000 - THRESHOLD, throttled);
        assertEquals(THRESHOLD + 10_000, lookups.get(), "the threshold's bad lookups, plus one per valid request");
        System.out.printf("throttle: 10000 bad attempts, %d answered 429, %d reached the store%n",
                throttled, THRESHOLD);
    }

    @Test
    void answers429WithRetryAfterAndRateLimitHeaders() {
        for (int i = 0; i < THRESHOLD; i++) {
            authenticator.authenticate(basic("203.0.113.66", "alice", generator.generate(SecretKind.LEGACY_TOKEN)));
        }
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());

        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class,
                authenticator.authenticate(basic("203.0.113.66", "alice", token)));

        assertEquals(429, denied.status());
        assertEquals(AuthResult.Problem.TOO_MANY_FAILURES, denied.problem());
        assertEquals(Map.of("Retry-After", "45", "X-Rate-Limit-Requests-Left", "0",
                "X-Rate-Limit-Time-Reset-Ms", "45000"), denied.headers());
    }

    @Test
    void successDoesNotResetTheAddressCount() {
        for (int i = 0; i < THRESHOLD - 1; i++) {
            authenticator.authenticate(basic("203.0.113.66", "mallory" + i, generator.generate(SecretKind.LEGACY_TOKEN)));
        }
        assertInstanceOf(AuthResult.Authenticated.class, authenticator.authenticate(basic("203.0.113.66", "alice", token)));
        authenticator.authenticate(basic("203.0.113.66", "mallory", generator.generate(SecretKind.LEGACY_TOKEN)));

        AuthResult result = authenticator.authenticate(basic("203.0.113.66", "alice", token));

        assertEquals(429, assertInstanceOf(AuthResult.Denied.class, result).status());
    }

    @Test
    void protectsAUsernameTriedFromManyAddresses() {
        for (int i = 0; i < THRESHOLD; i++) {
            authenticator.authenticate(basic("198.51.100." + i, "alice", generator.generate(SecretKind.LEGACY_TOKEN)));
        }

        AuthResult result = authenticator.authenticate(basic("192.0.2.200", "alice", token));

        assertEquals(429, assertInstanceOf(AuthResult.Denied.class, result).status());
    }

    @Test
    void doesNotCountMissingCredentials() {
        for (int i = 0; i < THRESHOLD * 3; i++) {
            AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, authenticator.authenticate(
                    new ApiRequest("GET", PATH, ApiRequest.Headers.none(), true, "203.0.113.66")));
            assertEquals(401, denied.status());
            assertTrue(denied.challenges().size() == 2);
        }

        assertInstanceOf(AuthResult.Authenticated.class, authenticator.authenticate(basic("203.0.113.66", "alice", token)));
    }

    private static ApiRequest basic(String address, String username, String secret) {
        String header = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new ApiRequest("GET", PATH, ApiRequest.Headers.of(Map.of("Authorization", List.of(header))), true, address);
    }
}
