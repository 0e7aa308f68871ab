package dev.storeauth.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.spring.app.StoreApiApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the starter must do for a Spring Boot store API over any database, through real HTTP to the
 * embedded Tomcat: subclasses choose the database.
 */
abstract class StoreApiContract {

    static final String STORE = "abc123";
    static final String PRODUCTS = "/stores/" + STORE + "/v3/catalog/products";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aRequestWithoutACredentialIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = send(get(PRODUCTS).build());
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer realm=\"storeauth\""),
                response.headers().map().toString());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anAccountTheOwnerCreatesThroughTheManagementEndpointReadsProducts() throws Exception {
        String token = createAccount("read-only");
        HttpResponse<String> response = send(get(PRODUCTS).header("X-Auth-Token", token).build());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(STORE, JSON.readTree(response.body()).get("store").asText());
    }

    @Test
    void aReadOnlyAccountPostingProductsIs403() throws Exception {
        String token = createAccount("read-only");
        HttpResponse<String> response = send(get(PRODUCTS).header("X-Auth-Token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void aModifyAccountPostingProductsReachesTheController() throws Exception {
        String token = createAccount("modify");
        HttpResponse<String> response = send(get(PRODUCTS).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).get("created").asBoolean());
    }

    @Test
    void theManagementEndpointRefusesACallerWhoIsNotTheOwner() throws Exception {
        HttpResponse<String> response = send(get("/manage/stores/" + STORE + "/api-accounts")
                .header("X-Test-User", "staff@example.com").build());
        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void theTokenEndpointIsServedAndRefusesPlainHttp() throws Exception {
        HttpResponse<String> response = send(get("/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", JSON.readTree(response.body()).get("error").asText());
    }

    /** Creates an OAuth account with {@code scope} on products as the owner; returns its access token. */
    String createAccount(String scope) throws IOException, InterruptedException {
        String body = "{\"name\":\"Spring test\",\"scopes\":{\"products\":\"" + scope + "\"}}";
        HttpResponse<String> response = send(get("/manage/stores/" + STORE + "/api-accounts")
                .header("X-Test-User", StoreApiApplication.OWNER).header("X-CSRF-Token", StoreApiApplication.CSRF)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, response.statusCode(), response.body());
        JsonNode created = JSON.readTree(response.body());
        return created.get("access_token").asText();
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
