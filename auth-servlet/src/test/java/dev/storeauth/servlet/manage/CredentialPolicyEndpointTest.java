package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static dev.storeauth.servlet.manage.ManagementServer.OWNER;
import static dev.storeauth.servlet.manage.ManagementServer.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET} and {@code PUT credential-policy}: whether new API accounts must expire and how long
 * they may live; creations that break it are refused, and each change is audited.
 */
class CredentialPolicyEndpointTest {

    static final String NINETY_DAYS = "{\"require_expiry\":true,\"max_lifetime\":7776000}";

    final ManagementServer server = new ManagementServer();

    CredentialPolicyEndpointTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    JsonNode policy() throws Exception {
        HttpResponse<String> response = server.owner("GET", "credential-policy", null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    JsonNode put(String body) throws Exception {
        HttpResponse<String> response = server.owner("PUT", "credential-policy", body);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void aStoreWithoutAPolicyNeedsNoExpiryAndHasNoCap() throws Exception {
        assertEquals(parsed("{\"require_expiry\":false,\"max_lifetime\":null}"), policy());
    }

    @Test
    void thePolicyPutIsAnsweredKeptAndAudited() throws Exception {
        assertEquals(parsed(NINETY_DAYS), put(NINETY_DAYS));

        assertEquals(parsed(NINETY_DAYS), policy());
        JsonNode event = json(server.owner("GET", "audit-events?limit=1", null)).get("data").get(0);
        assertEquals("store.credential_policy_changed", event.get("action").asText());
        assertEquals(parsed("{\"max_lifetime\":\"7776000\",\"require_expiry\":\"true\"}"), event.get("detail"));
        assertEquals(OWNER, event.get("actor").asText());
    }

    @Test
    void aPolicyWithoutMaxLifetimeHasNoCap() throws Exception {
        put(NINETY_DAYS);

        assertEquals(parsed("{\"require_expiry\":true,\"max_lifetime\":null}"), put("{\"require_expiry\":true}"));
        assertEquals(parsed("{\"require_expiry\":false,\"max_lifetime\":null}"),
                put("{\"require_expiry\":false,\"max_lifetime\":null}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                              | require_expiry | require_expiry is required and must be true or false",
        "{\"require_expiry\":null}                       | require_expiry | require_expiry is required and must be true or false",
        "{\"require_expiry\":\"true\"}                   | require_expiry | require_expiry is required and must be true or false",
        "{\"require_expiry\":1}                          | require_expiry | require_expiry is required and must be true or false",
        "{\"require_expiry\":true,\"max_lifetime\":0}    | max_lifetime   | max_lifetime must be a whole number of seconds from 1 to 3153600000",
        "{\"require_expiry\":true,\"max_lifetime\":-60}  | max_lifetime   | max_lifetime must be a whole number of seconds from 1 to 3153600000",
        "{\"require_expiry\":true,\"max_lifetime\":1.5}  | max_lifetime   | max_lifetime must be a whole number of seconds",
        "{\"require_expiry\":true,\"max_lifetime\":\"90d\"} | max_lifetime | max_lifetime must be a whole number of seconds",
        "{\"require_expiry\":true,\"max_lifetime\":false} | max_lifetime  | max_lifetime must be a whole number of seconds",
        "{\"require_expiry\":true,\"max_lifetime\":3153600001} | max_lifetime | from 1 to 3153600000, or null for no cap",
        "{\"require_expiry\":true,\"max_lifetime\":1e400} | max_lifetime  | must be a finite number",
        "[true]                                          | body           | must be a JSON object",
    })
    void aBadPolicyIs400NamingTheFieldAndKeepsTheOldOne(String body, String field, String detail) throws Exception {
        put(NINETY_DAYS);

        JsonNode refused = problem(server.owner("PUT", "credential-policy", body), 400, "invalid_request");

        assertEquals(field, refused.get("field").asText(), refused.toString());
        assertTrue(refused.get("detail").asText().contains(detail), refused.toString());
        assertEquals(parsed(NINETY_DAYS), policy());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                                      | expires_in | this store requires API accounts to expire",
        ",\"expires_in\":7776001               | expires_in | at most 7776000 seconds",
        ",\"expires_at\":\"2090-01-01T00:00:00Z\" | expires_at | at most 7776000 seconds",
    })
    void aCreationThePolicyForbidsIs400NamingTheField(String more, String field, String detail) throws Exception {
        put(NINETY_DAYS);

        JsonNode refused = problem(server.owner("POST", "api-accounts",
                "{\"name\":\"Stock sync\"" + (more == null ? "" : more) + "}"), 400, "invalid_request");

        assertEquals(field, refused.get("field").asText(), refused.toString());
        assertTrue(refused.get("detail").asText().contains(detail), refused.toString());
        assertTrue(server.repository.oauthAccounts(STORE).isEmpty());
    }

    @Test
    void aCreationWithinThePolicyIsKept() throws Exception {
        put(NINETY_DAYS);

        HttpResponse<String> created = server.owner("POST", "api-accounts",
                "{\"name\":\"Stock sync\",\"expires_in\":7776000}");

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(server.clock.instant().plus(Duration.ofDays(90)).toString(), json(created).get("expires_at").asText());
    }

    @Test
    void onlyTheOwnerReadsOrSetsThePolicyAndSettingNeedsTheCsrfToken() throws Exception {
        String path = "/manage/stores/" + STORE + "/credential-policy";

        problem(server.send("GET", path, "staff", null, null), 403, "not_owner");
        problem(server.send("PUT", path, "staff", "csrf-staff", NINETY_DAYS), 403, "not_owner");
        problem(server.send("PUT", path, OWNER, null, NINETY_DAYS), 403, "csrf_token_missing_or_wrong");
        problem(server.owner("POST", "credential-policy", NINETY_DAYS), 405, "method_not_allowed");

        assertEquals(parsed("{\"require_expiry\":false,\"max_lifetime\":null}"), policy());
    }

    private static JsonNode parsed(String text) throws Exception {
        return AccountManagementServletTest.JSON.readTree(text);
    }
}
