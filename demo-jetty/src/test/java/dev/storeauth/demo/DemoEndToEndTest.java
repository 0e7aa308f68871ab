package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.body;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: accounts made through the management endpoints, used against the store API on
 * real ports; rolled tokens during and without an overlap, and an allowlist refusing loopback.
 */
class DemoEndToEndTest {

    @TempDir
    static Path dataDir;
    static DemoFixture demo;
    static HttpClient owner;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(dataDir);
        owner = demo.client();
        csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void readOnlyTokenReadsButCannotWriteAndStopsWorkingWhenDeleted() throws Exception {
        JsonNode account = createOAuth("Reporting", Map.of("products", "read-only"));
        String token = account.get("access_token").asText();

        assertEquals(200, api("GET", "/v3/catalog/products", token, null).statusCode());
        HttpResponse<String> write = api("POST", "/v3/catalog/products", token, "{\"name\":\"Hat\"}");
        assertEquals(403, write.statusCode());
        assertTrue(write.body().contains("insufficient_scope"), write.body());

        HttpResponse<String> deleted = manage("DELETE", "api-accounts/" + account.get("id").asText(), null);
        assertEquals(204, deleted.statusCode());
        HttpResponse<String> after = api("GET", "/v3/catalog/products", token, null);
        assertEquals(401, after.statusCode());
        assertTrue(after.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                after.headers().map().toString());
    }

