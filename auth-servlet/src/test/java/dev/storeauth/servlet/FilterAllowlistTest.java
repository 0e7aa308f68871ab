package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.auth.Authenticator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Allowlisted accounts behind the filter in a real Jetty 12 on 127.0.0.1: the client address is the
 * connection's, or behind trusted proxies the right-most {@code X-Forwarded-For} hop none of them is;
 * used from elsewhere the account is 403 {@code address_not_allowed} and the application never runs.
 * The account here may be used from {@code 203.0.113.0/24} only.
 */
class FilterAllowlistTest {

    private static final String V3 = "/stores/store1/v3/catalog/products";

    private final PolicyAccounts accounts = new PolicyAccounts();
    private final List<String> usedFrom = Collections.synchronizedList(new ArrayList<>());
    private JettyHarness jetty;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    private void start(TrustedProxies proxies) throws Exception {
        Authenticator authenticator = Authenticator.builder(accounts.repository).requireTls(false)
                .usageRecorder((account, from) -> usedFrom.add(from)).build();
        jetty = new JettyHarness(new StoreAuthFilter(authenticator, "", proxies));
    }

    private HttpResponse<String> fenced(String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("X-Auth-Token", accounts.fencedToken));
        all.addAll(List.of(headers));
        return jetty.send("GET", V3, false, all.toArray(String[]::new));
    }

    private static void assertNotAllowed(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.body());
        assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"));
        assertEquals(Optional.of(ProblemResponse.CONTENT_TYPE), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"code\":\"address_not_allowed\""), response.body());
        assertTrue(response.body().contains("\"detail\":\"This credential may not be used from this address\""),
                response.body());
        assertFalse(response.body().contains("203.0.113") || response.body().contains("127.0.0.1"),
                "neither the list nor the address is echoed: " + response.body());
    }

    @Test
    void fromTheSocketAddressOutsideTheListItIs403AddressNotAllowed() throws Exception {
        start(TrustedProxies.none());

        assertNotAllowed(fenced());
        assertEquals(0, jetty.servletCalls());
        HttpResponse<String> open = jetty.send("GET", V3, false, "X-Auth-Token", accounts.currentToken);
        assertEquals(200, open.statusCode(), "an account without a list, from the same address");
        assertEquals(List.of("127.0.0.1"), usedFrom, "last used from the socket address");
    }

    @Test
    void aForwardedForTheClientWritesItselfIsIgnoredWithoutTrustedProxies() throws Exception {
        start(TrustedProxies.none());

        assertNotAllowed(fenced("X-Forwarded-For", "203.0.113.7"));
        assertEquals(0, jetty.servletCalls());
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.7                 | 200 | 203.0.113.7",
        "198.51.100.1, 203.0.113.7   | 200 | 203.0.113.7",
        "203.0.113.7, 198.51.100.1   | 403 | ",
        "203.0.113.7, 127.0.0.1      | 200 | 203.0.113.7",
        "::ffff:203.0.113.9          | 200 | ::ffff:203.0.113.9",
        "127.0.0.1                   | 403 | ",
    })
    void behindATrustedProxyTheRightMostUntrustedHopDecides(String forwardedFor, int status, String client)
            throws Exception {
        start(TrustedProxies.parse("127.0.0.1"));

        HttpResponse<String> response = fenced("X-Forwarded-For", forwardedFor);

        if (status == 200) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(List.of(client), usedFrom, "last used from the address the allowlist was asked about");
        } else {
            assertNotAllowed(response);
            assertEquals(List.of(), usedFrom);
        }
    }

    @Test
    void behindATrustedProxyWithoutForwardedForTheSocketAddressDecides() throws Exception {
        start(TrustedProxies.parse("127.0.0.1"));

        assertNotAllowed(fenced());
    }

    @Test
    void aFilterConfiguredByInitParamsDecidesByTheSameAddress() throws Exception {
        jetty = JettyHarness.fromInitParams(Map.of("configurer", PolicyConfigurer.class.getName(),
                "trusted-proxies", "127.0.0.1"));
        String token = PolicyConfigurer.ACCOUNTS.fencedToken;

        assertEquals(200, jetty.send("GET", V3, true, "X-Auth-Token", token, "X-Forwarded-For", "203.0.113.7")
                .statusCode());
        assertNotAllowed(jetty.send("GET", V3, true, "X-Auth-Token", token));
        assertNotAllowed(jetty.send("GET", V3, true, "X-Auth-Token", token, "X-Forwarded-For", "203.0.113.7, 192.0.2.1"));
    }
}
