package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.auth.ManualClock;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Expired credentials as the filter answers them in a real Jetty 12: 401 {@code expired_credentials}
 * with a problem body, challenged for the scheme that proved the account, and the application never
 * runs. The authenticator's clock is the test's; the cache never evicts.
 */
class FilterExpiryTest {

    private static final String V3 = "/stores/store1/v3/catalog/products";
    private static final String V2 = "/stores/store1/v2/products";
    private static final String EXPIRED_BEARER =
            "Bearer realm=\"storeauth\", error=\"invalid_token\", error_description=\"The access token expired\"";
    private static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";

    private final PolicyAccounts accounts = new PolicyAccounts();
    private final ManualClock clock = new ManualClock(PolicyAccounts.OVERLAP_END.minusSeconds(3600));
    private final AccountCache cache = AccountCache.builder(accounts.repository).ticker(() -> 0L).build();
    private JettyHarness jetty;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
        cache.close();
    }

    private void start() throws Exception {
        jetty = new JettyHarness(new StoreAuthFilter(Authenticator.builder(cache).requireTls(false).clock(clock).build()));
    }

    private HttpResponse<String> bearer(String path, String token) throws Exception {
        return jetty.send("GET", path, false, "X-Auth-Token", token);
    }

    private static void assertExpired(HttpResponse<String> response, List<String> challenges) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(challenges, response.headers().allValues("WWW-Authenticate"));
        assertEquals(Optional.of(ProblemResponse.CONTENT_TYPE), response.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
        assertTrue(response.body().contains("\"code\":\"expired_credentials\""), response.body());
        assertTrue(response.body().contains("\"type\":\"urn:storeauth:problem:expired_credentials\""), response.body());
        assertTrue(response.body().contains("\"status\":401"), response.body());
    }

    @Test
    void anExpiredAccountsTokenIs401ExpiredCredentialsWithTheBearerErrorChallenge() throws Exception {
        start();

        HttpResponse<String> response = bearer(V3, accounts.expiredToken);

        assertExpired(response, List.of(EXPIRED_BEARER));
        assertFalse(response.body().contains(accounts.expiredToken), "the token is never echoed");
        assertEquals(0, jetty.servletCalls());
    }

    @Test
    void theOldTokenIsServedUntilTheOverlapEndsThenRefusedAsExpiredWhileTheNewOneIsServed() throws Exception {
        start();
        assertEquals(200, bearer(V3, accounts.oldToken).statusCode(), "during the overlap");

        clock.set(PolicyAccounts.OVERLAP_END);

        assertExpired(bearer(V3, accounts.oldToken), List.of(EXPIRED_BEARER));
        assertEquals(200, bearer(V3, accounts.currentToken).statusCode(), "the new token after the overlap");
        assertEquals(2, jetty.servletCalls());
    }

    @Test
    void anExpiredLegacyTokenGetsThePlainBasicChallenge() throws Exception {
        start();
        String old = TestAccounts.basic("alice", accounts.oldLegacyToken);
        assertEquals(200, jetty.send("GET", V2, false, "Authorization", old).statusCode(), "during the overlap");

        clock.set(PolicyAccounts.OVERLAP_END);

        assertExpired(jetty.send("GET", V2, false, "Authorization", old), List.of(BASIC));
        assertEquals(200, jetty.send("GET", V2, false, "Authorization",
                TestAccounts.basic("alice", accounts.legacyToken)).statusCode());
    }

    @Test
    void anUnknownTokenIsStillInvalidNotExpired() throws Exception {
        start();

        HttpResponse<String> response = bearer(V3, new SecretGenerator().generate(SecretKind.ACCESS_TOKEN));

        assertEquals(401, response.statusCode(), response.body());
        assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""),
                response.headers().allValues("WWW-Authenticate"));
        assertTrue(response.body().contains("\"code\":\"invalid_credentials\""), response.body());
    }

    @Test
    void aFilterConfiguredByInitParamsRefusesAnExpiredTokenByTheSystemClock() throws Exception {
        jetty = JettyHarness.fromInitParams(Map.of("configurer", PolicyConfigurer.class.getName(),
                "trusted-proxies", "127.0.0.1"));

        HttpResponse<String> response = jetty.send("GET", V3, true, "X-Auth-Token", PolicyConfigurer.ACCOUNTS.expiredToken);

        assertExpired(response, List.of(EXPIRED_BEARER));
        assertEquals(200, jetty.send("GET", V3, true, "X-Auth-Token", PolicyConfigurer.ACCOUNTS.currentToken).statusCode());
    }
}
