package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every denial keeps the headers an outer filter of the host set (CSP, nosniff, frame options) and
 * replaces only those the problem needs, in a real Jetty whose outer filter sets
 * {@link JettyHarness#HOST_HEADERS} before the chain.
 */
class DenialHeadersTest {

    private static final String V2_PRODUCTS = "/stores/store1/v2/products";
    private static final List<String> KEPT = List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options");

    private final TestAccounts accounts = new TestAccounts();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private AccountCache cache;
    private JettyHarness jetty;

    @BeforeEach
    void startJetty() throws Exception {
        cache = AccountCache.builder(key -> {
            if (storeDown.get()) {
                throw new RepositoryUnavailableException("database down");
            }
            return accounts.repository.find(key);
        }).build();
        Authenticator authenticator = Authenticator.builder(cache)
                .throttle(1, Duration.ofMinutes(1)).build();
        jetty = new JettyHarness(new StoreAuthFilter(authenticator, "", TrustedProxies.parse("127.0.0.1")));
    }

    @AfterEach
    void stopJetty() throws Exception {
        jetty.close();
        cache.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 429, 503})
    void keepsTheHostsHeadersOnEveryDenial(int status) throws Exception {
        HttpResponse<String> response = denial(status);

        assertEquals(status, response.statusCode(), response.body());
        for (String name : KEPT) {
            assertEquals(List.of(JettyHarness.HOST_HEADERS.get(name)), response.headers().allValues(name), name);
        }
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(response.body().length(), response.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertEquals(status == 401, !response.headers().allValues("WWW-Authenticate").isEmpty());
        assertEquals(status == 429 || status == 503, response.headers().firstValue("Retry-After").isPresent());
    }

    private HttpResponse<String> denial(int status) throws Exception {
        String[] wrong = {"X-Auth-Token", accounts.legacyToken.replace("slt_", "sat_")};
        switch (status) {
            case 401:
                return jetty.send("GET", V2_PRODUCTS, true);
            case 403:
                return jetty.send("GET", V2_PRODUCTS, false, "X-Auth-Token", accounts.modifyToken);
            case 429:
                assertEquals(401, jetty.send("GET", V2_PRODUCTS, true, wrong).statusCode());
                return jetty.send("GET", V2_PRODUCTS, true, wrong);
            default:
                storeDown.set(true);
                return jetty.send("GET", V2_PRODUCTS, true, "X-Auth-Token", accounts.modifyToken);
        }
    }

    /** 401 without a credential, 403 for a read-only token's POST (insufficient scope, with its challenge). */
    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void stillClosesTheConnectionWhenADenialLeavesABodyUnread(int status) throws Exception {
        HttpResponse<String> response = jetty.sendBody("POST", V2_PRODUCTS, "{\"name\":\"hat\"}",
                status == 401 ? new String[0] : new String[] {"X-Auth-Token", accounts.readOnlyToken});

        assertEquals(status, response.statusCode(), response.body());
        assertEquals("close", response.headers().firstValue("Connection").orElse(""));
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="));
        for (String name : KEPT) {
            assertEquals(List.of(JettyHarness.HOST_HEADERS.get(name)), response.headers().allValues(name), name);
        }
    }
}
