package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.repository.LookupKey;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code verify-client-id=true} in a real Jetty: a token's request needs its client ID in {@code X-Auth-Client}. */
class ClientIdFilterTest {

    private static final TestAccounts ACCOUNTS = SeededConfigurer.ACCOUNTS;
    private static final String V3 = "/stores/store1/v3/catalog/products";
    private static final String V2 = "/stores/store1/v2/products";

    private JettyHarness jetty;

    @AfterEach
    void stopJetty() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    @Test
    void aTokenWithItsClientIdIsLetIn() throws Exception {
        start("true");

        HttpResponse<String> response = jetty.send("GET", V3, true, "X-Auth-Token", ACCOUNTS.modifyToken,
                "X-Auth-Client", clientId(ACCOUNTS.modifyToken));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aTokenWithoutOrWithAnotherClientIdIs401ClientIdMismatch() throws Exception {
        start("true");

        HttpResponse<String> missing = jetty.send("GET", V3, true, "X-Auth-Token", ACCOUNTS.modifyToken);
        HttpResponse<String> other = jetty.send("GET", V2, true, "X-Auth-Token", ACCOUNTS.modifyToken,
                "X-Auth-Client", clientId(ACCOUNTS.readOnlyToken));

        for (HttpResponse<String> response : java.util.List.of(missing, other)) {
            assertEquals(401, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"code\":\"client_id_mismatch\""), response.body());
            assertEquals(java.util.List.of("Bearer realm=\"storeauth\", error=\"invalid_token\", "
                    + "error_description=\"X-Auth-Client is not the token's client ID\""),
                    response.headers().allValues("WWW-Authenticate"));
        }
    }

    @Test
    void basicRequestsAndTheDefaultIgnoreTheHeader() throws Exception {
        start("true");
        HttpResponse<String> basic = jetty.send("GET", V2, true,
                "Authorization", TestAccounts.basic("alice", ACCOUNTS.legacyToken), "X-Auth-Client", "whoever");
        stopJetty();
        start("false");
        HttpResponse<String> off = jetty.send("GET", V3, true, "X-Auth-Token", ACCOUNTS.modifyToken,
                "X-Auth-Client", "whoever");

        assertEquals(200, basic.statusCode(), basic.body());
        assertEquals(200, off.statusCode(), off.body());
    }

    private static String clientId(String token) {
        return ((OAuthAccount) ACCOUNTS.repository.find(new LookupKey.ByTokenDigest(TestAccounts.DIGESTER.digest(token)))
                .orElseThrow()).clientId();
    }

    private void start(String verify) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("configurer", SeededConfigurer.class.getName());
        params.put("trusted-proxies", "127.0.0.1");
        params.put("verify-client-id", verify);
        jetty = JettyHarness.fromInitParams(params);
    }
}
