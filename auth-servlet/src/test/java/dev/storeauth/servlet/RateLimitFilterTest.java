package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store quota and the failure throttle as the filter answers them, configured by init-params as
 * {@code web.xml} would, in a real Jetty 12.
 */
class RateLimitFilterTest {

    private static final TestAccounts ACCOUNTS = SeededConfigurer.ACCOUNTS;
    private static final String STORE1 = "/stores/store1/v3/catalog/products";
    private static final String STORE1_V2 = "/stores/store1/v2/products";
    private static final String STORE2 = "/stores/store2/v3/catalog/products";
    private static final String HOUR_MS = "3600000";
    private static final String QUOTA = "X-Rate-Limit-Requests-Quota";
    private static final String LEFT = "X-Rate-Limit-Requests-Left";
    private static final String WINDOW = "X-Rate-Limit-Time-Window-Ms";
    private static final String RESET = "X-Rate-Limit-Time-Reset-Ms";
    private static final List<String> QUOTA_HEADERS = List.of(QUOTA, LEFT, WINDOW, RESET);

    private JettyHarness jetty;

    @AfterEach
    void stopJetty() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    @Test
    void everyAuthenticatedResponseCarriesTheStoresQuotaCountingDown() throws Exception {
        start("store-quota", "5/1h");

        for (int left = 4; left >= 2; left--) {
            HttpResponse<String> response = get(STORE1, token(ACCOUNTS.modifyToken));

            assertEquals(200, response.statusCode(), response.body());
            assertQuota(response, "5", HOUR_MS, Integer.toString(left));
            assertTrue(response.body().endsWith("quota_left=" + left), "the application runs with the headers set: "
                    + response.body());
        }
    }

    @Test
    void sendsNoQuotaHeadersWithoutAQuota() throws Exception {
        start();

        HttpResponse<String> response = get(STORE1, token(ACCOUNTS.modifyToken));

        assertEquals(200, response.statusCode(), response.body());
        assertNoQuotaHeaders(response);
    }

    @Test
    void answersOverQuotaWith429QuotaExceededWithoutRunningTheApplication() throws Exception {
        start("store-quota", "2/1h");
        assertEquals(200, get(STORE1, token(ACCOUNTS.modifyToken)).statusCode());
        assertEquals(200, get(STORE1, token(ACCOUNTS.modifyToken)).statusCode());

        HttpResponse<String> response = get(STORE1, token(ACCOUNTS.modifyToken));

        assertEquals(429, response.statusCode(), response.body());
        assertQuota(response, "2", HOUR_MS, "0");
        assertRetryAfterWithin(response, 3600);
        assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"));
        assertEquals(Optional.of(ProblemResponse.CONTENT_TYPE), response.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
        assertTrue(response.body().contains("\"code\":\"quota_exceeded\""), response.body());
        assertTrue(response.body().contains("\"status\":429"), response.body());
        assertEquals(2, jetty.servletCalls(), "the application ran only for the requests within the quota");
    }

    @Test
    void theAccountsOfOneStoreShareItsQuotaAndAnotherStoreKeepsItsOwn() throws Exception {
        start("store-quota", "3/1h");

        assertQuota(get(STORE1, token(ACCOUNTS.modifyToken)), "3", HOUR_MS, "2");
        assertQuota(get(STORE1, token(ACCOUNTS.readOnlyToken)), "3", HOUR_MS, "1");
        assertQuota(get(STORE1_V2, "Authorization", TestAccounts.basic("alice", ACCOUNTS.legacyToken)), "3", HOUR_MS, "0");
        HttpResponse<String> over = get(STORE1, token(ACCOUNTS.readOnlyToken));
        HttpResponse<String> otherStore = get(STORE2, token(ACCOUNTS.otherStoreToken));

        assertEquals(429, over.statusCode(), over.body());
        assertTrue(over.body().contains("\"code\":\"quota_exceeded\""), over.body());
        assertEquals(200, otherStore.statusCode(), otherStore.body());
        assertQuota(otherStore, "3", HOUR_MS, "2");
    }

    @Test
    void storeQuotasOverrideTheQuotaOfTheStoresTheyName() throws Exception {
        start("store-quota", "3/1h", "store-quotas", "store2=1/30m");

        HttpResponse<String> first = get(STORE2, token(ACCOUNTS.otherStoreToken));
        HttpResponse<String> second = get(STORE2, token(ACCOUNTS.otherStoreToken));
        HttpResponse<String> store1 = get(STORE1, token(ACCOUNTS.modifyToken));

        assertEquals(200, first.statusCode(), first.body());
        assertQuota(first, "1", "1800000", "0");
        assertEquals(429, second.statusCode(), second.body());
        assertRetryAfterWithin(second, 1800);
        assertEquals(200, store1.statusCode(), store1.body());
        assertQuota(store1, "3", HOUR_MS, "2");
    }

    @Test
    void aStoreQuotasEntryOfOffExemptsItsStore() throws Exception {
        start("store-quota", "1/1h", "store-quotas", " store9=5/1m,\n store2=off ");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> exempt = get(STORE2, token(ACCOUNTS.otherStoreToken));

            assertEquals(200, exempt.statusCode(), exempt.body());
            assertNoQuotaHeaders(exempt);
        }
        assertQuota(get(STORE1, token(ACCOUNTS.modifyToken)), "1", HOUR_MS, "0");
    }

