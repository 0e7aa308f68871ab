package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.policy.StoreQuota;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store-quota} over real HTTPS: every store API answer within the quota carries the four
 * {@code X-Rate-Limit-*} headers, whatever the application answered, and the request past it is 429
 * {@code quota_exceeded} with {@code X-Retry-After}, {@code Retry-After}, the same headers and a problem body.
 */
class StoreQuotaTest {

    static final List<String> RATE_LIMIT_HEADERS = List.of("X-Rate-Limit-Requests-Quota",
            "X-Rate-Limit-Requests-Left", "X-Rate-Limit-Time-Window-Ms", "X-Rate-Limit-Time-Reset-Ms");
    private static final String PRODUCTS = "/v3/catalog/products";
    private static final long HOUR_MILLIS = 3_600_000;

    @TempDir
    Path dataDir;

    @Test
    void answersWithinTheQuotaCarryItsHeadersAndTheRequestPastItIs429WithRetryAfter() throws Exception {
        try (DemoFixture demo = DemoFixture.start(quota(dataDir, "3/1h"))) {
            HttpClient client = demo.client();
            String readOnly = token(demo, client, "read-only");
            String modify = token(demo, client, "modify");

            HttpResponse<String> listed = call(demo, client, readOnly, "GET", PRODUCTS);
            HttpResponse<String> notFound = call(demo, client, readOnly, "GET", PRODUCTS + "/999999");
            HttpResponse<String> forbidden = call(demo, client, readOnly, "POST", PRODUCTS);
            HttpResponse<String> over = call(demo, client, modify, "GET", PRODUCTS);

            assertWithin(listed, 200, 2);
            assertWithin(notFound, 404, 1);
            assertWithin(forbidden, 403, 0);
            assertEquals(429, over.statusCode(), over.body());
            assertRateLimitHeaders(over, "3", "0");
            long seconds = Long.parseLong(header(over, "X-Retry-After"));
            assertTrue(seconds >= 1 && seconds <= HOUR_MILLIS / 1000, "X-Retry-After " + seconds);
            assertEquals(header(over, "X-Retry-After"), header(over, "Retry-After"));
            assertEquals("application/problem+json", header(over, "Content-Type").split(";")[0]);
            JsonNode problem = json(over);
            assertEquals("urn:storeauth:problem:quota_exceeded", problem.get("type").asText());
            assertEquals(429, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().contains("retry after " + seconds + " seconds"), over.body());
        }
    }

    @Test
    void offSendsNoRateLimitHeadersAndNever429s() throws Exception {
        try (DemoFixture demo = DemoFixture.start(DemoFixture.options(dataDir).withStoreQuota(Optional.empty()))) {
            HttpClient client = demo.client();
            String token = token(demo, client, "read-only");
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = call(demo, client, token, "GET", PRODUCTS);

                assertEquals(200, response.statusCode(), response.body());
                RATE_LIMIT_HEADERS.forEach(name -> assertFalse(response.headers().firstValue(name).isPresent(), name));
            }
        }
    }

    private static DemoOptions quota(Path dataDir, String quota) {
        return DemoFixture.options(dataDir).withStoreQuota(Optional.of(StoreQuota.Quota.parse(quota)));
    }

    private static void assertWithin(HttpResponse<String> response, int status, long left) {
        assertEquals(status, response.statusCode(), response.body());
        assertRateLimitHeaders(response, "3", Long.toString(left));
    }

    static void assertRateLimitHeaders(HttpResponse<String> response, String quota, String left) {
        assertEquals(quota, header(response, "X-Rate-Limit-Requests-Quota"));
        assertEquals(left, header(response, "X-Rate-Limit-Requests-Left"));
        long window = Long.parseLong(header(response, "X-Rate-Limit-Time-Window-Ms"));
        long reset = Long.parseLong(header(response, "X-Rate-Limit-Time-Reset-Ms"));
        assertTrue(reset > 0 && reset <= window, "reset " + reset + " within window " + window);
    }

    /** A new OAuth account's access token, with {@code level} on products. */
    static String token(DemoFixture demo, HttpClient client, String level) throws Exception {
        String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        HttpResponse<String> created = demo.manage(client, csrf, "POST", "api-accounts",
                Map.of("name", "Products " + level, "scopes", Map.of("products", level)));
        assertEquals(201, created.statusCode(), created.body());
        return json(created).get("access_token").asText();
    }

    static HttpResponse<String> call(DemoFixture demo, HttpClient client, String token, String method, String path)
            throws Exception {
        HttpRequest.BodyPublisher body = method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{\"name\":\"Hat\"}");
        return send(client, HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path))
                .header("X-Auth-Token", token).header("Content-Type", "application/json").method(method, body).build());
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + ": "
                + response.headers().map()));
    }
}
