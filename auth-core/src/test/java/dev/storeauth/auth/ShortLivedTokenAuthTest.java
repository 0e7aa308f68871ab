package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.BearerToken;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.time.Duration;
import java.time.Instant;
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
    private final ShortLivedTokens tokens = ShortLivedTokens.builder(repository, SecretDigester.sha256()).clock(clock)
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

    private String issue(OAuthAccount to, Scopes scopes) {
        return tokens.issue(to, scopes).orElseThrow().token();
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
        String token = issue(account, account.scopes());

        AuthResult.Authenticated byHeader = assertAuthenticated(get(token));
        AuthResult.Authenticated byBearer = assertAuthenticated(request("POST", V3, "Authorization", "Bearer " + token));

        assertEquals(account, byHeader.account());
        assertEquals(account.id(), byBearer.principal().accountId());
        assertEquals("bearer", byBearer.principal().scheme());
        assertSame(account.scopes(), byHeader.scopes());
    }

    @Test
    void aNarrowedTokenMayDoOnlyWhatItGrants() {
        String token = issue(account, PRODUCTS_READ);

        assertEquals(PRODUCTS_READ, assertAuthenticated(request("GET", V3, "X-Auth-Token", token)).scopes());
        assertDenied(request("POST", V3, "X-Auth-Token", token), 403, AuthResult.Problem.INSUFFICIENT_SCOPE,
                List.of(BEARER + ", error=\"insufficient_scope\", scope=\"products:modify\""));
        assertDenied(request("GET", "/stores/store1/v2/orders", "X-Auth-Token", token), 403,
                AuthResult.Problem.INSUFFICIENT_SCOPE,
                List.of(BEARER + ", error=\"insufficient_scope\", scope=\"orders:read-only\""));
    }

    @Test
    void aTokenIsRefusedAsExpiredFromItsExpiry() {
        String token = issue(account, account.scopes());

        clock.advance(Duration.ofMinutes(15).minusNanos(1));
        assertAuthenticated(get(token));
        clock.advance(Duration.ofNanos(1));
        assertDenied(request("GET", V3, "X-Auth-Token", token), 401, AuthResult.Problem.EXPIRED_CREDENTIALS,
                List.of(EXPIRED));
    }

    @Test
    void aTokenExpiresWithItsAccountWhenThatComesFirst() {
        String token = issue(account, account.scopes());
        replace(TestAccounts.expiring(account, clock.instant().plusSeconds(60)));

        clock.advance(Duration.ofSeconds(60));
        assertDenied(request("GET", V3, "X-Auth-Token", token), 401, AuthResult.Problem.EXPIRED_CREDENTIALS,
                List.of(EXPIRED));
    }

    @Test
    void aTokenIsInvalidForAnotherStore() {
        OAuthAccount other = TestAccounts.oauth("store2", 2);
        repository.insertOAuthAccount(other, 100, TestAudit.ENTRY);

        assertDenied(get(issue(other, other.scopes())), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
    }

    @Test
    void rollingTheAccessTokenKillsTheTokenAtOnceOverlapOrNot() {
        String token = issue(account, account.scopes());
        assertAuthenticated(get(token));

        replace(TestAccounts.rolled(account, TestAccounts.newToken(), clock.instant().plusSeconds(3600)));

        assertDenied(get(token), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
        assertAuthenticated(get(issue(account, account.scopes())));
    }

    @Test
    void deletingTheAccountKillsTheToken() {
        String token = issue(account, account.scopes());
        assertAuthenticated(get(token));

        repository.deleteOAuthAccounts(STORE, List.of(account.id()), TestAudit.ENTRY);
        cache.onChange(new AccountChange.Changed(LookupKey.allOf(account)));

        assertDenied(get(token), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
    }

    @Test
    void aTokenIsLookedUpOnceThenServedFromTheCache() {
        String token = issue(account, account.scopes());
        String narrowed = issue(account, PRODUCTS_READ);

        assertAuthenticated(get(token));
        assertAuthenticated(get(token));
        assertAuthenticated(get(narrowed));
        assertAuthenticated(request("GET", V2, "Authorization", "Bearer " + token));
        assertAuthenticated(get(narrowed));

        assertEquals(2, lookups.get());
    }

    @Test
    void aTokenOfTheWrongFormNeverReachesTheStoreAndMeetsTheThrottle() {
        String token = issue(account, account.scopes());
        assertAuthenticated(get(token));
        String typo = token.substring(0, 20) + (token.charAt(20) == 'a' ? 'b' : 'a') + token.substring(21);

        for (int i = 0; i < 20; i++) {
            assertDenied(get(typo), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
        }
        assertEquals(429, ((AuthResult.Denied) get(typo)).status());
        assertEquals(1, lookups.get());
        assertAuthenticated(get(token));
    }

    @Test
    void aWellFormedTokenThatWasNeverIssuedIsLookedUpOnlyThroughTheThrottle() {
        String token = new SecretGenerator().generate(SecretKind.SHORT_LIVED_TOKEN);

        for (int i = 0; i < 20; i++) {
            assertDenied(get(token), 401, AuthResult.Problem.INVALID_CREDENTIALS, INVALID);
        }
        assertEquals(429, ((AuthResult.Denied) get(token)).status());
        // The first was a miss; the cache answered "not found" for the rest.
        assertEquals(1, lookups.get());
    }

    @Test
    void aTokenOfAnAccountThatChangedMeanwhileIsNotIssued() {
        OAuthAccount read = account;
        replace(TestAccounts.rolled(account, TestAccounts.newToken(), clock.instant().plusSeconds(3600)));

        assertEquals(Optional.empty(), tokens.issue(read, read.scopes()));
        repository.deleteOAuthAccounts(STORE, List.of(account.id()), TestAudit.ENTRY);
        assertEquals(Optional.empty(), tokens.issue(account, account.scopes()));
    }

    @Test
    void theTokensPrefixDecidesWhichKindOfAccountProvesIt() {
        String token = issue(account, account.scopes());
        SecretDigester digester = SecretDigester.sha256();
        ShortLivedAccount stored = (ShortLivedAccount) repository.find(
                new LookupKey.ByTokenDigest(digester.digest(token))).orElseThrow();
        BearerScheme scheme = new BearerScheme(digester, true);
        String accessToken = "sat_" + token.substring(4, 36);
        accessToken += dev.storeauth.credentials.internal.SecretFormat.checksum(accessToken, 36);
        // Whatever the lookup answers: an account for the short-lived token, a token for the access token.
        OAuthAccount holder = account;
        CredentialScheme.AccountFinder anything = new CredentialScheme.AccountFinder(
                key -> Optional.of(((LookupKey.ByTokenDigest) key).digest().equals(digester.digest(token)) ? holder : stored));

        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, scheme.verify(new BearerToken(token), STORE, anything));
        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, scheme.verify(new BearerToken(accessToken), STORE, anything));
    }

    @Test
    void withoutShortLivedTokensAnSstTokenIsInvalid() {
        Authenticator plain = Authenticator.builder(cache).clock(clock).build();
        String token = issue(account, account.scopes());
        assertAuthenticated(get(token));

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
