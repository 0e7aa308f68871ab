package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.audit.TestAudit;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter scenarios for OAuth access tokens. */
class OAuthFilterScenarioTest extends FilterScenarioTest {

    @Override
    String[] valid() {
        return new String[] {"X-Auth-Token", accounts.modifyToken};
    }

    @Override
    String[] wrongSecret() {
        return new String[] {"X-Auth-Token", accounts.legacyToken.replace("slt_", "sat_")};
    }

    @Override
    String[] otherStore() {
        return new String[] {"X-Auth-Token", accounts.otherStoreToken};
    }

    @Override
    String[] malformed() {
        return new String[] {"Authorization", "Bearer two tokens"};
    }

    @Override
    int malformedStatus() {
        return 400;
    }

    @Test
    void letsReadOnlyGetThroughAndRefusesItsPostWith403NamingTheScope() throws Exception {
        String[] readOnly = {"Authorization", "Bearer " + accounts.readOnlyToken};

        HttpResponse<String> get = jetty.send("GET", "/stores/store1/v3/catalog/products", true, readOnly);
        HttpResponse<String> post = jetty.send("POST", "/stores/store1/v3/catalog/products", true, readOnly);

        assertEquals(200, get.statusCode());
        assertTrue(get.body().contains("type=BEARER") && get.body().contains("products:modify=false"), get.body());
        assertEquals(403, post.statusCode());
        assertTrue(post.body().contains("products:modify"), post.body());
        assertEquals(List.of("Bearer realm=\"storeauth\", error=\"insufficient_scope\", scope=\"products:modify\""),
                post.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void cannotClimbFromItsOwnStoreIntoAnother() throws Exception {
        HttpResponse<String> response = jetty.send("GET", "/stores/store2/v2/../../store1/v2/products", true,
                otherStore());

        assertTrue(response.statusCode() == 400 || response.statusCode() == 401, response.statusCode() + " " + response.body());
        assertTrue(!response.body().startsWith("user="), "the servlet must not be reached");
    }

    @Test
    void letsModifyPostThrough() throws Exception {
        HttpResponse<String> response = jetty.send("POST", "/stores/store1/v3/catalog/products", true, valid());

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void letsAnyOAuthAccountUseWebhooks() throws Exception {
        HttpResponse<String> response = jetty.send("POST", "/stores/store1/v3/hooks", true,
                "Authorization", "Bearer " + accounts.readOnlyToken);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void refusesARevokedTokenOnTheNextRequest() throws Exception {
        assertEquals(200, jetty.send("GET", V2_PRODUCTS, true, valid()).statusCode());
        accounts.repository.deleteOAuthAccounts(TestAccounts.STORE, List.of("rw-1"), TestAudit.ENTRY);
        cache.onChange(new AccountChange.Changed(
                List.of(new LookupKey.ByTokenDigest(TestAccounts.DIGESTER.digest(accounts.modifyToken)))));

        HttpResponse<String> response = jetty.send("GET", V2_PRODUCTS, true, valid());

        assertEquals(401, response.statusCode());
        assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\"", BASIC),
                response.headers().allValues("WWW-Authenticate"));
    }
}
