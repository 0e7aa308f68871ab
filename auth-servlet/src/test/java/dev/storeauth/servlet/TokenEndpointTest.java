package dev.storeauth.servlet;

import static dev.storeauth.servlet.TokenEndpointServer.CHALLENGE;
import static dev.storeauth.servlet.TokenEndpointServer.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.lifecycle.IssuedCredentials;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint in a real Jetty over HTTPS: a client gets a token by HTTP Basic or by body
 * fields, and the filter in front of the store API accepts it as {@code X-Auth-Token} and as
 * {@code Authorization: Bearer}, within the scope granted.
 */
class TokenEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCTS = "/stores/abc/v3/catalog/products";

    private TokenEndpointServer server;
    private IssuedCredentials.OAuth client;

    @BeforeEach
    void start() throws Exception {
        server = new TokenEndpointServer(5);
        client = server.client;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static void assertTokenEndpointHeaders(HttpResponse<String> answer) {
        assertEquals(Optional.of("no-store"), answer.headers().firstValue("Cache-Control"), answer.body());
        assertEquals(Optional.of("no-cache"), answer.headers().firstValue("Pragma"));
        // A charset's name is case-insensitive (RFC 9110 section 8.3.2); Jetty writes it in lower case.
        assertEquals("application/json;charset=utf-8",
                answer.headers().firstValue("Content-Type").orElseThrow().toLowerCase(Locale.ROOT));
    }

    private JsonNode granted(HttpResponse<String> answer) throws Exception {
        assertEquals(200, answer.statusCode(), answer.body());
        assertTokenEndpointHeaders(answer);
        JsonNode body = JSON.readTree(answer.body());
        assertEquals("Bearer", body.get("token_type").asText());
        assertTrue(body.get("access_token").asText().startsWith("sst_"), answer.body());
        assertEquals(3600, body.get("expires_in").asLong());
        assertEquals(4, body.size(), answer.body());
        return body;
    }

    @Test
    void aClientGrantedByBasicCallsTheStoreApiWithTheTokenInEitherHeader() throws Exception {
        JsonNode body = granted(server.token("grant_type=client_credentials",
                "Authorization", basic(client.clientId(), client.clientSecret())));
        assertEquals("products:modify orders:read-only", body.get("scope").asText());
        String token = body.get("access_token").asText();

        HttpResponse<String> byXAuthToken = server.send("GET", PRODUCTS, null, "X-Auth-Token", token);
        HttpResponse<String> byBearer = server.send("POST", PRODUCTS, "{}", "Authorization", "Bearer " + token);

        assertEquals(200, byXAuthToken.statusCode(), byXAuthToken.body());
        assertTrue(byXAuthToken.body().contains("products:modify=true"), byXAuthToken.body());
        assertEquals(200, byBearer.statusCode(), byBearer.body());
    }

    @Test
    void aClientGrantedByBodyFieldsGetsTheSameToken() throws Exception {
        JsonNode body = granted(server.token("grant_type=client_credentials&client_id=" + client.clientId()
                + "&client_secret=" + client.clientSecret()));
        HttpResponse<String> call = server.send("GET", PRODUCTS, null, "X-Auth-Token", body.get("access_token").asText());
        assertEquals(200, call.statusCode(), call.body());
    }

    @Test
    void basicWithTheSameClientIdInTheBodyIsGranted() throws Exception {
        granted(server.token("grant_type=client_credentials&client_id=" + client.clientId(),
                "Authorization", basic(client.clientId(), client.clientSecret())));
    }

    @Test
    void basicCredentialsAreFormUrlDecodedBeforeTheyAreChecked() throws Exception {
        String encodedId = "%73" + client.clientId().substring(1);
        String pair = encodedId + ":" + client.clientSecret();
        granted(server.token("grant_type=client_credentials", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aNarrowedScopeReadsButMayNotModify() throws Exception {
        JsonNode body = granted(server.token("grant_type=client_credentials&scope=products%3Aread-only",
                "Authorization", basic(client.clientId(), client.clientSecret())));
        assertEquals("products:read-only", body.get("scope").asText());
        String token = body.get("access_token").asText();

        assertEquals(200, server.send("GET", PRODUCTS, null, "X-Auth-Token", token).statusCode());
        HttpResponse<String> modify = server.send("POST", PRODUCTS, "{}", "X-Auth-Token", token);
        assertEquals(403, modify.statusCode(), modify.body());
        assertTrue(modify.body().contains("products"), modify.body());
        assertEquals(403, server.send("GET", "/stores/abc/v3/orders", null, "X-Auth-Token", token).statusCode());
    }

    @Test
    void aPlainHttpGetWithCredentialsIsToldAboutHttpsBeforeAboutTheMethod() throws Exception {
        HttpResponse<String> answer = server.sendPlain("GET", "/oauth2/token", null,
                "Authorization", basic(client.clientId(), client.clientSecret()));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTokenEndpointHeaders(answer);
        assertTrue(JSON.readTree(answer.body()).get("error_description").asText().contains("HTTPS"), answer.body());
        assertFalse(answer.headers().firstValue("Allow").isPresent());
    }

    @Test
    void plainHttpNeverGetsAToken() throws Exception {
        HttpResponse<String> answer = server.sendPlain("POST", "/oauth2/token", "grant_type=client_credentials",
                "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", basic(client.clientId(), client.clientSecret()));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTokenEndpointHeaders(answer);
        JsonNode body = JSON.readTree(answer.body());
        assertEquals("invalid_request", body.get("error").asText());
        assertTrue(body.get("error_description").asText().contains("HTTPS"), answer.body());
        assertFalse(answer.body().contains("access_token"));
    }

    @Test
    void aBodyDeclaredOverTheCapIsRefusedBeforeAByteOfItIsSent() throws Exception {
        String answer = server.headOnly("Content-Type: application/x-www-form-urlencoded",
                "Content-Length: " + (TokenEndpointServlet.MAX_BODY_BYTES + 1),
                "Authorization: " + basic(client.clientId(), client.clientSecret()));

        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("cache-control: no-store"), answer);
        assertTrue(answer.contains("Connection: close"), answer);
        assertTrue(answer.contains("\"error_description\":\"the body must be at most 4096 bytes\""), answer);
    }

    @Test
    void aBodyOverTheCapIsRefused() throws Exception {
        String padding = "&pad=" + "x".repeat(TokenEndpointServlet.MAX_BODY_BYTES);
        HttpResponse<String> answer = server.token("grant_type=client_credentials" + padding,
                "Authorization", basic(client.clientId(), client.clientSecret()));
        assertEquals(413, answer.statusCode(), answer.body());
        assertTokenEndpointHeaders(answer);
    }

    @Test
    void repeatedFailuresFromAnAddressAreThrottledWithRetryAfter() throws Exception {
        String wrong = basic(client.clientId(), client.clientSecret().substring(0, 41) + "x");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = server.token("grant_type=client_credentials", "Authorization", wrong);
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(List.of(CHALLENGE), refused.headers().allValues("WWW-Authenticate"));
        }
        HttpResponse<String> throttled = server.token("grant_type=client_credentials", "Authorization", wrong);
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTokenEndpointHeaders(throttled);
        assertEquals("temporarily_unavailable", JSON.readTree(throttled.body()).get("error").asText());
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        // A client this node has not proven waits out its address's bucket like anyone there.
        assertEquals(429, server.token("grant_type=client_credentials",
                "Authorization", basic(client.clientId(), client.clientSecret())).statusCode());
    }

    @Test
    void aClientProvenBeforeIsNotThrottledForFailuresAtItsAddress() throws Exception {
        granted(server.token("grant_type=client_credentials", "Authorization", basic(client.clientId(), client.clientSecret())));
        String wrong = basic(client.clientId(), client.clientSecret().substring(0, 41) + "x");
        for (int i = 0; i < 6; i++) {
            server.token("grant_type=client_credentials", "Authorization", wrong);
        }
        assertEquals(429, server.token("grant_type=client_credentials", "Authorization", wrong).statusCode());
        granted(server.token("grant_type=client_credentials", "Authorization", basic(client.clientId(), client.clientSecret())));
    }

    @Test
    void theTokenCarriesTheAccountsScopesAsItHoldsThem() throws Exception {
        IssuedCredentials.OAuth reader = server.create(Map.of("orders", "read-only"));
        JsonNode body = granted(server.token("grant_type=client_credentials",
                "Authorization", basic(reader.clientId(), reader.clientSecret())));
        assertEquals("orders:read-only", body.get("scope").asText());
        assertEquals(403, server.send("GET", PRODUCTS, null, "X-Auth-Token", body.get("access_token").asText()).statusCode());
    }

    @Test
    void invalidClientAlwaysChallengesBasic() throws Exception {
        HttpResponse<String> answer = server.token("grant_type=client_credentials");
        assertEquals(401, answer.statusCode());
        assertEquals(Optional.of(CHALLENGE), answer.headers().firstValue("WWW-Authenticate"));
    }
}
