package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Short-lived tokens through the authenticator: who they prove, for how long, and with which scopes. */
class ShortLivedTokenAuthTest {

    static final String STORE = "store1";
    static final String V2 = "/stores/store1/v2/products";
    static final String V3 = "/stores/store1/v3/catalog/products";
    static final String BEARER = "Bearer realm=\"storeauth\"";
    static final List<String> INVALID = List.of(BEARER + ", error=\"invalid_token\"", "Basic realm=\"storeauth\", charset=\"UTF-8\"");
    static final String EXPIRED = BEARER + ", error=\"invalid_token\", error_description=\"The access token expired\"";
    static final Scopes PRODUCTS_READ = Scopes.of(Map.of("products", AccessLevel.READ_ONLY));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AccountCache cache = AccountCache.builder(key -> {
        lookups.incrementAndGet();
        return repository.find(key);
    }).lookupExecutor(Runnable::run).ticker(() -> 0L).build();
    private final ShortLivedTokens tokens = ShortLivedTokens.builder(key(1)).clock(clock)
            .lifetime(Duration.ofMinutes(15)).build();
    private final Authenticator authenticator = Authenticator.builder(cache).clock(clock).shortLivedTokens(tokens)
            .throttle(20, Duration.ofMinutes(1)).limitStore(LimitStore.local(() -> 0L)).build();
    private OAuthAccount account = TestAccounts.oauth(STORE, 1);

