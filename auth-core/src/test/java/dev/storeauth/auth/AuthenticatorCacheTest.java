package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authenticator over a {@link AccountCache}: cache hits skip the checksum and the token
 * grammar, but no token of the wrong shape or checksum ever reaches the store, cached neighbours or not,
 * and every token the cache does not hold is still held to the grammar.
 */
class AuthenticatorCacheTest {

    private static final String PRODUCTS = "/stores/abc/v2/products";

    private final SecretGenerator generator = new SecretGenerator();
    private final SecretDigester digester = SecretDigester.sha256();
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AccountCache cache = AccountCache.builder(key -> {
        lookups.incrementAndGet();
        return repository.find(key);
    }).build();
    private final Authenticator authenticator = Authenticator.builder(cache).build();
    private final String accessToken = generator.generate(SecretKind.ACCESS_TOKEN);
    private final String legacyToken = generator.generate(SecretKind.LEGACY_TOKEN);

    AuthenticatorCacheTest() {
        repository.insertOAuthAccount(new OAuthAccount("rw", "abc", "App rw", "sci_client_rw",
                digester.digest(generator.generate(SecretKind.CLIENT_SECRET)), digester.digest(accessToken),
                ScopeCatalogue.defaults().scopes(Map.of("products", "modify")), Instant.EPOCH), 100, TestAudit.ENTRY);
        repository.insertLegacyAccount(new LegacyAccount("abc", "alice", digester.digest(legacyToken), Instant.EPOCH), TestAudit.ENTRY);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private AuthResult authenticate(String header, String value) {
        return authenticator.authenticate(new ApiRequest("GET", PRODUCTS,
                ApiRequest.Headers.of(Map.of(header, List.of(value))), true, "203.0.113.9"));
    }

    private AuthResult basic(String username, String token) {
        byte[] pair = (username + ":" + token).getBytes(StandardCharsets.UTF_8);
        return authenticate("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair));
    }

    /** {@code token} with its last checksum character replaced: right shape, wrong checksum. */
    private static String wrongChecksum(String token) {
        char last = token.charAt(SecretFormat.LENGTH - 1);
        return token.substring(0, SecretFormat.LENGTH - 1) + (last == 'a' ? 'b' : 'a');
    }

    @Test
    void aValidTokenIsLookedUpOnceThenServedFromTheCache() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(AuthResult.Authenticated.class, authenticate("X-Auth-Token", accessToken));
            assertInstanceOf(AuthResult.Authenticated.class, basic("alice", legacyToken));
        }
        assertEquals(2, lookups.get());
        assertEquals(4, cache.stats().hitCount());
    }

    @Test
    void tokensWithAWrongChecksumNeverReachTheStoreWhileValidOnesAreCached() {
        authenticate("X-Auth-Token", accessToken);
        basic("alice", legacyToken);
        lookups.set(0);
        for (int i = 0; i < 20; i++) {
            String bearer = wrongChecksum(generator.generate(SecretKind.ACCESS_TOKEN));
            String legacy = wrongChecksum(generator.generate(SecretKind.LEGACY_TOKEN));
            assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(authenticate("X-Auth-Token", bearer)));
            assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("alice", legacy)));
            assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("nobody" + i, legacy)));
        }
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(authenticate("X-Auth-Token", wrongChecksum(accessToken))));
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("alice", wrongChecksum(legacyToken))));
        assertEquals(0, lookups.get());
    }

    @Test
    void tokensOfTheWrongAlphabetOrKindNeverReachTheStore() {
        String dashed = accessToken.substring(0, 10) + "-" + accessToken.substring(11);
        String legacyAsBearer = legacyToken;
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(authenticate("X-Auth-Token", dashed)));
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(authenticate("X-Auth-Token", legacyAsBearer)));
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("alice", accessToken)));
        assertEquals(0, lookups.get());
    }

    @Test
    void aTokenOfAnyOtherLengthIsRefusedBeforeTheCacheIsAsked() {
        basic("alice", legacyToken);
        long hits = cache.stats().hitCount();
        lookups.set(0);

        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("alice", "x".repeat(6_000))));
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("alice", legacyToken + "0")));
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("alice", "short")));

        assertEquals(hits, cache.stats().hitCount());
        assertEquals(0, lookups.get());
        assertEquals(0, authenticator.dummyComparisons());
    }

    @Test
    void aMisshapenTokenIsComparedWithACachedAccountsDigestAndWithTheDummyOtherwise() {
        basic("alice", legacyToken);
        lookups.set(0);

        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("alice", wrongChecksum(legacyToken))));
        assertEquals(0, authenticator.dummyComparisons());
        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied(basic("bob", wrongChecksum(legacyToken))));
        assertEquals(1, authenticator.dummyComparisons());
        assertEquals(0, lookups.get());
    }

    @Test
    void aDigestTheCacheHoldsDecidesWithoutRereadingTheTokenGrammarWhichEveryOtherTokenStillMeets() {
        String notToken68 = accessToken.substring(0, SecretFormat.LENGTH - 1) + "@";
        OAuthAccount held = new OAuthAccount("held", "abc", "App held", "sci_client_held",
                digester.digest(generator.generate(SecretKind.CLIENT_SECRET)), digester.digest(notToken68),
                ScopeCatalogue.defaults().scopes(Map.of("products", "read-only")), Instant.EPOCH);
        LookupKey heldKey = new LookupKey.ByTokenDigest(held.accessTokenDigest());
        AccountLookup holding = key -> {
            lookups.incrementAndGet();
            return key.equals(heldKey) ? Optional.of(held) : Optional.empty();
        };
        AccountCache cache = AccountCache.builder(holding).build();
        assertEquals(Optional.of(held), cache.find(heldKey));
        lookups.set(0);
        Authenticator over = Authenticator.builder(cache).build();
        ApiRequest request = new ApiRequest("GET", PRODUCTS,
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(notToken68))), true, "203.0.113.9");
        ApiRequest other = new ApiRequest("GET", PRODUCTS,
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(notToken68.replace('@', '!')))), true, "203.0.113.9");

        assertInstanceOf(AuthResult.Authenticated.class, over.authenticate(request));
        AuthResult.Denied refused = assertInstanceOf(AuthResult.Denied.class, over.authenticate(other));
        assertEquals(400, refused.status());
        assertEquals(AuthResult.Problem.MALFORMED_CREDENTIALS, refused.problem());
        assertTrue(refused.challenges().get(0).contains("error=\"invalid_request\""), refused.challenges().toString());
        assertEquals(0, lookups.get());
    }

    private static AuthResult.Problem denied(AuthResult result) {
        return assertInstanceOf(AuthResult.Denied.class, result).problem();
    }
}
