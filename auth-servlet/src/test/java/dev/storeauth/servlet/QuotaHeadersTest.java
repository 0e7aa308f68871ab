package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.policy.StoreQuota;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store quota's headers reach the client through the filter, on what the application answers and on the 429. */
class QuotaHeadersTest {

    private static final String PRODUCTS = "/stores/store1/v3/catalog/products";
    private static final List<String> QUOTA_HEADERS = List.of("X-Rate-Limit-Requests-Quota",
            "X-Rate-Limit-Requests-Left", "X-Rate-Limit-Time-Window-Ms", "X-Rate-Limit-Time-Reset-Ms");

    private final TestAccounts accounts = new TestAccounts();
    private AccountCache cache;
    private JettyHarness jetty;

    @BeforeEach
    void startJetty() throws Exception {
        cache = AccountCache.builder(accounts.repository::find).build();
        Authenticator authenticator = Authenticator.builder(cache)
                .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("2/1h"))).build();
        jetty = new JettyHarness(new StoreAuthFilter(authenticator, "", TrustedProxies.parse("127.0.0.1")));
    }

    @AfterEach
    void stopJetty() throws Exception {
        jetty.close();
        cache.close();
    }

    @Test
    void anAuthenticatedAnswerCarriesTheFourRateLimitHeaders() throws Exception {
        HttpResponse<String> response = get();

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("2", header(response, "X-Rate-Limit-Requests-Quota"));
        assertEquals("1", header(response, "X-Rate-Limit-Requests-Left"));
        assertEquals("3600000", header(response, "X-Rate-Limit-Time-Window-Ms"));
        long reset = Long.parseLong(header(response, "X-Rate-Limit-Time-Reset-Ms"));
        assertTrue(reset > 0 && reset <= 3_600_000, "reset " + reset);
    }

    @Test
    void overTheQuotaIs429WithRetryAfterAndTheFourHeaders() throws Exception {
        get();
        get();

        HttpResponse<String> response = get();

        assertEquals(429, response.statusCode(), response.body());
        assertTrue(response.body().contains("urn:storeauth:problem:quota_exceeded"), response.body());
        assertEquals("0", header(response, "X-Rate-Limit-Requests-Left"));
        QUOTA_HEADERS.forEach(name -> assertTrue(response.headers().firstValue(name).isPresent(), name));
        long seconds = Long.parseLong(header(response, "X-Retry-After"));
        assertTrue(seconds >= 1 && seconds <= 3600, "X-Retry-After " + seconds);
        assertEquals(header(response, "X-Retry-After"), header(response, "Retry-After"));
    }

    private HttpResponse<String> get() throws Exception {
        return jetty.send("GET", PRODUCTS, true, "X-Auth-Token", accounts.modifyToken);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + ": "
                + response.headers().map()));
    }
}
