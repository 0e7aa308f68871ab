package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's store API: JSON CRUD kept in the database, v2 bare and v3 enveloped, problems for bad input. */
class StoreApiTest {

    @TempDir
    static Path dataDir;
    static DemoFixture demo;
    static HttpClient client;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(dataDir);
        client = demo.client();
        String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        HttpResponse<String> created = demo.manage(client, csrf, "POST", "api-accounts", Map.of("name", "Everything",
                "scopes", Map.of("products", "modify", "orders", "modify", "customers", "modify",
                        "information_settings", "modify")));
        token = json(created).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void everyAnswerCarriesTheDefaultStoreQuotasHeaders() throws Exception {
        HttpResponse<String> listed = call("GET", "/v3/catalog/products", null);
        HttpResponse<String> missing = call("GET", "/v3/catalog/products/999999", null);

        assertEquals(200, listed.statusCode());
        assertEquals(404, missing.statusCode());
        for (HttpResponse<String> response : List.of(listed, missing)) {
            assertEquals("450", StoreQuotaTest.header(response, "X-Rate-Limit-Requests-Quota"));
            assertEquals("30000", StoreQuotaTest.header(response, "X-Rate-Limit-Time-Window-Ms"));
        }
        long before = Long.parseLong(StoreQuotaTest.header(listed, "X-Rate-Limit-Requests-Left"));
        assertEquals(before - 1, Long.parseLong(StoreQuotaTest.header(missing, "X-Rate-Limit-Requests-Left")));
    }

    @Test
    void v2CreatesReadsUpdatesAndDeletesARecord() throws Exception {
        JsonNode created = json(call("POST", "/v2/customers", "{\"email\":\"ann@example.com\",\"first_name\":\"Ann\"}"));
        String path = "/v2/customers/" + created.get("id").asLong();

        HttpResponse<String> updated = call("PUT", path, "{\"first_name\":\"Anne\",\"id\":999}");
        HttpResponse<String> read = call("GET", path, null);
        HttpResponse<String> deleted = call("DELETE", path, null);
        HttpResponse<String> gone = call("GET", path, null);

        assertEquals(200, updated.statusCode());
        assertEquals("Anne", json(read).get("first_name").asText());
        assertEquals("ann@example.com", json(read).get("email").asText());
        assertEquals(created.get("id").asLong(), json(read).get("id").asLong(), "the id cannot be overwritten");
        assertEquals(204, deleted.statusCode());
        assertEquals(404, gone.statusCode());
        assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void v2ListsABareArrayAndV3AnEnvelopeWithPagination() throws Exception {
        call("POST", "/v2/orders", "{\"total\":10}");
        call("POST", "/v3/orders", "{\"total\":20}");

        JsonNode v2 = json(call("GET", "/v2/orders", null));
        JsonNode v3 = json(call("GET", "/v3/orders?limit=1&page=2", null));

        assertTrue(v2.isArray() && v2.size() >= 2, v2.toString());
        assertEquals(1, v3.get("data").size());
        assertEquals(2, v3.get("meta").get("pagination").get("current_page").asInt());
        assertEquals(v2.size(), v3.get("meta").get("pagination").get("total").asInt());
    }

    @Test
    void badJsonIs400WithAProblemBody() throws Exception {
        HttpResponse<String> response = call("POST", "/v3/catalog/products", "{\"name\": ");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("not valid JSON"), response.body());
    }

