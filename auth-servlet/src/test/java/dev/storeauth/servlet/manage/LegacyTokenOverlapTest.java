package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static dev.storeauth.servlet.manage.ManagementServer.STORE;
import static dev.storeauth.servlet.manage.OAuthAccountFieldsTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.repository.LookupKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST legacy-accounts/{username}/token} with an optional body: without
 * {@code old_token_expires_in} the old token fails at once and the answer is unchanged; with it the
 * old token lives on that long and the answer says until when.
 */
class LegacyTokenOverlapTest {

    static final String V2 = "/stores/abc123/v2/products";

    final ManagementServer server = new ManagementServer();

    LegacyTokenOverlapTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    String createBob() throws Exception {
        HttpResponse<String> response = server.owner("POST", "legacy-accounts", "{\"username\":\"bob\"}");
        assertEquals(201, response.statusCode(), response.body());
        return json(response).get("api_token").asText();
    }

    int callV2(String token) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("bob:" + token).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = server.api(V2, "Authorization", "Basic " + basic);
        if (response.statusCode() == 401) {
            assertTrue(response.headers().allValues("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Basic ")));
        }
        return response.statusCode();
    }

    LegacyAccount bob() {
        return (LegacyAccount) server.repository.find(new LookupKey.ByUsername(STORE, "bob")).orElseThrow();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  \r\n\t", "{}", "{\"old_token_expires_in\":null}"})
    void withoutAnOverlapTheOldTokenFailsAtOnceAndTheAnswerIsAsBefore(String body) throws Exception {
        String old = createBob();

        HttpResponse<String> response = server.owner("POST", "legacy-accounts/bob/token", body);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode issued = json(response);
        assertEquals("[username, api_path, api_token]", fieldNames(issued));
        assertEquals(401, callV2(old));
        assertEquals(200, callV2(issued.get("api_token").asText()));
        assertTrue(bob().previousToken().isEmpty());
    }

    @Test
    void withAnOverlapTheAnswerSaysUntilWhenTheOldTokenWorks() throws Exception {
        String old = createBob();

        HttpResponse<String> response = server.owner("POST", "legacy-accounts/bob/token",
                "{\"old_token_expires_in\":600}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode issued = json(response);
        assertEquals("[username, api_path, api_token, old_token_expires_at]", fieldNames(issued));
        String until = server.clock.instant().plus(Duration.ofMinutes(10)).toString();
        assertEquals(until, issued.get("old_token_expires_at").asText());
        assertEquals(200, callV2(issued.get("api_token").asText()));
        assertTrue(bob().previousToken().orElseThrow().digest().matches(SecretDigester.sha256().digest(old)));
        assertEquals(until, bob().previousToken().orElseThrow().expiresAt().toString());
        JsonNode listed = json(server.owner("GET", "legacy-accounts", null)).get(0);
        assertEquals(until, listed.get("old_token_expires_at").asText());
        assertTrue(listed.get("last_used_from").isNull());

        server.clock.advance(Duration.ofMinutes(10));
        assertTrue(json(server.owner("GET", "legacy-accounts", null)).get(0).get("old_token_expires_at").isNull());
    }

    @Test
    void anOverlapOfZeroSaysTheOldTokenIsGoneAlready() throws Exception {
        String old = createBob();

        JsonNode issued = json(server.owner("POST", "legacy-accounts/bob/token", "{\"old_token_expires_in\":0}"));

        assertTrue(issued.get("old_token_expires_at").isNull(), issued.toString());
        assertEquals(401, callV2(old));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"old_token_expires_in\":\"600\"}  | old_token_expires_in | a whole number of seconds from 0 to 604800",
        "{\"old_token_expires_in\":0.5}      | old_token_expires_in | a whole number of seconds from 0 to 604800",
        "{\"old_token_expires_in\":[600]}    | old_token_expires_in | a whole number of seconds from 0 to 604800",
        "{\"old_token_expires_in\":-1}       | old_token_expires_in | old_token_expires_in must be 0-604800 seconds",
        "{\"old_token_expires_in\":604801}   | old_token_expires_in | old_token_expires_in must be 0-604800 seconds",
        "{\"old_token_expires_in\":600       | body                 | not valid JSON",
        "[600]                               | body                 | must be a JSON object",
    })
    void aBadBodyIs400NamingTheFieldAndKeepsTheToken(String body, String field, String detail) throws Exception {
        String old = createBob();

        JsonNode refused = problem(server.owner("POST", "legacy-accounts/bob/token", body), 400, "invalid_request");

        assertEquals(field, refused.get("field").asText(), refused.toString());
        assertTrue(refused.get("detail").asText().contains(detail), refused.toString());
        assertEquals(200, callV2(old));
    }

    @Test
    void anUnknownUsernameIs404WithOrWithoutABody() throws Exception {
        problem(server.owner("POST", "legacy-accounts/ghost/token", null), 404, "not_found");
        problem(server.owner("POST", "legacy-accounts/ghost/token", "{\"old_token_expires_in\":60}"), 404, "not_found");
    }
}
