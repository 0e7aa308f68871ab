package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.auth.Authenticator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In a real Jetty whose filter trusts no proxy, nothing the client writes makes a plain-HTTP
 * connection count as TLS: neither the request-line's scheme nor any forwarding header.
 */
class TlsRequirementTest {

    private final TestAccounts accounts = new TestAccounts();
    private final AtomicInteger lookups = new AtomicInteger();
    private JettyHarness jetty;

    @BeforeEach
    void startJetty() throws Exception {
        jetty = new JettyHarness(new StoreAuthFilter(Authenticator.builder(key -> {
            lookups.incrementAndGet();
            return accounts.repository.find(key);
        }).build(), "", TrustedProxies.none()));
    }

    @AfterEach
    void stopJetty() throws Exception {
        jetty.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Forwarded-Proto: https", "Forwarded: proto=https", "X-Forwarded-Ssl: on",
        "Front-End-Https: on", "X-Url-Scheme: https"})
    void absoluteFormRequestWithForwardingHeadersFromAnUntrustedPeerIsRefused(String claim) throws Exception {
        RawHttp answer = RawHttp.exchange(jetty.port(), "GET https://localhost:8443/stores/store1/v3/catalog/products HTTP/1.1",
                "localhost:8443", claim, "X-Auth-Token: " + accounts.modifyToken);

        assertEquals(403, answer.status(), answer.whole());
        assertTrue(answer.body().contains("\"code\":\"tls_required\""), answer.whole());
        assertFalse(answer.whole().contains(accounts.modifyToken), answer.whole());
        assertEquals(0, lookups.get());
    }
}
