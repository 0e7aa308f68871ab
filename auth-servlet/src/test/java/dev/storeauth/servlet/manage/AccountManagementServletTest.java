package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.Usage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import static dev.storeauth.servlet.manage.ManagementServer.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountManagementServletTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PRODUCTS = "/stores/abc123/v3/catalog/products";

    final ManagementServer server = new ManagementServer();

    AccountManagementServletTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode body = json(response);
        assertEquals("urn:storeauth:problem:" + code, body.get("type").asText());
        assertEquals(status, body.get("status").asInt());
        return body;
    }

    JsonNode create(String name) throws Exception {
        HttpResponse<String> response = server.owner("POST", "api-accounts",
                "{\"name\":\"" + name + "\",\"scopes\":{\"products\":\"modify\",\"orders\":\"read-only\"}}");
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void createReturnsTheSecretsOnceAndTheListNeverShowsThem() throws Exception {
        JsonNode created = create("Stock sync");
        assertEquals("https://api.example.com/stores/abc123/v3/", created.get("api_path").asText());
        assertTrue(created.get("client_id").asText().startsWith("sci_"));
        String secret = created.get("client_secret").asText();
        String token = created.get("access_token").asText();
        assertTrue(secret.startsWith("scs_") && token.startsWith("sat_"));
        assertEquals("modify", created.get("scopes").get("products").asText());
        assertEquals("read-only", created.get("scopes").get("orders").asText());
        assertFalse(created.get("scopes").has("customers"));
        assertTrue(created.get("credentials_txt").asText().contains("client_secret: " + secret));
        assertFalse(created.get("created_at").asText().isEmpty());

        HttpResponse<String> list = server.owner("GET", "api-accounts", null);
        assertEquals(200, list.statusCode());
        assertEquals("no-store", list.headers().firstValue("Cache-Control").orElseThrow());
        assertFalse(list.body().contains(secret) || list.body().contains(token), list.body());
        JsonNode listed = json(list).get(0);
        assertEquals(created.get("id"), listed.get("id"));
        assertEquals(created.get("scopes"), listed.get("scopes"));
        assertTrue(listed.get("last_used_at").isNull());
        assertTrue(listed.get("last_used_from").isNull());
        assertTrue(listed.get("expires_at").isNull());
        assertTrue(listed.get("old_token_expires_at").isNull());
        assertEquals(JSON.createArrayNode(), listed.get("allowed_ips"));
        assertFalse(listed.has("client_secret") || listed.has("access_token"));
        assertEquals(AuditAction.OAUTH_ACCOUNT_CREATED, server.events.get(0).action());

        server.repository.recordLastUsed(Map.of(created.get("id").asText(),
                new Usage(Instant.parse("2026-03-04T05:06:07Z"), Optional.of("203.0.113.7"))));
        JsonNode used = json(server.owner("GET", "api-accounts", null)).get(0);
        assertEquals("2026-03-04T05:06:07Z", used.get("last_used_at").asText());
        assertEquals("203.0.113.7", used.get("last_used_from").asText());
    }

    @Test
    void withoutAPrincipalEveryEndpointIs401WithAChallenge() throws Exception {
        HttpResponse<String> response = server.send("GET", "/manage/stores/abc123/api-accounts", null, null, null);
        problem(response, 401, "not_signed_in");
        assertEquals("Session realm=\"storeauth-manage\"",
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void aNonOwnerIsRefused403AndNothingIsCreated() throws Exception {
        problem(server.send("POST", "/manage/stores/abc123/api-accounts", "mallory", "csrf-mallory",
                "{\"name\":\"Sneaky one\"}"), 403, "not_owner");
        problem(server.send("GET", "/manage/stores/abc123/api-accounts", "mallory", null, null), 403, "not_owner");
        problem(server.send("GET", "/manage/stores/other1/legacy-accounts", OWNER, null, null), 403, "not_owner");
        problem(server.send("POST", "/manage/stores/abc123/api-accounts", "mallory", null, "{\"name\":"), 403,
                "not_owner");
        assertTrue(server.repository.oauthAccounts("abc123").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":                          | body   | not valid JSON",
        "[1,2]                               | body   | must be a JSON object",
        "{}                                  | name   | name is required",
        "{\"name\":42}                       | name   | name is required",
        "{\"name\":\"abc\"}                  | name   | name must be 4-100",
        "{\"name\":\"Good\",\"scopes\":\"x\"}  | scopes | scopes must be an object",
        "{\"name\":\"Good\",\"scopes\":{\"widgets\":\"modify\"}}  | scopes | unknown scope resource: widgets",
        "{\"name\":\"Good\",\"scopes\":{\"orders\":\"write\"}}    | scopes | unknown level for orders: write",
        "{\"name\":\"Good\",\"scopes\":{\"orders\":1}}            | scopes | the level of orders must be a string",
    })
    void badInputIs400NamingTheField(String body, String field, String detail) throws Exception {
        JsonNode problem = problem(server.owner("POST", "api-accounts", body), 400, "invalid_request");
        assertEquals(field, problem.get("field").asText());
        assertTrue(problem.get("detail").asText().contains(detail), problem.toString());
        assertTrue(server.repository.oauthAccounts("abc123").isEmpty());
    }

    @Test
    void theFiftyFirstAccountIs409SayingTheLimitIs50PerStore() throws Exception {
        for (int i = 0; i < 50; i++) {
            create("Account " + i);
        }
        JsonNode problem = problem(server.owner("POST", "api-accounts", "{\"name\":\"One too many\"}"), 409,
                "limit_reached");
        assertTrue(problem.get("detail").asText().contains("limit is 50 OAuth API accounts per store"));
        assertEquals(50, server.repository.oauthAccounts("abc123").size());
    }

    @Test
    void aDeletedAccountsTokenStopsWorkingOnTheNextRequest() throws Exception {
        JsonNode created = create("Stock sync");
        String token = created.get("access_token").asText();
        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", token).statusCode());
        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", token).statusCode());

        HttpResponse<String> deleted = server.owner("DELETE", "api-accounts/" + created.get("id").asText(), null);
        assertEquals(204, deleted.statusCode());
        assertEquals("no-store", deleted.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> after = server.api(PRODUCTS, "X-Auth-Token", token);
        assertEquals(401, after.statusCode());
        assertTrue(after.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        problem(server.owner("DELETE", "api-accounts/" + created.get("id").asText(), null), 404, "not_found");
    }

    @Test
    void bulkDeleteReportsHowManyWereDeletedAndRevokesThem() throws Exception {
        JsonNode a = create("Account A");
        JsonNode b = create("Account B");
        create("Account C");
        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", a.get("access_token").asText()).statusCode());
        HttpResponse<String> response = server.owner("POST", "api-accounts/delete",
                "{\"ids\":[" + a.get("id") + "," + b.get("id") + ",\"unknown\"]}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, json(response).get("deleted").asInt());
        assertEquals(1, server.repository.oauthAccounts("abc123").size());
        assertEquals(401, server.api(PRODUCTS, "X-Auth-Token", a.get("access_token").asText()).statusCode());
        assertEquals("ids", problem(server.owner("POST", "api-accounts/delete", "{\"ids\":[]}"), 400,
                "invalid_request").get("field").asText());
    }

    @Test
    void stateChangingRequestsNeedTheCsrfHeaderToken() throws Exception {
        String path = "/manage/stores/abc123/api-accounts";
        String body = "{\"name\":\"Stock sync\"}";
        problem(server.send("POST", path, OWNER, null, body), 403, "csrf_token_missing_or_wrong");
        problem(server.send("POST", path, OWNER, "csrf-mallory", body), 403, "csrf_token_missing_or_wrong");
        problem(server.send("DELETE", path + "/x", OWNER, null, null), 403, "csrf_token_missing_or_wrong");
        assertTrue(server.repository.oauthAccounts("abc123").isEmpty());
        assertEquals(200, server.send("GET", path, OWNER, null, null).statusCode());
    }

    @Test
    void aRefusalThatLeavesTheBodyUnreadClosesTheConnection() throws Exception {
        String path = "/manage/stores/abc123/api-accounts";
        HttpResponse<String> withBody = server.send("POST", path, OWNER, null, "{\"name\":\"Stock sync\"}");
        HttpResponse<String> withoutBody = server.send("DELETE", path + "/x", OWNER, null, null);

        assertEquals(403, withBody.statusCode());
        assertEquals("close", withBody.headers().firstValue("Connection").orElse(""));
        assertEquals(403, withoutBody.statusCode());
        assertEquals("", withoutBody.headers().firstValue("Connection").orElse(""));
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithAllow() throws Exception {
        problem(server.owner("GET", "nothing-here", null), 404, "not_found");
        String id = create("Stock sync").get("id").asText();
        HttpResponse<String> again = server.owner("GET", "api-accounts/" + id + "/credentials.txt", null);
        problem(again, 404, "not_found");
        assertFalse(again.body().contains("scs_") || again.body().contains("sat_"));
        problem(server.send("GET", "/manage/stores/NOT_A_HASH/api-accounts", OWNER, null, null), 404, "not_found");
        HttpResponse<String> response = server.owner("PUT", "api-accounts", "{}");
        problem(response, 405, "method_not_allowed");
        assertEquals("GET, HEAD, POST", response.headers().firstValue("Allow").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-accounts", "legacy-accounts", "audit-events", "credential-policy"})
    void headAnswersWhereverGetDoesWithTheSameHeadersAndNoBody(String list) throws Exception {
        create("Stock sync");
        HttpResponse<String> get = server.owner("GET", list, null);
        HttpResponse<String> head = server.owner("HEAD", list, null);

        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
        assertEquals(get.headers().firstValue("Cache-Control"), head.headers().firstValue("Cache-Control"));
    }

    @Test
    void anUnavailableStoreIs503NotA500() throws Exception {
        AccountRepository down = Mockito.mock(AccountRepository.class, invocation -> {
            throw new RepositoryUnavailableException("database down");
        });
        try (ManagementServer broken = new ManagementServer(down)) {
            problem(broken.owner("GET", "api-accounts", null), 503, "repository_unavailable");
            problem(broken.owner("POST", "api-accounts", "{\"name\":\"Stock sync\"}"), 503, "repository_unavailable");
        }
    }
}
