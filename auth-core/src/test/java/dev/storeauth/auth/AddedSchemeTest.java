package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A scheme added from outside, with its own account kind, needs no change to the library. */
class AddedSchemeTest {

    private static final String KEY = "ak_Toy0Key0For0Tests";
    private static final RouteTable ROUTES = RouteTable.parse("""
            accept v3 bearer apikey
            v2 /products  products
            v3 /catalog   products
            v3 /hooks     hooks     accept=bearer
            """, ScopeCatalogue.defaults());

    private final ApiKeyAccount account = new ApiKeyAccount("k1", "abc",
            SecretDigester.sha256().digest(KEY), ScopeCatalogue.defaults().scopes(Map.of("products", "read-only")));
    private final AccountLookup lookup = key -> key.equals(new LookupKey.ByTokenDigest(account.keyDigest()))
            ? Optional.<Account>of(account) : Optional.empty();
    private final Authenticator authenticator = Authenticator.builder(lookup)
            .scheme(new ApiKeyScheme()).routes(ROUTES).build();

    private AuthResult get(String path, Map<String, List<String>> headers) {
        return authenticator.authenticate(new ApiRequest("GET", path, ApiRequest.Headers.of(headers), true, "203.0.113.9"));
    }

    @Test
    void anApiKeyAuthenticatesWhereTheTableAcceptsItAndReportsItsScheme() {
        AuthResult result = get("/stores/abc/v3/catalog/products", Map.of("X-Api-Key", List.of(KEY)));

        AuthResult.Authenticated ok = assertInstanceOf(AuthResult.Authenticated.class, result);
        assertEquals(new ApiPrincipal("key:k1", "abc", "k1", "apikey"), ok.principal());
        assertEquals("APIKEY", ok.principal().authType());
    }

    @Test
    void theAccountKindsScopesStillDecide() {
        AuthResult result = authenticator.authenticate(new ApiRequest("POST", "/stores/abc/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Api-Key", List.of(KEY))), true, ""));

        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result);
        assertEquals(AuthResult.Problem.INSUFFICIENT_SCOPE, denied.problem());
    }

    @Test
    void aPathWhoseRouteDoesNotAcceptTheSchemeRefusesItNamingWhatToSend() {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class,
                get("/stores/abc/v2/products", Map.of("X-Api-Key", List.of(KEY))));

        assertEquals(401, denied.status());
        assertEquals(AuthResult.Problem.OAUTH_REQUIRED, denied.problem());
        assertEquals("API key accounts cannot use the v2 API; send an OAuth access token in X-Auth-Token or "
                + "Authorization: Bearer, or legacy API credentials with HTTP Basic", denied.detail());
        assertEquals(List.of("Bearer realm=\"storeauth\"", "Basic realm=\"storeauth\", charset=\"UTF-8\""),
                denied.challenges());
    }

    @Test
    void aRouteRestrictedToBearerRefusesTheKeyByItsResource() {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class,
                get("/stores/abc/v3/hooks", Map.of("X-Api-Key", List.of(KEY))));

        assertTrue(denied.detail().startsWith("API key accounts cannot use the webhooks resource"), denied.detail());
        assertEquals(List.of("Bearer realm=\"storeauth\""), denied.challenges());
    }

    @Test
    void missingCredentialsAreChallengedWithEverySchemeThePathAccepts() {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, get("/stores/abc/v3/catalog", Map.of()));

        assertEquals(AuthResult.Problem.MISSING_CREDENTIALS, denied.problem());
        assertEquals(List.of("Bearer realm=\"storeauth\"", "ApiKey realm=\"storeauth\""), denied.challenges());
        assertEquals("Send an OAuth access token in X-Auth-Token or Authorization: Bearer, or an API key in X-Api-Key",
                denied.detail());
    }

    @Test
    void aWrongKeyIsInvalidWithEachSchemesChallengeAndNoBearerErrorCode() {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class,
                get("/stores/abc/v3/catalog", Map.of("X-Api-Key", List.of("ak_NotTheRightKey"))));

        assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied.problem());
        assertEquals(List.of("Bearer realm=\"storeauth\"", "ApiKey realm=\"storeauth\""), denied.challenges(),
                "the client sent an API key, not a bearer token");
    }

    @Test
    void aMalformedKeyIsA401BecauseTheSchemeIsNotRfc6750() {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class,
                get("/stores/abc/v3/catalog", Map.of("X-Api-Key", List.of("nope"))));

        assertEquals(401, denied.status());
        assertEquals(AuthResult.Problem.MALFORMED_CREDENTIALS, denied.problem());
        assertEquals("an API key looks like ak_ and 8-64 letters or digits", denied.detail());
    }

    @Test
    void aKeyAndATokenTogetherAreMoreThanOneCredential() {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, get("/stores/abc/v3/catalog",
                Map.of("X-Api-Key", List.of(KEY), "X-Auth-Token", List.of("sat_x"))));

        assertEquals(400, denied.status());
        assertEquals("more than one credential in the request", denied.detail());
    }

    @Test
    void aTableAcceptingASchemeNotOnOfferFailsTheBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Authenticator.builder(lookup).routes(ROUTES).build());

        assertTrue(e.getMessage().contains("'apikey'"), e.getMessage());
    }

    @Test
    void twoSchemesReadingOneHeaderFailTheBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Authenticator.builder(lookup).scheme(new ApiKeyScheme()).scheme(new ApiKeyScheme()).build());

        assertTrue(e.getMessage().contains("X-Api-Key") || e.getMessage().contains("apikey"), e.getMessage());
    }

    @Test
    void aSettingGivenTwiceFailsAtOnce() {
        Authenticator.Builder builder = Authenticator.builder(lookup).realm("one");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.realm("two"));

        assertTrue(e.getMessage().contains("realm"), e.getMessage());
    }
}
