package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scenarios every credential kind must pass through the filter in a real Jetty. Subclasses say
 * how their kind is presented and add the rules that are theirs alone.
 */
abstract class FilterScenarioTest {

    static final String V2_PRODUCTS = "/stores/store1/v2/products";
    static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";
    static final String BEARER = "Bearer realm=\"storeauth\"";

    final TestAccounts accounts = new TestAccounts();
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicBoolean storeDown = new AtomicBoolean();
    AccountCache cache;
    JettyHarness jetty;

    /** The header name and value of a valid credential with modify on products. */
    abstract String[] valid();

    /** The same kind of credential with a wrong secret. */
    abstract String[] wrongSecret();

    /** A valid credential of store2. */
    abstract String[] otherStore();

    /** A header of this kind that is malformed. */
    abstract String[] malformed();

    /** The status a malformed header of this kind gets (RFC 6750 says 400 for bearer). */
    abstract int malformedStatus();

    @BeforeEach
    void startJetty() throws Exception {
        AccountLookup counting = key -> {
            lookups.incrementAndGet();
            if (storeDown.get()) {
                throw new RepositoryUnavailableException("database down");
            }
            return accounts.repository.find(key);
        };
        cache = AccountCache.builder(counting).build();
        Authenticator authenticator = Authenticator.builder(cache).build();
        jetty = new JettyHarness(new StoreAuthFilter(authenticator, "", TrustedProxies.parse("127.0.0.1")));
    }

    @AfterEach
    void stopJetty() throws Exception {
        jetty.close();
        cache.close();
    }

    @Test
    void letsAValidCredentialThroughWithItsPrincipal() throws Exception {
        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, true, valid());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("products:modify=true"), response.body());
        assertTrue(response.body().contains("account=true"), response.body());
    }

    @Test
    void leavesTheAccountAndTheResultOnTheUnwrappedRequestForOuterFilters() throws Exception {
        jetty.send("GET", V2_PRODUCTS, true, valid());

        Map<String, Object> seen = jetty.nextOuterAttributes();
        Account account = (Account) seen.get(StoreAuthFilter.ACCOUNT_ATTRIBUTE);
        AuthResult.Authenticated result = (AuthResult.Authenticated) seen.get(StoreAuthFilter.RESULT_ATTRIBUTE);
        assertNotNull(account, "account attribute");
        assertNotNull(result, "result attribute");
        assertEquals("store1", account.storeHash());
        assertSame(account, result.account());
    }

    @Test
    void leavesNoAttributeOnADeniedRequest() throws Exception {
        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, true, wrongSecret());

        assertEquals(401, response.statusCode());
        assertFalse(response.headers().allValues("WWW-Authenticate").isEmpty());
        assertEquals(Map.of(), jetty.nextOuterAttributes());
    }

    @Test
    void answersMissingCredentialsWith401AndBothChallengesOnV2() throws Exception {
        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, true);

        assertEquals(401, response.statusCode());
        assertEquals(List.of(BEARER, BASIC), response.headers().allValues("WWW-Authenticate"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\":401"), response.body());
        assertTrue(response.body().contains("\"code\":\"missing_credentials\""), response.body());
    }

    @Test
    void answersAMalformedHeaderWithAClientErrorNeverA500() throws Exception {
        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, true, malformed());

        assertEquals(malformedStatus(), response.statusCode(), response.body());
        assertFalse(response.headers().allValues("WWW-Authenticate").isEmpty());
        assertTrue(response.body().contains("malformed_credentials"), response.body());
        assertEquals(0, lookups.get());
    }

    @Test
    void answersAWrongSecretWith401() throws Exception {
        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, true, wrongSecret());

        assertEquals(401, response.statusCode());
        assertFalse(response.headers().allValues("WWW-Authenticate").isEmpty());
        assertTrue(response.body().contains("invalid_credentials"), response.body());
    }

    @Test
    void closesTheConnectionWhenItRefusesARequestWithoutReadingItsBody() throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> refused = jetty.sendBody("POST", V2_PRODUCTS, "{\"name\":\"hat\"}", wrongSecret());
            HttpResponse<String> next = jetty.send("GET", V2_PRODUCTS, true, valid());

            assertEquals(401, refused.statusCode());
            assertFalse(refused.headers().allValues("WWW-Authenticate").isEmpty());
            assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
            assertEquals(200, next.statusCode(), "request " + i + " after a refused body");
        }
    }

    @Test
    void keepsTheConnectionWhenTheRefusedRequestHasNoBody() throws Exception {
        HttpResponse<String> refused = jetty.send("GET", V2_PRODUCTS, true, wrongSecret());

        assertEquals(401, refused.statusCode());
        assertFalse(refused.headers().allValues("WWW-Authenticate").isEmpty());
        assertEquals(Optional.empty(), refused.headers().firstValue("Connection"));
    }

    @Test
    void answersAnotherStoresCredentialExactlyAsAWrongSecret() throws Exception {
        HttpResponse<String> wrongStore = jetty.send("GET", V2_PRODUCTS, true, otherStore());
        HttpResponse<String> wrongSecret = jetty.send("GET", V2_PRODUCTS, true, wrongSecret());

        assertEquals(401, wrongStore.statusCode());
        assertEquals(wrongSecret.headers().allValues("WWW-Authenticate"), wrongStore.headers().allValues("WWW-Authenticate"));
        assertEquals(wrongSecret.body(), wrongStore.body());
    }

    @Test
    void refusesPlainHttpBeforeReadingCredentials() throws Exception {
        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, false, valid());

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("TLS required"), response.body());
        assertEquals(0, lookups.get());
    }

    @Test
    void answersAStoreOutageWith503AndRetryAfter() throws Exception {
        storeDown.set(true);

        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, true, valid());

        assertEquals(503, response.statusCode());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
        assertTrue(response.body().contains("repository_unavailable"), response.body());
        assertFalse(response.body().contains(valid()[1]), "the credential must not be echoed");
    }

    @Test
    void closesTheConnectionWhenAnOutageLeavesABodyUnread() throws Exception {
        storeDown.set(true);

        HttpResponse<String> response = jetty.sendBody("POST", V2_PRODUCTS, "{\"name\":\"hat\"}", valid());

        assertEquals(503, response.statusCode());
        assertEquals("close", response.headers().firstValue("Connection").orElse(""));
    }

    @Test
    void keepsServingACachedCredentialDuringAnOutage() throws Exception {
        assertEquals(200, jetty.send("GET", V2_PRODUCTS, true, valid()).statusCode());
        storeDown.set(true);

        assertEquals(200, jetty.send("GET", V2_PRODUCTS, true, valid()).statusCode());
    }
}