    ShortLivedTokenAuthTest() {
        repository.insertOAuthAccount(account, 100, TestAudit.ENTRY);
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    private AuthResult request(String method, String path, String header, String value) {
        return authenticator.authenticate(new ApiRequest(method, path,
                ApiRequest.Headers.of(Map.of(header, List.of(value))), true, "203.0.113.9"));
    }

    private AuthResult get(String token) {
        return request("GET", V2, "X-Auth-Token", token);
    }

    private void replace(OAuthAccount after) {
        repository.replaceOAuthAccount(account, after, TestAudit.ENTRY);
        cache.onChange(new AccountChange.Changed(LookupKey.allOf(account)));
        account = after;
    }

    private static AuthResult.Authenticated assertAuthenticated(AuthResult result) {
        return assertInstanceOf(AuthResult.Authenticated.class, result, result::toString);
    }

    private static void assertDenied(AuthResult result, int status, AuthResult.Problem problem, List<String> challenges) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result, result::toString);
        assertEquals(status, denied.status(), denied::toString);
        assertEquals(problem, denied.problem(), denied::toString);
        assertEquals(challenges, denied.challenges(), denied::toString);
    }

    @Test
    void aTokenProvesItsAccountInXAuthTokenAndInAuthorizationBearer() {
        String token = tokens.issue(account, account.scopes()).token();

        AuthResult.Authenticated byHeader = assertAuthenticated(get(token));
        AuthResult.Authenticated byBearer = assertAuthenticated(request("POST", V3, "Authorization", "Bearer " + token));

        assertEquals(account, byHeader.account());
        assertEquals(account.id(), byBearer.principal().accountId());
        assertEquals("bearer", byBearer.principal().scheme());
        assertSame(account.scopes(), byHeader.scopes());
    }

    @Test
    void aNarrowedTokenMayDoOnlyWhatItGrants() {
        String token = tokens.issue(account, PRODUCTS_READ).token();

        assertEquals(PRODUCTS_READ, assertAuthenticated(request("GET", V3, "X-Auth-Token", token)).scopes());
        assertDenied(request("POST", V3, "X-Auth-Token", token), 403, AuthResult.Problem.INSUFFICIENT_SCOPE,
                List.of(BEARER + ", error=\"insufficient_scope\", scope=\"products:modify\""));
        assertDenied(request("GET", "/stores/store1/v2/orders", "X-Auth-Token", token), 403,
                AuthResult.Problem.INSUFFICIENT_SCOPE,
                List.of(BEARER + ", error=\"insufficient_scope\", scope=\"orders:read-only\""));
    }

    @Test
    void scopesTheAccountNoLongerHoldsAreNotGranted() {
        String token = tokens.issue(account, account.scopes()).token();
        replace(new OAuthAccount(account.id(), STORE, account.name(), account.clientId(), account.clientSecretDigest(),
                account.accessTokenDigest(), PRODUCTS_READ, account.createdAt()));

        assertEquals(PRODUCTS_READ, assertAuthenticated(get(token)).scopes());
        assertDenied(request("POST", V3, "X-Auth-Token", token), 403, AuthResult.Problem.INSUFFICIENT_SCOPE,
                List.of(BEARER + ", error=\"insufficient_scope\", scope=\"products:modify\""));
    }

    @Test
    void aTokenIsRefusedAsExpiredFromItsExpiry() {
        String token = tokens.issue(account, account.scopes()).token();

        clock.advance(Duration.ofMinutes(15).minusNanos(1));
        assertAuthenticated(get(token));
        clock.advance(Duration.ofNanos(1));
        assertDenied(request("GET", V3, "X-Auth-Token", token), 401, AuthResult.Problem.EXPIRED_CREDENTIALS,
                List.of(EXPIRED));
    }

    @Test
    void aTokenExpiresWithItsAccountWhenThatComesFirst() {
        String token = tokens.issue(account, account.scopes()).token();
        replace(TestAccounts.expiring(account, clock.instant().plusSeconds(60)));

        clock.advance(Duration.ofSeconds(60));
        assertDenied(request("GET", V3, "X-Auth-Token", token), 401, AuthResult.Problem.EXPIRED_CREDENTIALS,
                List.of(EXPIRED));
    }

    @Test
    void aTokenIsInvalidForAnotherStore() {
        OAuthAccount other = TestAccounts.oauth("store2", 2);
        repository.insertOAuthAccount(other, 100, TestAudit.ENTRY);

        assertDenied(get(tokens.issue(other, other.scopes()).token()), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
    }

    @Test
    void rollingTheAccessTokenKillsTheTokenAtOnceOverlapOrNot() {
        String token = tokens.issue(account, account.scopes()).token();
        assertAuthenticated(get(token));

        replace(TestAccounts.rolled(account, TestAccounts.newToken(), clock.instant().plusSeconds(3600)));

        assertDenied(get(token), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
        assertAuthenticated(get(tokens.issue(account, account.scopes()).token()));
    }

    @Test
    void deletingTheAccountKillsTheToken() {
        String token = tokens.issue(account, account.scopes()).token();
        assertAuthenticated(get(token));

        repository.deleteOAuthAccounts(STORE, List.of(account.id()), TestAudit.ENTRY);
        cache.onChange(new AccountChange.Changed(LookupKey.allOf(account)));

        assertDenied(get(token), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
    }

    @Test
    void aTokenIsLookedUpOnceThenServedFromTheCache() {
        String token = tokens.issue(account, account.scopes()).token();
        String narrowed = tokens.issue(account, PRODUCTS_READ).token();

        assertAuthenticated(get(token));
        assertAuthenticated(get(token));
        assertAuthenticated(get(narrowed));
        assertAuthenticated(request("GET", V2, "Authorization", "Bearer " + token));

        assertEquals(1, lookups.get());
    }

    @Test
    void aTokenOfAnotherKeyOrFormNeverReachesTheStoreAndMeetsTheThrottle() {
        ShortLivedTokens forger = ShortLivedTokens.builder(key(2)).clock(clock).build();
        String token = tokens.issue(account, account.scopes()).token();
        assertAuthenticated(get(token));
        String forged = forger.issue(account, account.scopes()).token();

        for (int i = 0; i < 20; i++) {
            assertDenied(get(forged), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
        }
        assertInstanceOf(AuthResult.Denied.class, get(forged));
        assertEquals(429, ((AuthResult.Denied) get(token.substring(0, 40) + "x" + token.substring(41))).status());
        assertEquals(1, lookups.get());
        assertAuthenticated(get(token));
    }

    @Test
    void aSignedTokenOfNoAccountIsLookedUpOnlyThroughTheThrottle() {
        OAuthAccount stranger = TestAccounts.oauth(STORE, 3);
        String token = tokens.issue(stranger, stranger.scopes()).token();

        for (int i = 0; i < 20; i++) {
            assertDenied(get(token), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
        }
        assertEquals(429, ((AuthResult.Denied) get(token)).status());
        // The first was a miss; the cache answered "not found" for the rest.
        assertEquals(1, lookups.get());
    }

    @Test
    void withoutShortLivedTokensAnSstTokenIsInvalid() {
        Authenticator plain = Authenticator.builder(cache).clock(clock).build();
        String token = tokens.issue(account, account.scopes()).token();

        AuthResult result = plain.authenticate(new ApiRequest("GET", V2,
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.9"));

        assertDenied(result, 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
        assertThrows(IllegalStateException.class, () -> Authenticator.builder(cache).shortLivedTokens(tokens)
                .shortLivedTokens(tokens));
    }

    @Test
    void aProofCarriesTheTokensScopesAndTheAccountsByDefault() {
        assertEquals(account.scopes(), new CredentialScheme.Verdict.Proven(account).scopes());
        assertEquals(PRODUCTS_READ, new CredentialScheme.Verdict.Proven(account, Optional.empty(), PRODUCTS_READ).scopes());
    }
}
