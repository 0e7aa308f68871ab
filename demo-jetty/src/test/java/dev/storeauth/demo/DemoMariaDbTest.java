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
 * {@code --jdbc-url} on MariaDB, with two demo nodes sharing one database: an account made on one
 * works on the other, a record written on one reads back on the other with its times to the
 * microsecond, and deleting the account on one revokes it on the other through the polled change feed.
 */
class DemoMariaDbTest {

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    String url;

    @BeforeEach
    void schema() {
        url = TestDatabases.newMariaDbDatabase("demo");
    }

    @AfterEach
    void drop() throws Exception {
        TestDatabases.dropMariaDbDatabase(url);
    }

    @Test
    void twoNodesShareTheStoreAndARevokeReachesBoth() throws Exception {
        try (DemoFixture a = DemoFixture.start(dataA, Optional.of(url));
             DemoFixture b = DemoFixture.start(dataB, Optional.of(url))) {
            assertEquals(a.storeHash(), b.storeHash(), "the second node serves the store the first one created");
            assertFalse(a.server.banner().contains("user=root"), "the banner hides the URL's parameters");
            HttpClient owner = a.client();
            String csrf = a.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            JsonNode account = json(a.manage(owner, csrf, "POST", "api-accounts",
                    Map.of("name", "Shared", "scopes", Map.of("orders", "modify"))));
            String token = account.get("access_token").asText();
            HttpClient onB = b.client();
            assertEquals(200, orders(b, onB, token).statusCode());
            JsonNode created = json(send(a.client(),
                    v3(a, token, "orders").POST(DemoFixture.body(Map.of("status", "new"))).build()));
            String id = created.findValue("id").asText();
            JsonNode read = json(send(onB, v3(b, token, "orders/" + id).build()));
            assertTrue(created.findValue("date_created").asText().matches(".*\\.\\d+Z"), created.toString());
            assertEquals(created.findValue("date_created"), read.findValue("date_created"),
                    "times kept to the microsecond");

            a.manage(owner, csrf, "DELETE", "api-accounts/" + account.get("id").asText(), null);

            HttpResponse<String> refused = awaitStatus(b, onB, token, 401);
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    private static HttpRequest.Builder v3(DemoFixture node, String token, String path) {
        return HttpRequest.newBuilder(node.https("/stores/" + node.storeHash() + "/v3/" + path))
                .header("X-Auth-Token", token);
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
