package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store API's input limits: whatever it stores it can list, whatever it refuses it refuses with
 * a 4xx naming the problem and without storing anything.
 */
class StoreApiLimitsTest {

    static final String PRODUCTS = "/v3/catalog/products";

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
                "scopes", Map.of("products", "modify", "information_settings", "modify")));
        token = json(created).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** A record whose whole document nests {@code depth} levels: the record object and depth - 1 arrays. */
    static String nested(int depth) {
        return "{\"deep\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @Test
    void theDeepestAllowedRecordIsStoredAndItsCollectionStillLists() throws Exception {
        HttpResponse<String> created = call("POST", PRODUCTS, nested(32));

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, call("GET", PRODUCTS + "?limit=250", null).statusCode());
        assertEquals(200, call("GET", "/v2/products?limit=250", null).statusCode());
        assertEquals(200, call("GET", PRODUCTS + "/" + json(created).get("data").get("id").asLong(), null)
                .statusCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 998, 999, 1000, 5000})
    void aRecordNestedDeeperThanTheLimitIs400AndStoresNothing(int depth) throws Exception {
        long before = total();

        HttpResponse<String> response = call("POST", PRODUCTS, nested(depth));

        assertProblem(response, 400, "deep" + "[0]".repeat(31));
        assertTrue(response.body().contains("deeper than 32 levels"), response.body());
        assertEquals(before, total(), "nothing stored");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"a\",\"name\":\"b\"}           | name          | name",
        "{\"dims\":{\"w\":1,\"h\":2,\"w\":3}}       | dims.w        | w",
        "{\"price\":NaN}                           | price         | not a JSON number",
        "{\"price\":Infinity}                      | price         | not a JSON number",
        "{\"price\":-Infinity}                     | price         | not a JSON number",
        "{\"price\":1e400}                         | price         | finite",
        "{\"price\":-1e400}                        | price         | finite",
        "{\"stock\":9223372036854775808}            | stock         | integer",
        "{\"stock\":-99999999999999999999}          | stock         | integer",
        "{\"variants\":[{\"sku\":1},{\"sku\":1e999}]} | variants[1].sku | finite",
        "{\"name\":\"Hat \\ud83c\"}                  | name          | not Unicode text",
    })
    void ambiguousOrUnstorableValuesAre400NamingTheFieldAndStoreNothing(String body, String field, String detail)
            throws Exception {
        long before = total();

        HttpResponse<String> response = call("POST", PRODUCTS, body);

        JsonNode problem = assertProblem(response, 400, field);
        assertTrue(problem.get("detail").asText().contains(detail), problem.toString());
        assertEquals(before, total(), "nothing stored");
    }

    @Test
    void theLargestStorableNumbersAreStoredAsSent() throws Exception {
        HttpResponse<String> created = call("POST", "/v2/products",
                "{\"stock\":9223372036854775807,\"low\":-9223372036854775808,\"price\":1.7976931348623157e308}");

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(Long.MAX_VALUE, json(created).get("stock").asLong());
        assertEquals(Long.MIN_VALUE, json(created).get("low").asLong());
        assertEquals(Double.MAX_VALUE, json(created).get("price").asDouble());
    }

    @Test
    void aRecordLongerThanItsColumnIs413NamingTheBodyNotA503() throws Exception {
        String expanding = "{\"n\":[" + "1e5,".repeat(16_000) + "1]}";
        long before = total();

        HttpResponse<String> response = call("POST", PRODUCTS, expanding);

        assertProblem(response, 413, "body");
        assertTrue(response.body().contains("100000 characters"), response.body());
        assertEquals(before, total(), "nothing stored");
    }

    @Test
    void aMergeThatWouldOutgrowTheColumnIs413AndLeavesTheRecordAsItWas() throws Exception {
        HttpResponse<String> created = call("POST", "/v2/products", "{\"a\":\"" + "x".repeat(60_000) + "\"}");
        String path = "/v2/products/" + json(created).get("id").asLong();

        HttpResponse<String> response = call("PUT", path, "{\"b\":\"" + "y".repeat(60_000) + "\"}");

        assertProblem(response, 413, "body");
        assertFalse(json(call("GET", path, null)).has("b"), "the record is unchanged");
    }

    @Test
    void settingsThatWouldOutgrowTheirColumnAre413AndLeaveTheSettingsAsTheyWere() throws Exception {
        String before = call("GET", "/v2/store", null).body();

        HttpResponse<String> first = call("PUT", "/v2/store", "{\"a\":\"" + "x".repeat(60_000) + "\"}");
        HttpResponse<String> second = call("PUT", "/v2/store", "{\"b\":\"" + "y".repeat(60_000) + "\"}");
        call("PUT", "/v2/store", "{\"a\":null}");

        assertEquals(200, first.statusCode(), first.body());
        assertProblem(second, 413, "body");
        assertFalse(json(call("GET", "/v2/store", null)).has("b"), "the settings are unchanged");
        assertTrue(before.length() > 2);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413BeforeAnyOfItIsSent() throws Exception {
        String head = "POST /stores/" + demo.storeHash() + PRODUCTS + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Auth-Token: " + token + "\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n";

        String response = exchange(head);

        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
        assertTrue(response.contains("65536 bytes"), response);
        assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), response);
    }

    private static long total() throws Exception {
        HttpResponse<String> list = call("GET", PRODUCTS + "?limit=1", null);
        assertEquals(200, list.statusCode(), list.body());
        return json(list).get("meta").get("pagination").get("total").asLong();
    }

    /** Asserts a problem body with {@code status} naming {@code field}, and that it names no exception. */
    private static JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0]);
        JsonNode problem = json(response);
        assertEquals(field, problem.path("field").asText(), response.body());
        assertFalse(response.body().matches("(?s).*(Exception|jackson|\\.[A-Z][A-Za-z]+\\.).*"), response.body());
        return problem;
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
}
