package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter scenarios for legacy API accounts over HTTP Basic. */
class BasicFilterScenarioTest extends FilterScenarioTest {

    @Override
    String[] valid() {
        return new String[] {"Authorization", TestAccounts.basic("alice", accounts.legacyToken)};
    }

    @Override
    String[] wrongSecret() {
        return new String[] {"Authorization", TestAccounts.basic("alice", accounts.modifyToken.replace("sat_", "slt_"))};
    }

    @Override
    String[] otherStore() {
        return new String[] {"Authorization", TestAccounts.basic("alice", accounts.otherStoreLegacyToken)};
    }

    @Override
    String[] malformed() {
        return new String[] {"Authorization", "Basic not*base64"};
    }

    @Override
    int malformedStatus() {
        return 401;
    }

    @Test
    void reportsBasicAsTheAuthTypeAndTheUsernameAsRemoteUser() throws Exception {
        HttpResponse<String> response = jetty.send("POST", V2_PRODUCTS, true, valid());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("user=alice type=BASIC"), response.body());
    }

    @Test
    void refusesBasicOnV3WithAnOAuthOnlyChallenge() throws Exception {
        HttpResponse<String> response = jetty.send("GET", "/stores/store1/v3/catalog/products", true, valid());

        assertEquals(401, response.statusCode());
        assertEquals(List.of(BEARER), response.headers().allValues("WWW-Authenticate"));
        assertTrue(response.body().contains("oauth_required"), response.body());
    }

    @Test
    void refusesBasicOnWebhooks() throws Exception {
        HttpResponse<String> response = jetty.send("GET", "/stores/store1/v2/hooks", true, valid());

        assertEquals(401, response.statusCode());
        assertEquals(List.of(BEARER), response.headers().allValues("WWW-Authenticate"));
        assertTrue(response.body().contains("webhooks"), response.body());
    }
}
