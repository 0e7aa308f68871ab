package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics-port}: off by default; when given, plain HTTP on 127.0.0.1 serving the storeauth
 * meters in Prometheus text at {@code /metrics} and the health at {@code /health}, nothing else.
 */
class MetricsPortTest {

    @TempDir
    Path dataDir;

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheOptionThereIsNoMetricsPort() throws Exception {
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            assertEquals(OptionalInt.empty(), demo.server.metricsPort());
        }
    }

    @Test
    void aScrapeShowsTheAuthenticationsTheDemoDecidedByTheirOutcome() throws Exception {
        try (DemoFixture demo = DemoFixture.start(DemoFixture.options(dataDir).withMetricsPort(OptionalInt.of(0)))) {
            HttpClient client = demo.client();
            String products = "/stores/" + demo.storeHash() + "/v3/catalog/products";
            assertEquals(401, get(client, demo.https(products)).statusCode());
            HttpResponse<String> invalid = client.send(HttpRequest.newBuilder(demo.https(products))
                    .header("X-Auth-Token", "0123456789abcdefghijklmnopqrstu").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, invalid.statusCode());

            URI metrics = URI.create("http://127.0.0.1:" + demo.server.metricsPort().getAsInt() + "/metrics");
            HttpResponse<String> scrape = get(HttpClient.newHttpClient(), metrics);

            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(scrape.body().contains(
                    "storeauth_authentications_total{outcome=\"missing_credentials\",scheme=\"none\"} 1.0"), scrape.body());
            assertTrue(scrape.body().contains("storeauth_cache_requests_total{result=\"hit\"}"), scrape.body());
            assertTrue(scrape.body().contains("storeauth_changefeed_reconnects_total 0.0"), scrape.body());
            assertTrue(!scrape.body().contains(demo.storeHash()), "no store hash in any tag");
        }
    }

    @Test
    void healthIsJsonAndOtherPathsAndMethodsAreRefused() throws Exception {
        try (DemoFixture demo = DemoFixture.start(DemoFixture.options(dataDir).withMetricsPort(OptionalInt.of(0)))) {
            String base = "http://127.0.0.1:" + demo.server.metricsPort().getAsInt();
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> health = get(client, URI.create(base + "/health"));
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"UP\",\"details\":{\"changeFeed\":\"connected\",\"store\":\"up\"}}\n", health.body());
            assertEquals(404, get(client, URI.create(base + "/manage/")).statusCode());
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }
}
