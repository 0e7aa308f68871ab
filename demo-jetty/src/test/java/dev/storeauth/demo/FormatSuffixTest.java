package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v2 paths with {@code .json} are answered as the bare path, {@code .xml} with 406; both are guarded as the bare path. */
class FormatSuffixTest {

    @TempDir
    static Path dataDir;
    static DemoFixture demo;
    static HttpClient client;
    static String productsToken;
    static long productId;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(dataDir);
        client = demo.client();
        String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        productsToken = json(demo.manage(client, csrf, "POST", "api-accounts", Map.of("name", "Products",
                "scopes", Map.of("products", "modify", "information_settings", "read-only"))))
                .get("access_token").asText();
        productId = json(call("POST", "/v2/products", "{\"name\":\"Mug\"}")).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @ParameterizedTest
    @CsvSource({"/v2/products", "/v2/store", "/v2/products/{id}"})
    void aJsonSuffixIsAnsweredAsTheBarePath(String bare) throws Exception {
        String path = bare.replace("{id}", Long.toString(productId));
        HttpResponse<String> plain = call("GET", path, null);
        HttpResponse<String> suffixed = call("GET", path + ".json", null);

        assertEquals(200, suffixed.statusCode(), suffixed.body());
        assertEquals(json(plain), json(suffixed));
        assertEquals("application/json", suffixed.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void aJsonSuffixCreatesAsTheBarePathDoes() throws Exception {
        HttpResponse<String> created = call("POST", "/v2/products.json", "{\"name\":\"Cup\"}");

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("Cup", json(call("GET", "/v2/products/" + json(created).get("id").asLong() + ".json", null))
                .get("name").asText());
    }

    @ParameterizedTest
    @CsvSource({"/v2/products.xml", "/v2/store.xml", "/v2/products/{id}.xml"})
    void anXmlSuffixIs406NamingJson(String path) throws Exception {
        HttpResponse<String> answer = call("GET", path.replace("{id}", Long.toString(productId)), null);

        assertEquals(406, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("not_acceptable", json(answer).get("code").asText());
        assertTrue(json(answer).get("detail").asText().contains("JSON"), answer.body());
    }

    @Test
    void aSuffixedPathNeedsTheBarePathsScope() throws Exception {
        HttpResponse<String> orders = call("GET", "/v2/orders.json", null);

        assertEquals(403, orders.statusCode());
        assertTrue(json(orders).get("detail").asText().contains("orders"), orders.body());
    }

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path))
                .header("X-Auth-Token", productsToken);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(client, request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