    @Test
    void aClientGetsAShortLivedTokenOverHttpsAndUsesItWithinTheScopeAskedFor() throws Exception {
        JsonNode account = createOAuth("Nightly export", Map.of("products", "modify", "orders", "read-only"));
        String basic = "Basic " + Base64.getEncoder().encodeToString((account.get("client_id").asText() + ":"
                + account.get("client_secret").asText()).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> granted = send(owner, HttpRequest.newBuilder(demo.https("/oauth2/token"))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=products%3Aread-only")).build());
        assertEquals(200, granted.statusCode(), granted.body());
        assertEquals("no-store", granted.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode token = json(granted);
        assertEquals("Bearer", token.get("token_type").asText());
        assertEquals("products:read-only", token.get("scope").asText());
        assertEquals(3600, token.get("expires_in").asInt());
        String accessToken = token.get("access_token").asText();

        assertEquals(200, api("GET", "/v3/catalog/products", accessToken, null).statusCode());
        assertEquals(200, send(owner, apiRequest("GET", "/v3/catalog/products", null)
                .header("Authorization", "Bearer " + accessToken).build()).statusCode());
        assertEquals(403, api("POST", "/v3/catalog/products", accessToken, "{\"name\":\"Hat\"}").statusCode());

        HttpResponse<String> plain = send(owner, HttpRequest.newBuilder(demo.http("/oauth2/token"))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertEquals(400, plain.statusCode(), plain.body());
        assertEquals("invalid_request", json(plain).get("error").asText());

        assertEquals(204, manage("DELETE", "api-accounts/" + account.get("id").asText(), null).statusCode());
        assertEquals(401, api("GET", "/v3/catalog/products", accessToken, null).statusCode());
    }

    @Test
    void modifyTokenCreatesRecords() throws Exception {
        String token = createOAuth("Stock sync", Map.of("products", "modify")).get("access_token").asText();

        HttpResponse<String> created = api("POST", "/v3/catalog/products", token, "{\"name\":\"Scarf\",\"price\":9}");

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("Scarf", json(created).get("data").get("name").asText());
        assertTrue(created.headers().firstValue("Location").orElseThrow().matches(".*/v3/catalog/products/[0-9]+"));
    }

    @Test
    void legacyAccountWorksOnV2AndIsRefusedOnV3() throws Exception {
        HttpResponse<String> issued = manage("POST", "legacy-accounts", Map.of("username", "erp-sync"));
        assertEquals(201, issued.statusCode(), issued.body());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("erp-sync:" + json(issued).get("api_token").asText()).getBytes(StandardCharsets.UTF_8));

        assertEquals(200, send(owner, apiRequest("GET", "/v2/products", null).header("Authorization", basic)
                .build()).statusCode());
        HttpResponse<String> v3 = send(owner, apiRequest("GET", "/v3/catalog/products", null)
                .header("Authorization", basic).build());
        assertEquals(401, v3.statusCode());
        assertTrue(v3.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                v3.headers().map().toString());
    }

    @Test
    void plainHttpRefusesApiCallsEvenWithAValidToken() throws Exception {
        String token = createOAuth("Plain", Map.of("products", "modify")).get("access_token").asText();

        HttpResponse<String> plain = send(owner, HttpRequest.newBuilder(
                demo.http("/stores/" + demo.storeHash() + "/v3/catalog/products"))
                .header("X-Auth-Token", token).GET().build());

        assertEquals(403, plain.statusCode());
        assertTrue(plain.body().contains("TLS"), plain.body());
    }

    @Test
    void staffIsToldOnlyTheOwnerCanCreate() throws Exception {
        HttpClient staff = demo.client();
        String staffCsrf = demo.signIn(staff, "staff@example.com", DemoFixture.STAFF_PASSWORD);

        HttpResponse<String> refused = demo.manage(staff, staffCsrf, "POST", "api-accounts", Map.of("name", "Mine"));

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("only the store owner"), refused.body());
    }

    @Test
    void aRolledTokenKeepsWorkingDuringItsOverlapAlongsideTheNewOne() throws Exception {
        JsonNode account = createOAuth("Rolling export", Map.of("orders", "read-only"));
        String old = account.get("access_token").asText();

        HttpResponse<String> rolled = manage("POST", "api-accounts/" + account.get("id").asText() + "/roll",
                Map.of("old_token_expires_in", 3600));

        assertEquals(200, rolled.statusCode(), rolled.body());
        String fresh = json(rolled).get("access_token").asText();
        Instant oldUntil = Instant.parse(json(rolled).get("old_token_expires_at").asText());
        assertTrue(!fresh.equals(old) && oldUntil.isAfter(Instant.now().plusSeconds(3000)), rolled.body());
        assertEquals(200, api("GET", "/v3/orders", old, null).statusCode(), "the old token, in the overlap");
        assertEquals(200, api("GET", "/v3/orders", fresh, null).statusCode(), "the new token");
        // The database keeps microseconds; the roll's answer may carry the clock's nanoseconds.
        assertEquals(oldUntil.truncatedTo(ChronoUnit.MICROS),
                Instant.parse(listed(account).get("old_token_expires_at").asText()).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aRollWithoutOverlapStopsTheOldTokenOnTheNextRequest() throws Exception {
        JsonNode account = createOAuth("Rolled at once", Map.of("orders", "read-only"));
        String old = account.get("access_token").asText();

        HttpResponse<String> rolled = manage("POST", "api-accounts/" + account.get("id").asText() + "/roll",
                Map.of("old_token_expires_in", 0));

        assertEquals(200, rolled.statusCode(), rolled.body());
        HttpResponse<String> refused = api("GET", "/v3/orders", old, null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                refused.headers().map().toString());
        assertEquals(200, api("GET", "/v3/orders", json(rolled).get("access_token").asText(), null).statusCode());
    }

    @Test
    void anAccountAllowlistedToAnotherNetworkIsRefusedFromLoopbackUntilTheListIsCleared() throws Exception {
        HttpResponse<String> created = manage("POST", "api-accounts", Map.of("name", "Office only",
                "scopes", Map.of("orders", "read-only"), "allowed_ips", List.of("203.0.113.0/24")));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("[\"203.0.113.0/24\"]", json(created).get("allowed_ips").toString());
        String token = json(created).get("access_token").asText();

        HttpResponse<String> refused = api("GET", "/v3/orders", token, null);

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("address_not_allowed", json(refused).get("code").asText(), refused.body());
        HttpResponse<String> cleared = manage("PUT", "api-accounts/" + json(created).get("id").asText()
                + "/allowed-ips", Map.of("allowed_ips", List.of()));
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertEquals(200, api("GET", "/v3/orders", token, null).statusCode());
    }

    /** The account as {@code GET api-accounts} lists it. */
    private static JsonNode listed(JsonNode account) throws Exception {
        for (JsonNode listed : json(manage("GET", "api-accounts", null))) {
            if (listed.get("id").asText().equals(account.get("id").asText())) {
                return listed;
            }
        }
        throw new AssertionError("not listed: " + account.get("id"));
    }

    private JsonNode createOAuth(String name, Map<String, String> scopes) throws Exception {
        HttpResponse<String> created = manage("POST", "api-accounts", Map.of("name", name, "scopes", scopes));
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    static HttpResponse<String> manage(String method, String path, Object json) throws Exception {
        return demo.manage(owner, csrf, method, path, json);
    }

    static HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        return send(owner, apiRequest(method, path, json).header("X-Auth-Token", token).build());
    }

    static HttpRequest.Builder apiRequest(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
    }
}
