package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static dev.storeauth.servlet.manage.ManagementServer.OWNER;
import static dev.storeauth.servlet.manage.ManagementServer.STORE;
import static dev.storeauth.servlet.manage.OAuthAccountFieldsTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET audit-events}: the store's trail, newest first, in pages, for its owner only. */
class AuditEventsEndpointTest {

    final ManagementServer server = new ManagementServer();

    AuditEventsEndpointTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Creates {@code n} accounts, one event each, and answers their ids in creation order. */
    List<String> create(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = server.owner("POST", "api-accounts", "{\"name\":\"Account " + i + "\"}");
            assertEquals(201, response.statusCode(), response.body());
            ids.add(json(response).get("id").asText());
        }
        return ids;
    }

    JsonNode page(String query) throws Exception {
        HttpResponse<String> response = server.owner("GET", "audit-events" + query, null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        return json(response);
    }

    static List<String> accountIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(event -> ids.add(event.get("account_id").asText()));
        return ids;
    }

    @Test
    void eachEventSaysWhoDidWhatToWhichAccountFromWhereAndWhen() throws Exception {
        String id = create(1).get(0);

        JsonNode page = page("");

        JsonNode event = page.get("data").get(0);
        assertEquals("[id, at, actor, action, store, account_id, client_address, detail]", fieldNames(event));
        assertTrue(event.get("id").isIntegralNumber() && event.get("id").asLong() > 0, event.toString());
        assertEquals(server.clock.instant().toString(), event.get("at").asText());
        assertEquals(OWNER, event.get("actor").asText());
        assertEquals("oauth_account.created", event.get("action").asText());
        assertEquals(STORE, event.get("store").asText());
        assertEquals(id, event.get("account_id").asText());
        assertEquals("127.0.0.1", event.get("client_address").asText());
        assertEquals("Account 0", event.get("detail").get("name").asText());
        assertTrue(page.get("meta").get("next_before").isNull());
    }

    @Test
    void changesOfEveryKindAreListedNewestFirstByTheirWireNames() throws Exception {
        String id = create(1).get(0);
        server.owner("POST", "api-accounts/" + id + "/roll", "{\"old_token_expires_in\":60}");
        server.owner("PUT", "api-accounts/" + id + "/allowed-ips", "{\"allowed_ips\":[\"203.0.113.0/24\"]}");
        server.owner("PUT", "credential-policy", "{\"require_expiry\":false,\"max_lifetime\":3600}");
        server.owner("POST", "legacy-accounts", "{\"username\":\"bob\"}");
        server.owner("DELETE", "api-accounts/" + id, null);

        List<String> actions = new ArrayList<>();
        page("").get("data").forEach(event -> actions.add(event.get("action").asText()));

        assertEquals(List.of("oauth_account.deleted", "legacy_account.created", "store.credential_policy_changed",
                "oauth_account.allowed_ips_changed", "oauth_account.token_rolled", "oauth_account.created"), actions);
        JsonNode policy = page("?limit=4").get("data").get(2);
        assertTrue(policy.get("account_id").isNull(), policy.toString());
        assertEquals("3600", policy.get("detail").get("max_lifetime").asText());
    }

    @Test
    void pagesContinueBelowNextBeforeUntilAPageIsNotFull() throws Exception {
        List<String> ids = create(5);

        JsonNode first = page("?limit=2");
        JsonNode second = page("?limit=2&before=" + first.get("meta").get("next_before").asLong());
        JsonNode third = page("?before=" + second.get("meta").get("next_before").asLong() + "&limit=2");

        assertEquals(List.of(ids.get(4), ids.get(3)), accountIds(first));
        assertEquals(first.get("data").get(1).get("id"), first.get("meta").get("next_before"));
        assertEquals(List.of(ids.get(2), ids.get(1)), accountIds(second));
        assertEquals(List.of(ids.get(0)), accountIds(third));
        assertTrue(third.get("meta").get("next_before").isNull());
    }

    @Test
    void aFullLastPageLeadsToAnEmptyOne() throws Exception {
        create(2);

        JsonNode full = page("?limit=2");
        JsonNode empty = page("?limit=2&before=" + full.get("meta").get("next_before").asLong());

        assertEquals(0, empty.get("data").size());
        assertTrue(empty.get("meta").get("next_before").isNull());
    }

    @Test
    void theDefaultPageIsFiftyEventsAndTheLargestAHundred() throws Exception {
        for (int i = 0; i <= 100; i++) {
            assertEquals(201, server.owner("POST", "legacy-accounts", "{\"username\":\"user" + i + "\"}").statusCode());
        }

        JsonNode byDefault = page("?unrelated=1");
        JsonNode largest = page("?limit=100");

        assertEquals(50, byDefault.get("data").size());
        assertEquals(byDefault.get("data").get(49).get("id"), byDefault.get("meta").get("next_before"));
        assertEquals(100, largest.get("data").size());
        assertEquals(1, page("?before=" + largest.get("meta").get("next_before").asLong()).get("data").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit=0                          | limit  | limit must be 1-100",
        "limit=101                        | limit  | limit must be 1-100",
        "limit=1000                       | limit  | limit must be a whole number from 1 to 100",
        "limit=-1                         | limit  | limit must be a whole number from 1 to 100",
        "limit=1.5                        | limit  | limit must be a whole number from 1 to 100",
        "limit=ten                        | limit  | limit must be a whole number from 1 to 100",
        "limit=                           | limit  | limit must be a whole number from 1 to 100",
        "limit                            | limit  | limit must be a whole number from 1 to 100",
        "limit=%35                        | limit  | limit must be a whole number from 1 to 100",
        "limit=5&limit=6                  | limit  | limit must be given at most once",
        "before=0                         | before | before must be a positive event id",
        "before=-3                        | before | before must be an event id",
        "before=abc                       | before | before must be an event id",
        "before=9223372036854775808       | before | before must be an event id",
        "before=99999999999999999999      | before | before must be an event id",
        "before=1&limit=2&before=2        | before | before must be given at most once",
    })
    void aBadParameterIs400NamingIt(String query, String field, String detail) throws Exception {
        create(1);

        JsonNode refused = problem(server.owner("GET", "audit-events?" + query, null), 400, "invalid_request");

        assertEquals(field, refused.get("field").asText(), refused.toString());
        assertTrue(refused.get("detail").asText().contains(detail), refused.toString());
    }

    @Test
    void theLargestEventIdIsAValidBefore() throws Exception {
        create(1);

        assertEquals(1, page("?before=9223372036854775807").get("data").size());
    }

    @Test
    void onlyTheOwnerReadsTheTrail() throws Exception {
        create(1);
        String path = "/manage/stores/" + STORE + "/audit-events";

        HttpResponse<String> staff = server.send("GET", path, "staff", null, null);
        HttpResponse<String> anonymous = server.send("GET", path, null, null, null);

        assertTrue(problem(staff, 403, "not_owner").get("detail").asText().contains("only the store owner"));
        assertTrue(!staff.body().contains("oauth_account"), staff.body());
        problem(anonymous, 401, "not_signed_in");
        assertEquals("Session realm=\"storeauth-manage\"", anonymous.headers().firstValue("WWW-Authenticate")
                .orElseThrow());
        problem(server.send("GET", "/manage/stores/other1/audit-events", OWNER, null, null), 403, "not_owner");
    }
}
