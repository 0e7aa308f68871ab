package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.repository.jdbc.TestDatabases;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jdbc-url} on PostgreSQL, with two demo nodes sharing one database: an account made on
 * one works on the other, and deleting it on one revokes it on the other through the change feed.
 */
class DemoPostgresTest {

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    String url;

    @BeforeEach
    void schema() {
        url = TestDatabases.newPostgresSchema("demo");
    }

    @AfterEach
    void drop() throws Exception {
        TestDatabases.dropPostgresSchema(url);
    }

    @Test
    void twoNodesShareTheStoreAndARevokeReachesBoth() throws Exception {
        try (DemoFixture a = DemoFixture.start(dataA, Optional.of(url));
             DemoFixture b = DemoFixture.start(dataB, Optional.of(url))) {
            assertEquals(a.storeHash(), b.storeHash(), "the second node serves the store the first one created");
            assertFalse(a.server.banner().contains("user=postgres"), "the banner hides the URL's parameters");
            HttpClient owner = a.client();
            String csrf = a.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            JsonNode account = json(a.manage(owner, csrf, "POST", "api-accounts",
                    Map.of("name", "Shared", "scopes", Map.of("orders", "read-only"))));
            String token = account.get("access_token").asText();
            HttpClient onB = b.client();
            assertEquals(200, orders(b, onB, token).statusCode());

            a.manage(owner, csrf, "DELETE", "api-accounts/" + account.get("id").asText(), null);

            HttpResponse<String> refused = awaitStatus(b, onB, token, 401);
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    private static HttpResponse<String> orders(DemoFixture node, HttpClient client, String token) throws Exception {
        return send(client, HttpRequest.newBuilder(node.https("/stores/" + node.storeHash() + "/v3/orders"))
                .header("X-Auth-Token", token).build());
    }

    /** Polls until node answers {@code status}; fails after 10 s (the feed's bound is about a second). */
    private static HttpResponse<String> awaitStatus(DemoFixture node, HttpClient client, String token, int status)
            throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpResponse<String> last = orders(node, client, token);
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            last = orders(node, client, token);
        }
        assertEquals(status, last.statusCode(), last.body());
        return last;
    }
}
