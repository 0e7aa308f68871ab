package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LegacyAccountEndpointsTest {

    static final String V2 = "/stores/abc123/v2/products";

    final ManagementServer server = new ManagementServer();

    LegacyAccountEndpointsTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    int callV2(String username, String token) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = server.api(V2, "Authorization", "Basic " + basic);
        if (response.statusCode() == 401) {
            assertTrue(response.headers().allValues("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Basic ")),
                    response.headers().allValues("WWW-Authenticate")::toString);
        }
        return response.statusCode();
    }

    JsonNode createBob() throws Exception {
        HttpResponse<String> response = server.owner("POST", "legacy-accounts", "{\"username\":\"bob\"}");
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void createReturnsUsernameApiPathAndTokenOnceAndTheTokenWorks() throws Exception {
        JsonNode created = createBob();
        assertEquals("bob", created.get("username").asText());
        assertEquals("https://api.example.com/stores/abc123/v2/", created.get("api_path").asText());
        String token = created.get("api_token").asText();
        assertTrue(token.startsWith("slt_"));
        assertEquals(200, callV2("bob", token));

        HttpResponse<String> list = server.owner("GET", "legacy-accounts", null);
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains(token), list.body());
        JsonNode listed = json(list).get(0);
        assertEquals("bob", listed.get("username").asText());
        assertFalse(listed.get("created_at").asText().isEmpty());
        assertTrue(listed.get("last_used_at").isNull() && listed.get("last_used_from").isNull());
        assertTrue(listed.get("old_token_expires_at").isNull());
    }

    @Test
    void aUsernameRejectedBeforeCreationWorksRightAfterIt() throws Exception {
        assertEquals(401, callV2("bob", new SecretGenerator().generate(SecretKind.LEGACY_TOKEN)));
        String token = createBob().get("api_token").asText();
        assertEquals(200, callV2("bob", token));
    }

    @Test
    void duplicateUsernameIs409AndABadOneIs400NamingTheField() throws Exception {
        createBob();
        problem(server.owner("POST", "legacy-accounts", "{\"username\":\"bob\"}"), 409, "duplicate");
        JsonNode bad = problem(server.owner("POST", "legacy-accounts", "{\"username\":\"b o b\"}"), 400,
                "invalid_request");
        assertEquals("username", bad.get("field").asText());
        assertEquals("username", problem(server.owner("POST", "legacy-accounts", "{}"), 400, "invalid_request")
                .get("field").asText());
    }

    @Test
    void regenerateReturnsANewTokenAndTheOldOneFailsOnTheNextRequest() throws Exception {
        String old = createBob().get("api_token").asText();
        assertEquals(200, callV2("bob", old));
        HttpResponse<String> response = server.owner("POST", "legacy-accounts/bob/token", null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        String fresh = json(response).get("api_token").asText();
        assertNotEquals(old, fresh);
        assertEquals(401, callV2("bob", old));
        assertEquals(200, callV2("bob", fresh));
        problem(server.owner("POST", "legacy-accounts/ghost/token", null), 404, "not_found");
    }

    @Test
    void deleteIs204ThenTheTokenFailsAndASecondDeleteIs404() throws Exception {
        String token = createBob().get("api_token").asText();
        assertEquals(200, callV2("bob", token));
        assertEquals(204, server.owner("DELETE", "legacy-accounts/bob", null).statusCode());
        assertEquals(401, callV2("bob", token));
        problem(server.owner("DELETE", "legacy-accounts/bob", null), 404, "not_found");
    }

    @Test
    void aNonOwnerCannotTouchLegacyAccounts() throws Exception {
        createBob();
        String base = "/manage/stores/abc123/legacy-accounts";
        problem(server.send("POST", base, "mallory", "csrf-mallory", "{\"username\":\"eve\"}"), 403, "not_owner");
        problem(server.send("POST", base + "/bob/token", "mallory", "csrf-mallory", null), 403, "not_owner");
        problem(server.send("DELETE", base + "/bob", "mallory", "csrf-mallory", null), 403, "not_owner");
        assertEquals(1, server.repository.legacyAccounts("abc123").size());
    }
}
