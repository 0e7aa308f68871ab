package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.servlet.ErrorFormat;
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
import org.junit.jupiter.params.provider.ValueSource;

/** The demo run with {@code --error-format bigcommerce}: the filter's denials and the store API's problems in the platform's shapes. */
class PlatformErrorFormatTest {

    private static final String TYPE = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

    @TempDir
    static Path dataDir;
    static DemoFixture demo;
    static HttpClient client;
    static String productsToken;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(DemoFixture.options(dataDir).withErrorFormat(ErrorFormat.BIGCOMMERCE));
        client = demo.client();
        String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        productsToken = json(demo.manage(client, csrf, "POST", "api-accounts", Map.of("name", "Products",
                "scopes", Map.of("products", "modify")))).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void aV3DenialIsTheObjectWithItsChallenge() throws Exception {
        HttpResponse<String> response = call("/v3/catalog/products", null);
        JsonNode body = json(response);

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="),
                response.headers().toString());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(401, body.get("status").asInt());
        assertEquals(TYPE, body.get("type").asText());
        assertTrue(body.get("errors").isObject(), response.body());
        assertTrue(!body.get("title").asText().isBlank(), response.body());
    }

    @Test
    void aV2DenialIsAListOfStatusAndMessage() throws Exception {
        HttpResponse<String> response = call("/v2/products.json", null);
        JsonNode body = json(response);

        assertEquals(401, response.statusCode());
        assertEquals(2, response.headers().allValues("WWW-Authenticate").size(), "Bearer and Basic on v2");
        assertEquals(401, body.get(0).get("status").asInt());
        assertTrue(!body.get(0).get("message").asText().isBlank(), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/orders", "/v3/orders"})
    void aScopeDenialIs403InTheVersionsShape(String path) throws Exception {
        HttpResponse<String> response = call(path, productsToken);
        JsonNode body = json(response);

        assertEquals(403, response.statusCode());
        JsonNode error = path.startsWith("/v2") ? body.get(0) : body;
        assertEquals(403, error.get("status").asInt());
        assertTrue((path.startsWith("/v2") ? error.get("message") : error.get("title")).asText().contains("orders"),
                response.body());
    }

    @Test
    void anXmlSuffixIs406InTheV2ShapeNamingJson() throws Exception {
        HttpResponse<String> response = call("/v2/products.xml", productsToken);
        JsonNode body = json(response);

        assertEquals(406, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(406, body.get(0).get("status").asInt());
        assertTrue(body.get(0).get("message").asText().contains("JSON"), response.body());
    }

    @Test
    void theStoreApisOwnProblemsFollowTheFormat() throws Exception {
        HttpResponse<String> response = call("/v3/catalog/products/999999", productsToken);

        assertEquals(404, response.statusCode());
        assertEquals(TYPE, json(response).get("type").asText());
    }

    private static HttpResponse<String> call(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return send(client, request.GET().build());
    }
}
