package dev.storeauth.auth;

import static dev.storeauth.auth.RotatedAccounts.previous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry by the authenticator's clock: an account from its expiry on, and an old token from the end
 * of its overlap on, are 401 {@code expired_credentials}, distinct from invalid credentials, while
 * the cache keeps holding the account (its ticker never moves, so nothing is evicted or looked up
 * again). The current token is unaffected by the old token's end.
 */
class AuthenticatorExpiryTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant OVERLAP_END = START.plus(Duration.ofHours(24));
    private static final String V2 = "/stores/abc/v2/products";
    private static final String V3 = "/stores/abc/v3/catalog/products";
    private static final String EXPIRED_BEARER =
            "Bearer realm=\"storeauth\", error=\"invalid_token\", error_description=\"The access token expired\"";
    private static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";

    private final ManualClock clock = new ManualClock(START);
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AccountCache cache = AccountCache.builder(key -> {
        lookups.incrementAndGet();
        return repository.find(key);
    }).lookupExecutor(Runnable::run).ticker(() -> 0L).build();
    private final Authenticator authenticator = Authenticator.builder(cache).clock(clock).build();
    private final String current = RotatedAccounts.accessToken();
    private final String old = RotatedAccounts.accessToken();

    @AfterEach
    void closeCache() {
        cache.close();
    }

    private void insert(Optional<Instant> expiresAt, Optional<PreviousToken> previous) {
        OAuthAccount account = RotatedAccounts.oauth("rolled", "abc", current, expiresAt, previous,
                AllowedAddresses.anywhere());
        repository.insertOAuthAccount(account, 100, TestAudit.ENTRY);
    }

    private AuthResult bearer(String path, String token) {
        return request(authenticator, path, token);
    }

    private static AuthResult request(Authenticator authenticator, String path, String token) {
        return authenticator.authenticate(new ApiRequest("GET", path,
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.9"));
    }

    private AuthResult basic(String username, String token) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return authenticator.authenticate(new ApiRequest("GET", V2,
                ApiRequest.Headers.of(Map.of("Authorization", List.of("Basic " + pair))), true, "203.0.113.9"));
    }

    private static void assertAuthenticated(AuthResult result, String when) {
        assertInstanceOf(AuthResult.Authenticated.class, result, () -> when + ": " + result);
    }

    private static void assertExpired(AuthResult result, List<String> challenges, String when) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result, () -> when + ": " + result);
        assertEquals(401, denied.status(), when);
        assertEquals(AuthResult.Problem.EXPIRED_CREDENTIALS, denied.problem(), when);
        assertEquals("expired_credentials", denied.problem().code());
        assertEquals(challenges, denied.challenges(), when);
    }

    @Test
    void anAccountIsRefusedAsExpiredFromItsExpiryOnThoughItStaysCached() {
        Instant expiry = START.plusSeconds(3600);
        insert(Optional.of(expiry), Optional.empty());
        assertAuthenticated(bearer(V3, current), "long before the expiry");

        clock.set(expiry.minusNanos(1));
        assertAuthenticated(bearer(V3, current), "a nanosecond before");
        clock.set(expiry);
        assertExpired(bearer(V3, current), List.of(EXPIRED_BEARER), "at the expiry");
        clock.advance(Duration.ofDays(30));
        assertExpired(bearer(V3, current), List.of(EXPIRED_BEARER), "a month later");

        assertEquals(1, lookups.get(), "proven from the cache every time");
    }

    @Test
    void anExpiryWithinASecondIsDecidedToTheNanosecond() {
        Instant expiry = START.plusSeconds(60).plusNanos(500_000_001);
        insert(Optional.of(expiry), Optional.empty());

        for (Instant before : List.of(expiry.minusSeconds(1), expiry.minusMillis(500), expiry.minusNanos(1))) {
            clock.set(before);
            assertAuthenticated(bearer(V3, current), "at " + before);
        }
        for (Instant after : List.of(expiry, expiry.plusNanos(1), expiry.plusMillis(499), expiry.plusSeconds(1))) {
            clock.set(after);
            assertExpired(bearer(V3, current), List.of(EXPIRED_BEARER), "at " + after);
        }
    }

    @Test
    void theOldTokenWorksUntilTheOverlapEndsAndTheCurrentOneAfterIt() {
        insert(Optional.empty(), previous(old, OVERLAP_END));
        assertAuthenticated(bearer(V3, old), "old token during the overlap");
        assertAuthenticated(bearer(V3, current), "new token during the overlap");

        clock.set(OVERLAP_END.minusMillis(1));
        assertAuthenticated(bearer(V3, old), "old token just before the end");
        clock.set(OVERLAP_END);
        assertExpired(bearer(V3, old), List.of(EXPIRED_BEARER), "old token at the end");
        assertAuthenticated(bearer(V3, current), "new token at the end");
        clock.advance(Duration.ofDays(365));
        assertExpired(bearer(V3, old), List.of(EXPIRED_BEARER), "old token a year later");
        assertAuthenticated(bearer(V3, current), "new token a year later");

        assertEquals(2, lookups.get(), "one lookup per token, then the cache");
    }

    @Test
    void theOldTokenEndsWithTheAccountWhenTheAccountExpiresFirst() {
        Instant expiry = OVERLAP_END.minusSeconds(60);
        insert(Optional.of(expiry), previous(old, OVERLAP_END));

        clock.set(expiry);

        assertExpired(bearer(V3, old), List.of(EXPIRED_BEARER), "old token when the account expires");
        assertExpired(bearer(V3, current), List.of(EXPIRED_BEARER), "new token when the account expires");
    }

    @Test
    void anExpiredCredentialIsNotAnInvalidOne() {
        insert(Optional.empty(), previous(old, OVERLAP_END));
        clock.set(OVERLAP_END);

        AuthResult.Denied expired = (AuthResult.Denied) bearer(V3, old);
        AuthResult.Denied invalid = (AuthResult.Denied) bearer(V3, RotatedAccounts.accessToken());

        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, invalid.problem());
        assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""), invalid.challenges());
        assertExpired(expired, List.of(EXPIRED_BEARER), "old token after the end");
        assertEquals("The credentials have expired", expired.detail());
    }

    @Test
    void onAPathThatAlsoAcceptsBasicOnlyTheBearerSchemeIsChallenged() {
        insert(Optional.empty(), previous(old, OVERLAP_END));
        clock.set(OVERLAP_END);

        assertExpired(bearer(V2, old), List.of(EXPIRED_BEARER), "old token on v2");
    }

    @Test
    void aLegacyTokensPredecessorWorksUntilTheOverlapEndsThenIsExpiredWithThePlainBasicChallenge() {
        String token = RotatedAccounts.legacyToken();
        String before = RotatedAccounts.legacyToken();
        repository.insertLegacyAccount(RotatedAccounts.legacy("abc", "alice", token, previous(before, OVERLAP_END)),
                TestAudit.ENTRY);
        assertAuthenticated(basic("alice", before), "old token during the overlap");

        clock.set(OVERLAP_END);

        assertExpired(basic("alice", before), List.of(BASIC), "old token at the end");
        assertAuthenticated(basic("alice", token), "new token at the end");
    }

    @Test
    void anExpiredCredentialIsNeitherAFailureForTheThrottleNorChargedToTheStoresQuota() {
        insert(Optional.empty(), previous(old, OVERLAP_END));
        clock.set(OVERLAP_END);
        // Over the repository itself, so that every check is unproven and takes a place in the throttle.
        Authenticator throttled = Authenticator.builder(repository).clock(clock).throttle(3, Duration.ofMinutes(1))
                .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("5/30s")))
                .limitStore(LimitStore.local(() -> 0L)).build();

        for (int i = 0; i < 10; i++) {
            assertExpired(request(throttled, V3, old), List.of(EXPIRED_BEARER), "expired use " + i);
        }

        AuthResult.Authenticated proven = assertInstanceOf(AuthResult.Authenticated.class, request(throttled, V3, current));
        assertEquals("4", proven.headers().get("X-Rate-Limit-Requests-Left"), "only this request was charged");
        for (int i = 0; i < 3; i++) {
            AuthResult.Denied denied = (AuthResult.Denied) request(throttled, V3, RotatedAccounts.accessToken());
            assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied.problem(), "failure " + i + " still checked");
            assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""), denied.challenges());
        }
        assertEquals(429, ((AuthResult.Denied) request(throttled, V3, RotatedAccounts.accessToken())).status(),
                "the fourth failure is refused: the expired uses counted for nothing");
    }

    @Test
    void expiryIsDecidedBeforeTheAllowlist() {
        repository.insertOAuthAccount(RotatedAccounts.oauth("fenced", "abc", current, Optional.of(START),
                Optional.empty(), RotatedAccounts.allowed("198.51.100.0/24")), 100, TestAudit.ENTRY);

        assertExpired(bearer(V3, current), List.of(EXPIRED_BEARER), "expired, from outside the allowlist");
    }

    @Test
    void theClockIsNotReadForACredentialThatCannotRunOut() {
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, current), 100, TestAudit.ENTRY);

        for (int i = 0; i < 3; i++) {
            assertAuthenticated(bearer(V3, current), "use " + i);
        }

        assertEquals(0, clock.reads());
    }

    @Test
    void theClockIsSetOnce() {
        Authenticator.Builder builder = Authenticator.builder(cache).clock(Clock.systemUTC());

        assertThrows(IllegalStateException.class, () -> builder.clock(clock));
        assertThrows(NullPointerException.class, () -> Authenticator.builder(cache).clock(null));
    }
}
