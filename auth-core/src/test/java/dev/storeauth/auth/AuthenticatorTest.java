package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.ApiVersion;
import dev.storeauth.policy.DefaultRouteList;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticatorTest {

    private static final String REALM = "Test API";
    private static final String BEARER = "Bearer realm=\"Test API\"";
    private static final String BASIC = "Basic realm=\"Test API\", charset=\"UTF-8\"";
    private static final String INVALID_TOKEN = BEARER + ", error=\"invalid_token\"";
    private static final String INVALID_REQUEST = BEARER + ", error=\"invalid_request\"";
    /** RFC 6750 section 3.1: the bearer challenge answering another method carries no error code. */
    private static final List<String> FAILED_BASIC = List.of(BEARER, BASIC);
    private static final List<String> FAILED_BEARER = List.of(INVALID_TOKEN, BASIC);
    private static final String PRODUCTS = "/stores/abc/v2/products";

    private final SecretGenerator generator = new SecretGenerator();
    private final SecretDigester digester = SecretDigester.hmacSha256(pepper());
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AtomicInteger lookups = new AtomicInteger();
    private final List<Account> used = new ArrayList<>();
    private final Authenticator authenticator = Authenticator.builder(key -> {
        lookups.incrementAndGet();
        return repository.find(key);
    }).realm(REALM).digester(digester).usageRecorder((account, from) -> used.add(account)).build();

    private final String aliceToken = legacy("abc", "alice");
    private final String bobOfOtherStoreToken = legacy("xyz", "bob");
    private final String readOnlyToken = oauth("ro", "abc", Map.of("products", "read-only"));
    private final String modifyToken = oauth("rw", "abc", Map.of("products", "modify", "orders", "read-only"));
    private final String noScopeToken = oauth("none", "abc", Map.of());
    private final String otherStoreToken = oauth("other", "xyz", Map.of("products", "modify"));

    private static byte[] pepper() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 42);
        return key;
    }

    private String legacy(String store, String username) {
        String token = generator.generate(SecretKind.LEGACY_TOKEN);
        repository.insertLegacyAccount(new LegacyAccount(store, username, digester.digest(token), Instant.EPOCH), TestAudit.ENTRY);
        return token;
    }

    private String oauth(String id, String store, Map<String, String> scopes) {
        String token = generator.generate(SecretKind.ACCESS_TOKEN);
        repository.insertOAuthAccount(new OAuthAccount(id, store, "App " + id, "sci_client_" + id,
                digester.digest(generator.generate(SecretKind.CLIENT_SECRET)), digester.digest(token),
                ScopeCatalogue.defaults().scopes(scopes), Instant.EPOCH), 100, TestAudit.ENTRY);
        return token;
    }

    private static Map<String, List<String>> basic(String username, String token) {
        String encoded = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return Map.of("Authorization", List.of("Basic " + encoded));
    }

    private static Map<String, List<String>> bearer(String token) {
        return Map.of("Authorization", List.of("Bearer " + token));
    }

    private static Map<String, List<String>> xAuthToken(String token) {
        return Map.of("X-Auth-Token", List.of(token));
    }

    private AuthResult authenticate(String method, String path, Map<String, List<String>> headers) {
        return authenticator.authenticate(new ApiRequest(method, path, ApiRequest.Headers.of(headers), true, "203.0.113.9"));
    }

    /** A well-formed Basic request for {@code username} with a token no account has. */
    private AuthResult wrongBasicSecret(String username) {
        return authenticate("GET", PRODUCTS, basic(username, generator.generate(SecretKind.LEGACY_TOKEN)));
    }

    /** A well-formed bearer request with a token no account has. */
    private AuthResult wrongBearerToken() {
        return authenticate("GET", PRODUCTS, bearer(generator.generate(SecretKind.ACCESS_TOKEN)));
    }

    private static AuthResult.Denied assertDenied(AuthResult result, int status, AuthResult.Problem problem,
            List<String> challenges) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result);
        assertEquals(status, denied.status(), denied.toString());
        assertEquals(problem, denied.problem(), denied.toString());
        assertEquals(challenges, denied.challenges(), denied.toString());
        return denied;
    }

    private static AuthResult.Authenticated assertAuthenticated(AuthResult result) {
        return assertInstanceOf(AuthResult.Authenticated.class, result);
    }

    @Test
    void refusesPlainHttpBeforeLookingAtCredentials() {
        for (Map<String, List<String>> headers : List.of(bearer(modifyToken), basic("alice", aliceToken),
                bearer("not a token"), Map.<String, List<String>>of())) {
            AuthResult result = authenticator.authenticate(
                    new ApiRequest("GET", PRODUCTS, ApiRequest.Headers.of(headers), false, "203.0.113.9"));

            assertDenied(result, 403, AuthResult.Problem.TLS_REQUIRED, List.of());
        }
        assertEquals(0, lookups.get());
        assertEquals(List.of(), used);
    }

    @Test
    void acceptsPlainHttpWhenTlsIsNotRequired() {
        Authenticator lenient = Authenticator.builder(repository).requireTls(false).digester(digester).build();

        AuthResult result = lenient.authenticate(
                new ApiRequest("GET", PRODUCTS, ApiRequest.Headers.of(bearer(modifyToken)), false, "203.0.113.9"));

        assertAuthenticated(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v3/catalog/products", "/stores/ABC/v2/products", "/stores/abc/v4/products",
        "/stores/abc/v2/%2e%2e/x", "/stores/abc/v2/../../../x", "/stores/abc/v2;x/products"})
    void answersNotFoundForAnythingButAStoreApiPath(String path) {
        AuthResult result = authenticate("GET", path, bearer(modifyToken));

        assertDenied(result, 404, AuthResult.Problem.NOT_AN_API_PATH, List.of());
        assertEquals(0, lookups.get());
    }

    static Stream<Arguments> challengesByPath() {
        return Stream.of(
                Arguments.of(PRODUCTS, List.of(BEARER, BASIC)),
                Arguments.of("/stores/abc/v2/unmapped", List.of(BEARER, BASIC)),
                Arguments.of("/stores/abc/v3/catalog/products", List.of(BEARER)),
                Arguments.of("/stores/abc/v2/hooks", List.of(BEARER)),
                Arguments.of("/stores/abc/v2/hooks/7", List.of(BEARER)),
                Arguments.of("/stores/abc/v3/hooks", List.of(BEARER)));
    }

    @ParameterizedTest
    @MethodSource("challengesByPath")
    void challengesMissingCredentialsWithExactlyTheSchemesAcceptedThere(String path, List<String> challenges) {
        AuthResult.Denied denied = assertDenied(authenticate("GET", path, Map.of()), 401,
                AuthResult.Problem.MISSING_CREDENTIALS, challenges);

        assertTrue(denied.detail().contains("X-Auth-Token"), denied.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!!", "Basic dXNlcg==", "Digest abc", "Basic"})
    void refusesMalformedBasicCredentialsWith401(String header) {
        AuthResult result = authenticate("GET", PRODUCTS, Map.of("Authorization", List.of(header)));

        assertDenied(result, 401, AuthResult.Problem.MALFORMED_CREDENTIALS, List.of(BEARER, BASIC));
        assertEquals(0, lookups.get());
    }

    static Stream<Map<String, List<String>>> malformedTokens() {
        return Stream.of(
                bearer("two tokens"),
                xAuthToken("sat_" + "a".repeat(36) + "@b"),
                bearer("a".repeat(20) + "=" + "a".repeat(21)),
                Map.of("Authorization", List.of("Bearer")),
                xAuthToken("  "),
                Map.of("X-Auth-Token", List.of("a", "b")),
                Map.of("Authorization", List.of("Bearer abc"), "X-Auth-Token", List.of("abc")));
    }

    @ParameterizedTest
    @MethodSource("malformedTokens")
    void refusesMalformedTokensWith400InvalidRequest(Map<String, List<String>> headers) {
        assertDenied(authenticate("GET", PRODUCTS, headers), 400, AuthResult.Problem.MALFORMED_CREDENTIALS,
                List.of(INVALID_REQUEST, BASIC));
        assertDenied(authenticate("GET", "/stores/abc/v3/catalog", headers), 400, AuthResult.Problem.MALFORMED_CREDENTIALS,
                List.of(INVALID_REQUEST));
        assertEquals(0, lookups.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stores/abc/v3/catalog/products", "/stores/abc/v3/hooks", "/stores/abc/v2/hooks"})
    void refusesBasicWhereOnlyOAuthIsAccepted(String path) {
        AuthResult result = authenticate("GET", path, basic("alice", aliceToken));

        AuthResult.Denied denied = assertDenied(result, 401, AuthResult.Problem.OAUTH_REQUIRED, List.of(BEARER));
        assertTrue(denied.detail().contains("OAuth"), denied.detail());
        assertEquals(0, lookups.get());
        assertEquals(List.of(), used);
    }

    @Test
    void refusesAWrongSecretAsInvalid() {
        AuthResult wrongBasic = wrongBasicSecret("alice");
        AuthResult wrongBearer = wrongBearerToken();

        assertDenied(wrongBasic, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BASIC);
        assertDenied(wrongBearer, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BEARER);
        assertEquals(2, lookups.get());
    }

    @Test
    void aFailedBasicCredentialIsNotToldInvalidTokenOnTheBearerChallenge() {
        AuthResult.Denied basic = (AuthResult.Denied) wrongBasicSecret("alice");
        AuthResult.Denied xAuth = (AuthResult.Denied) authenticate("GET", PRODUCTS,
                xAuthToken(generator.generate(SecretKind.ACCESS_TOKEN)));

        assertEquals(List.of("Bearer realm=\"Test API\"", "Basic realm=\"Test API\", charset=\"UTF-8\""),
                basic.challenges(), "the client used Basic, so its Bearer challenge names no error");
        assertEquals(List.of("Bearer realm=\"Test API\", error=\"invalid_token\"",
                "Basic realm=\"Test API\", charset=\"UTF-8\""), xAuth.challenges(), "X-Auth-Token is a bearer token");
        assertEquals(basic.detail(), xAuth.detail());
    }

    @Test
    void treatsAnUnknownUsernameExactlyLikeAWrongSecret() {
        AuthResult wrongSecret = wrongBasicSecret("alice");
        lookups.set(0);

        AuthResult unknownUser = authenticate("GET", PRODUCTS, basic("mallory", aliceToken));

        assertDenied(unknownUser, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BASIC);
        assertEquals(wrongSecret, unknownUser);
        assertEquals(1, lookups.get());
    }

    @Test
    void comparesAnUnknownUsersTokenAgainstTheDummyDigestButNotAKnownUsers() {
        wrongBasicSecret("alice");
        authenticate("GET", PRODUCTS, basic("alice", aliceToken));
        assertEquals(0, authenticator.dummyComparisons());

        authenticate("GET", PRODUCTS, basic("mallory", aliceToken));

        assertEquals(1, authenticator.dummyComparisons());
    }

    @Test
    void comparesAMisshapenTokenAgainstTheDummyDigestWithoutAStoreLookup() {
        String wrongChecksum = aliceToken.substring(0, aliceToken.length() - 1) + (aliceToken.endsWith("a") ? "b" : "a");

        AuthResult result = authenticate("GET", PRODUCTS, basic("alice", wrongChecksum));

        assertDenied(result, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BASIC);
        assertEquals(0, lookups.get());
        assertEquals(1, authenticator.dummyComparisons());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ali ce", "al/ice", "\u00e4lice", "alice<script>"})
    void refusesAUsernameNoAccountCanHaveWithoutALookupButWithTheDummyComparison(String username) {
        AuthResult result = authenticate("GET", PRODUCTS, basic(username, aliceToken));

        assertDenied(result, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BASIC);
        assertEquals(0, lookups.get());
        assertEquals(1, authenticator.dummyComparisons());
    }

    @Test
    void refusesATokenOfTheWrongLengthWithoutALookupOrAComparison() {
        AuthResult result = authenticate("GET", PRODUCTS, basic("alice", "password1"));

        assertDenied(result, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BASIC);
        assertEquals(0, lookups.get());
        assertEquals(0, authenticator.dummyComparisons());
    }

    static Stream<Arguments> wrongShapes() {
        String access = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);
        String legacy = new SecretGenerator().generate(SecretKind.LEGACY_TOKEN);
        String badChecksum = access.substring(0, 41) + (access.charAt(41) == 'a' ? 'b' : 'a');
        return Stream.of(
                Arguments.of(bearer("abc123"), FAILED_BEARER),
                Arguments.of(bearer(legacy), FAILED_BEARER),
                Arguments.of(bearer(badChecksum), FAILED_BEARER),
                Arguments.of(xAuthToken(access + "0"), FAILED_BEARER),
                Arguments.of(basic("alice", "password1"), FAILED_BASIC),
                Arguments.of(basic("alice", access), FAILED_BASIC),
                Arguments.of(basic("al ice", legacy), FAILED_BASIC),
                Arguments.of(basic("j\u00f6rg", legacy), FAILED_BASIC));
    }

    @ParameterizedTest
    @MethodSource("wrongShapes")
    void refusesSecretsOfTheWrongShapeWithoutAStoreLookup(Map<String, List<String>> headers, List<String> challenges) {
        assertDenied(authenticate("GET", PRODUCTS, headers), 401, AuthResult.Problem.INVALID_CREDENTIALS, challenges);
        assertEquals(0, lookups.get());
    }

    @Test
    void refusesAnotherStoresCredentialsIndistinguishablyFromAWrongSecret() {
        AuthResult wrongBasic = wrongBasicSecret("bob");
        AuthResult wrongBearer = wrongBearerToken();

        AuthResult otherStoreBasic = authenticate("GET", PRODUCTS, basic("bob", bobOfOtherStoreToken));
        AuthResult otherStoreBearer = authenticate("GET", PRODUCTS, bearer(otherStoreToken));

        assertDenied(otherStoreBasic, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BASIC);
        assertEquals(wrongBasic, otherStoreBasic);
        assertEquals(wrongBearer, otherStoreBearer);
        assertAuthenticated(authenticate("GET", "/stores/xyz/v2/products", bearer(otherStoreToken)));
        assertAuthenticated(authenticate("GET", "/stores/xyz/v2/products", basic("bob", bobOfOtherStoreToken)));
    }

    @Test
    void refusesAPathNoRouteCovers() {
        assertDenied(authenticate("GET", "/stores/abc/v2/unmapped", bearer(modifyToken)), 403,
                AuthResult.Problem.UNMAPPED_PATH, List.of());
        assertDenied(authenticate("GET", "/stores/abc/v3/store", bearer(modifyToken)), 403,
                AuthResult.Problem.UNMAPPED_PATH, List.of());
        assertDenied(authenticate("DELETE", "/stores/abc/v2/productsx", basic("alice", aliceToken)), 403,
                AuthResult.Problem.UNMAPPED_PATH, List.of());
        assertEquals(List.of(), used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void readOnlyScopePermitsSafeMethods(String method) {
        assertAuthenticated(authenticate(method, PRODUCTS, bearer(readOnlyToken)));
        assertAuthenticated(authenticate(method, "/stores/abc/v3/catalog/products/7", xAuthToken(readOnlyToken)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void readOnlyScopeRefusesModificationsNamingTheScopeNeeded(String method) {
        AuthResult result = authenticate(method, "/stores/abc/v3/catalog/products", bearer(readOnlyToken));

        AuthResult.Denied denied = assertDenied(result, 403, AuthResult.Problem.INSUFFICIENT_SCOPE,
                List.of(BEARER + ", error=\"insufficient_scope\", scope=\"products:modify\""));
        assertTrue(denied.detail().contains("products:modify"), denied.detail());
        assertEquals(List.of(), used);
    }

    @Test
    void noScopeOnAResourceRefusesEvenReadingNamingReadOnly() {
        AuthResult.Denied denied = assertDenied(authenticate("GET", "/stores/abc/v2/orders", bearer(readOnlyToken)),
                403, AuthResult.Problem.INSUFFICIENT_SCOPE,
                List.of(BEARER + ", error=\"insufficient_scope\", scope=\"orders:read-only\""));

        assertTrue(denied.detail().contains("Orders"), denied.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
    void modifyScopePermitsEveryMethod(String method) {
        assertAuthenticated(authenticate(method, "/stores/abc/v2/products/7", bearer(modifyToken)));
    }

    static Stream<String> v2Prefixes() {
        return DefaultRouteList.prefixes(ApiVersion.V2).stream();
    }

    @ParameterizedTest
    @MethodSource("v2Prefixes")
    void legacyAccountMayModifyEveryV2ResourceExceptWebhooks(String prefix) {
        AuthResult result = authenticate("POST", "/stores/abc/v2" + prefix, basic("alice", aliceToken));

        if (prefix.equals("/hooks")) {
            assertDenied(result, 401, AuthResult.Problem.OAUTH_REQUIRED, List.of(BEARER));
        } else {
            assertEquals("basic", assertAuthenticated(result).principal().scheme());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stores/abc/v2/hooks", "/stores/abc/v3/hooks/12"})
    void webhooksNeedOnlyAnOAuthAccount(String path) {
        assertAuthenticated(authenticate("POST", path, bearer(noScopeToken)));
        assertAuthenticated(authenticate("DELETE", path, xAuthToken(noScopeToken)));
    }

    @Test
    void acceptsTheTokenInXAuthTokenAndInAuthorizationBearer() {
        AuthResult.Authenticated viaHeader = assertAuthenticated(authenticate("GET", PRODUCTS, xAuthToken(modifyToken)));
        AuthResult.Authenticated viaBearer = assertAuthenticated(authenticate("GET", PRODUCTS, bearer(modifyToken)));
        AuthResult.Authenticated lowerCase = assertAuthenticated(authenticate("GET", PRODUCTS,
                Map.of("authorization", List.of("bearer " + modifyToken))));

        assertEquals(viaHeader, viaBearer);
        assertEquals(viaHeader, lowerCase);
    }

    @Test
    void describesAnOAuthPrincipal() {
        AuthResult.Authenticated result = assertAuthenticated(authenticate("GET", PRODUCTS, bearer(modifyToken)));

        assertEquals(new ApiPrincipal("sci_client_rw", "abc", "rw", "bearer"), result.principal());
        assertEquals("sci_client_rw", result.principal().getName());
        assertEquals("rw", result.account().id());
        assertEquals(ScopeCatalogue.defaults().scopes(Map.of("products", "modify", "orders", "read-only")),
                result.scopes());
    }

    @Test
    void describesALegacyPrincipal() {
        AuthResult.Authenticated result = assertAuthenticated(authenticate("GET", PRODUCTS,
                Map.of("Authorization", List.of("bAsIc " + basic("alice", aliceToken).get("Authorization").get(0)
                        .substring(6)))));

        assertEquals(new ApiPrincipal("alice", "abc", "legacy:abc:alice", "basic"), result.principal());
        assertEquals(Scopes.unrestricted(), result.scopes());
    }

    @Test
    void recordsUsageOnlyForSuccessfulRequests() {
        wrongBearerToken();
        authenticate("POST", PRODUCTS, bearer(readOnlyToken));
        authenticate("GET", "/stores/abc/v2/unmapped", bearer(modifyToken));
        authenticate("GET", PRODUCTS, Map.of());
        AuthResult.Authenticated ok = assertAuthenticated(authenticate("GET", PRODUCTS, bearer(readOnlyToken)));
        AuthResult.Authenticated legacyOk = assertAuthenticated(authenticate("GET", PRODUCTS,
                basic("alice", aliceToken)));

        assertEquals(List.of(ok.account(), legacyOk.account()), used);
    }

    private void replaceLegacyToken(String storeHash, String username, SecretDigest digest) {
        LegacyAccount before = (LegacyAccount) repository.find(new LookupKey.ByUsername(storeHash, username)).orElseThrow();
        repository.replaceLegacyAccount(before, before.withTokenDigest(digest), TestAudit.ENTRY);
    }

    @Test
    void refusesATokenOnceItsAccountIsDeletedOrReplaced() {
        String newToken = generator.generate(SecretKind.LEGACY_TOKEN);
        replaceLegacyToken("abc", "alice", digester.digest(newToken));
        repository.deleteOAuthAccounts("abc", List.of("rw"), TestAudit.ENTRY);

        assertDenied(authenticate("GET", PRODUCTS, basic("alice", aliceToken)), 401, AuthResult.Problem.INVALID_CREDENTIALS,
                FAILED_BASIC);
        assertDenied(authenticate("GET", PRODUCTS, bearer(modifyToken)), 401, AuthResult.Problem.INVALID_CREDENTIALS,
                FAILED_BEARER);
        assertAuthenticated(authenticate("GET", PRODUCTS, basic("alice", newToken)));
    }

    @Test
    void refusesAnAccountWhoseDigestWasMadeWithAnotherKey() {
        Authenticator plainSha = Authenticator.builder(repository).realm(REALM).build();

        AuthResult result = plainSha.authenticate(
                new ApiRequest("GET", PRODUCTS, ApiRequest.Headers.of(bearer(modifyToken)), true, "203.0.113.9"));

        assertDenied(result, 401, AuthResult.Problem.INVALID_CREDENTIALS, FAILED_BEARER);
    }

    @Test
    void letsAnUnavailableStoreFailAsAnExceptionNotADenial() {
        RepositoryUnavailableException down = new RepositoryUnavailableException("down");
        Authenticator failing = Authenticator.builder(key -> {
            throw down;
        }).build();

        RepositoryUnavailableException thrown = assertThrows(RepositoryUnavailableException.class, () -> failing.authenticate(
                new ApiRequest("GET", PRODUCTS, ApiRequest.Headers.of(bearer(modifyToken)), true, "203.0.113.9")));

        assertSame(down, thrown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\"b", "a\\b", "line\nbreak"})
    void builderRejectsARealmThatCannotBeQuoted(String realm) {
        assertThrows(IllegalArgumentException.class, () -> Authenticator.builder(repository).realm(realm));
    }
}
