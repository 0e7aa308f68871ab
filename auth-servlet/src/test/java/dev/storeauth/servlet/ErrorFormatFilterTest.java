package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code error-format=bigcommerce} writes the filter's denials in the platform's shapes, v2 and v3,
 * with the statuses and headers of the default RFC 9457 format, in a real Jetty configured by init-params.
 */
class ErrorFormatFilterTest {

    private static final TestAccounts ACCOUNTS = SeededConfigurer.ACCOUNTS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAME_HEADERS = List.of("WWW-Authenticate", "Retry-After", "X-Retry-After",
            "X-Rate-Limit-Requests-Quota", "X-Rate-Limit-Time-Window-Ms", "Cache-Control");

    private JettyHarness jetty;

    @AfterEach
    void stopJetty() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"v3, 401", "v3, 403", "v3, 429", "v2, 401", "v2, 403", "v2, 429"})
    void bigcommerceKeepsTheStatusAndHeadersOfTheDefaultFormat(String version, int status) throws Exception {
        HttpResponse<String> rfc = denial("rfc9457", version, status);
        HttpResponse<String> platform = denial("bigcommerce", version, status);

        assertEquals(status, rfc.statusCode(), rfc.body());
        assertEquals(status, platform.statusCode(), platform.body());
        for (String name : SAME_HEADERS) {
            assertEquals(rfc.headers().allValues(name), platform.headers().allValues(name), name);
        }
        assertEquals(status != 429, !platform.headers().allValues("WWW-Authenticate").isEmpty(),
                "401 challenges, and so does 403 insufficient_scope");
        assertEquals(status == 429, platform.headers().firstValue("Retry-After").isPresent());
        assertEquals("application/problem+json", rfc.headers().firstValue("Content-Type").orElse(""));
        assertEquals("application/json", platform.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(platform.body().length(), platform.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @ParameterizedTest
    @CsvSource({"401", "403", "429"})
    void onV3ItIsTheObjectWithStatusTitleTypeAndErrors(int status) throws Exception {
        HttpResponse<String> response = denial("bigcommerce", "v3", status);
        JsonNode body = JSON.readTree(response.body());
        String detail = JSON.readTree(denial("rfc9457", "v3", status).body()).get("detail").asText();

        assertEquals(List.of("status", "title", "type", "errors"), fieldNames(body));
        assertEquals(status, body.get("status").asInt());
        assertEquals(detail, body.get("title").asText());
        assertEquals("https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes",
                body.get("type").asText());
        assertTrue(body.get("errors").isObject() && body.get("errors").isEmpty(), response.body());
    }

    @ParameterizedTest
    @CsvSource({"401", "403", "429"})
    void onV2ItIsAListOfOneStatusAndMessage(int status) throws Exception {
        HttpResponse<String> response = denial("bigcommerce", "v2", status);
        JsonNode body = JSON.readTree(response.body());
        String detail = JSON.readTree(denial("rfc9457", "v2", status).body()).get("detail").asText();

        assertTrue(body.isArray() && body.size() == 1, response.body());
        assertEquals(List.of("status", "message"), fieldNames(body.get(0)));
        assertEquals(status, body.get(0).get("status").asInt());
        assertEquals(detail, body.get(0).get("message").asText());
        assertFalse(detail.isBlank());
    }

    @Test
    void aPathThatIsNoStoreApiPathGetsTheV3Shape() throws Exception {
        start("bigcommerce");

        HttpResponse<String> response = jetty.send("GET", "/stores/store1/v4/products", true);

        assertEquals(404, response.statusCode(), response.body());
        assertEquals("https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes",
                JSON.readTree(response.body()).get("type").asText());
    }

    @Test
    void anUnknownFormatFailsInitNamingTheParameter() {
        Exception e = assertThrows(Exception.class, () -> start("problem"));

        assertTrue(String.valueOf(e.getMessage()).contains("error-format")
                || String.valueOf(e.getCause()).contains("error-format"), String.valueOf(e));
    }

    /** 401: no credential; 403: a products-only token on orders; 429: a store over its quota of 1. */
    private HttpResponse<String> denial(String format, String version, int status) throws Exception {
        stopJetty();
        start(format);
        String products = version.equals("v2") ? "/stores/store1/v2/products" : "/stores/store1/v3/catalog/products";
        String token = ACCOUNTS.modifyToken;
        return switch (status) {
            case 401 -> jetty.send("GET", products, true);
            case 403 -> jetty.send("GET", "/stores/store1/" + version + "/orders", true, "X-Auth-Token", token);
            default -> {
                assertEquals(200, jetty.send("GET", products, true, "X-Auth-Token", token).statusCode());
                yield jetty.send("GET", products, true, "X-Auth-Token", token);
            }
        };
    }

    private void start(String format) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("configurer", SeededConfigurer.class.getName());
        params.put("trusted-proxies", "127.0.0.1");
        params.put("store-quota", "1/1h");
        params.put("error-format", format);
        jetty = JettyHarness.fromInitParams(params);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