    @Test
    void aJsonArrayIsNotARecord() throws Exception {
        assertEquals(400, call("POST", "/v3/catalog/products", "[1,2]").statusCode());
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        HttpResponse<String> response = send(client, request("/v3/catalog/products")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")).build());

        assertEquals(415, response.statusCode());
    }

    @Test
    void aRefusedBodyLeavesTheClientAUsableConnection() throws Exception {
        HttpClient oneConnection = demo.client();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> notJson = send(oneConnection, request("/v3/catalog/products")
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
            HttpResponse<String> wrongMethod = send(oneConnection, request("/v2/store")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            HttpResponse<String> next = send(oneConnection, request("/v2/store").DELETE().build());

            assertEquals(415, notJson.statusCode());
            assertEquals(405, wrongMethod.statusCode());
            assertEquals(405, next.statusCode(), "request " + i + " after refused bodies");
        }
    }

    @Test
    void onlyAnErrorAnswerToARequestWithABodyClosesTheConnection() throws Exception {
        HttpResponse<String> created = call("POST", "/v2/orders", "{\"total\":5}");
        HttpResponse<String> refused = call("POST", "/v2/store", "{}");
        HttpResponse<String> refusedWithoutBody = call("DELETE", "/v2/store", null);

        assertEquals(201, created.statusCode());
        assertEquals("", created.headers().firstValue("Connection").orElse(""));
        assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
        assertEquals("", refusedWithoutBody.headers().firstValue("Connection").orElse(""));
    }

    @Test
    void aBodyTooLargeIs413AndClosesTheConnection() throws Exception {
        String large = "{\"name\":\"" + "x".repeat(dev.storeauth.demo.web.JsonBody.MAX_BYTES) + "\"}";
        HttpResponse<String> response = call("POST", "/v3/catalog/products", large);
        HttpResponse<String> next = call("DELETE", "/v2/store", null);

        assertEquals(413, response.statusCode());
        assertEquals("close", response.headers().firstValue("Connection").orElse(""));
        assertEquals(405, next.statusCode());
    }

    @Test
    void badPagingIs400() throws Exception {
        assertEquals(400, call("GET", "/v3/orders?limit=100000", null).statusCode());
        assertEquals(400, call("GET", "/v3/orders?page=-1", null).statusCode());
    }

    @Test
    void storeSettingsCanBeReadAndChangedButNotTheirId() throws Exception {
        HttpResponse<String> changed = call("PUT", "/v2/store", "{\"name\":\"Hat Shop\",\"id\":\"other\"}");
        JsonNode read = json(call("GET", "/v2/store", null));

        assertEquals(200, changed.statusCode());
        assertEquals("Hat Shop", read.get("name").asText());
        assertEquals(demo.storeHash(), read.get("id").asText());
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> response = call("DELETE", "/v2/store", null);

        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD, PUT", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void aRouteTheDemoDoesNotServeIs404() throws Exception {
        assertEquals(404, call("GET", "/v3/orders/not-a-number", null).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/products", "/v3/catalog/products", "/v2/store", "/v3/catalog/products?limit=1"})
    void headAnswersWhereGetDoesWithTheSameHeadersAndNoBody(String path) throws Exception {
        HttpResponse<String> get = call("GET", path, null);
        String head = exchange("HEAD /stores/" + demo.storeHash() + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Auth-Token: " + token + "\r\nConnection: close\r\n\r\n");

        assertEquals(200, get.statusCode());
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        String lower = head.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("content-type: " + get.headers().firstValue("Content-Type").orElseThrow()
                .toLowerCase(Locale.ROOT)), head);
        assertTrue(lower.contains("content-length: " + get.body().getBytes(StandardCharsets.UTF_8)
                .length + "\r\n"), head);
        assertTrue(head.endsWith("\r\n\r\n"), "no body after the headers: " + head);
    }

    @Test
    void headOnARecordAnswersLikeGet() throws Exception {
        String path = "/v2/products/" + json(call("POST", "/v2/products", "{\"name\":\"Hat\"}")).get("id").asLong();

        HttpResponse<String> head = send(client, request(path).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        HttpResponse<String> missing = send(client, request("/v2/products/999999999")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(200, head.statusCode());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void aWrongMethodListsHeadAmongTheAllowedOnes() throws Exception {
        HttpResponse<String> response = call("PATCH", "/v3/catalog/products", "{}");

        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD, POST", response.headers().firstValue("Allow").orElse(""));
    }

    /** Sends {@code request} as written on a raw TLS connection; everything answered until it closes. */
    private static String exchange(String request) throws Exception {
        return new RawHttps(demo).exchange(request);
    }

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(client, request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path)).header("X-Auth-Token", token);
    }

    /**
     * A client may pause between the head and the body (Nagle's algorithm, a slow link): a small body
     * that arrives in two pieces a third of a second apart is read, not refused as too slow.
     */
    @Test
    void aSmallBodySentInTwoPiecesIsStored() throws Exception {
        String body = "{\"name\":\"Slow hat\",\"price\":1}";
        try (javax.net.ssl.SSLSocket socket = RawHttp.tlsSocket(demo.server.httpsPort(),
                demo.server.keystore().certificatePem(), "localhost")) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /stores/" + demo.storeHash() + "/v3/catalog/products HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Auth-Token: " + token + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            // The pause is the input under test, not a timing assertion.
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(300);
            out.write(body.substring(10).getBytes(StandardCharsets.UTF_8));
            out.flush();

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertEquals(201, response.status(), response.body());
        }
    }
}