    @Test
    void aRefusedCredentialDoesNotCountAgainstTheStoresQuota() throws Exception {
        start("store-quota", "5/1h");

        HttpResponse<String> refused = get(STORE1, token(unknownToken()));

        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""),
                refused.headers().allValues("WWW-Authenticate"));
        assertNoQuotaHeaders(refused);
        assertQuota(get(STORE1, token(ACCOUNTS.modifyToken)), "5", HOUR_MS, "4");
    }

    @Test
    void anInsufficientScope403CarriesTheQuotaHeadersAndItsChallenge() throws Exception {
        start("store-quota", "5/1h");

        HttpResponse<String> response = jetty.sendBody("POST", STORE1, "{\"name\":\"hat\"}", token(ACCOUNTS.readOnlyToken));

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"insufficient_scope\""), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\""),
                response.headers().allValues("WWW-Authenticate").toString());
        assertQuota(response, "5", HOUR_MS, "4");
        assertEquals(0, jetty.servletCalls());
    }

    @Test
    void theFailureThrottles429CarriesXRetryAfterAndRetryAfter() throws Exception {
        start("max-failures", "2", "failure-window", "PT1H");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = get(STORE1, token(unknownToken()));

            assertEquals(401, failed.statusCode(), failed.body());
            assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""),
                    failed.headers().allValues("WWW-Authenticate"));
        }
        HttpResponse<String> throttled = get(STORE1, token(unknownToken()));

        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(throttled.body().contains("\"code\":\"too_many_failures\""), throttled.body());
        assertRetryAfterWithin(throttled, 3600);
        assertEquals(0, jetty.servletCalls());
    }

    /** The lockout the throttle must not cause: an attacker at the same address (one NAT) as a working client. */
    @Test
    void aCredentialThisNodeHasProvenStillGets200FromTheAddressOfAnAttackerWhoUsedUpTheFailures() throws Exception {
        start("max-failures", "2", "failure-window", "PT1H", "store-quota", "10/1h");
        assertEquals(200, get(STORE1, token(ACCOUNTS.modifyToken)).statusCode());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = get(STORE1, token(unknownToken()));
            assertEquals(401, failed.statusCode(), failed.body());
            assertFalse(failed.headers().allValues("WWW-Authenticate").isEmpty());
        }
        HttpResponse<String> attacker = get(STORE1, token(unknownToken()));
        assertEquals(429, attacker.statusCode(), attacker.body());

        HttpResponse<String> proven = get(STORE1, token(ACCOUNTS.modifyToken));
        HttpResponse<String> unproven = get(STORE1, token(ACCOUNTS.readOnlyToken));

        assertEquals(200, proven.statusCode(), proven.body());
        assertQuota(proven, "10", HOUR_MS, "8");
        assertEquals(429, unproven.statusCode(), "a credential this node has not proven yet meets the throttle");
        assertRetryAfterWithin(unproven, 3600);
    }

    private void start(String... params) throws Exception {
        Map<String, String> initParams = new LinkedHashMap<>();
        initParams.put("configurer", SeededConfigurer.class.getName());
        initParams.put("trusted-proxies", "127.0.0.1");
        for (int i = 0; i < params.length; i += 2) {
            initParams.put(params[i], params[i + 1]);
        }
        jetty = JettyHarness.fromInitParams(initParams);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return jetty.send("GET", path, true, headers);
    }

    private static String[] token(String token) {
        return new String[] {"X-Auth-Token", token};
    }

    /** A well-formed access token no account has: it costs a lookup and a failure. */
    private static String unknownToken() {
        return new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);
    }

    private static void assertQuota(HttpResponse<String> response, String quota, String windowMs, String left) {
        assertEquals(List.of(quota), response.headers().allValues(QUOTA), QUOTA);
        assertEquals(List.of(left), response.headers().allValues(LEFT), LEFT);
        assertEquals(List.of(windowMs), response.headers().allValues(WINDOW), WINDOW);
        List<String> reset = response.headers().allValues(RESET);
        assertEquals(1, reset.size(), RESET + ": " + reset);
        long resetMs = Long.parseLong(reset.get(0));
        assertTrue(resetMs > 0 && resetMs <= Long.parseLong(windowMs), RESET + " within the window: " + resetMs);
    }

    private static void assertNoQuotaHeaders(HttpResponse<String> response) {
        for (String name : QUOTA_HEADERS) {
            assertEquals(List.of(), response.headers().allValues(name), name);
        }
    }

    /** Both headers, equal, whole seconds from 1 to {@code maxSeconds}. */
    private static void assertRetryAfterWithin(HttpResponse<String> response, long maxSeconds) {
        List<String> retryAfter = response.headers().allValues("Retry-After");
        assertEquals(retryAfter, response.headers().allValues("X-Retry-After"), "X-Retry-After");
        assertEquals(1, retryAfter.size(), "Retry-After: " + retryAfter);
        long seconds = Long.parseLong(retryAfter.get(0));
        assertTrue(seconds >= 1 && seconds <= maxSeconds, "Retry-After: " + seconds);
    }
}
