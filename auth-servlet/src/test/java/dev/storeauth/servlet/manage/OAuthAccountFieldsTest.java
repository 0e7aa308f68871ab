package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.JSON;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.PRODUCTS;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST api-accounts} with an expiry and an allowlist: each optional field is checked for its
 * type and refused with 400 naming it; what is accepted is shown by the 201 and by the list.
 */
class OAuthAccountFieldsTest {

    static ManagementServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ManagementServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void deleteAccounts() throws Exception {
        for (JsonNode account : json(server.owner("GET", "api-accounts", null))) {
            assertEquals(204, server.owner("DELETE", "api-accounts/" + account.get("id").asText(), null).statusCode());
        }
    }

    static String named(String more) {
        return "{\"name\":\"Stock sync\",\"scopes\":{\"products\":\"read-only\"}" + more + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ",\"expires_in\":1.5                        | expires_in  | expires_in must be a positive whole number of seconds",
        ",\"expires_in\":60.0                       | expires_in  | expires_in must be a positive whole number of seconds",
        ",\"expires_in\":\"60\"                     | expires_in  | expires_in must be a positive whole number of seconds",
        ",\"expires_in\":true                       | expires_in  | expires_in must be a positive whole number of seconds",
        ",\"expires_in\":[60]                       | expires_in  | expires_in must be a positive whole number of seconds",
        ",\"expires_in\":0                          | expires_in  | expires_in must be a positive whole number of seconds",
        ",\"expires_in\":-60                        | expires_in  | expires_in must be a positive whole number of seconds",
        ",\"expires_in\":3153600001                 | expires_in  | expires_in must be 1-3153600000 seconds",
        ",\"expires_in\":9223372036854775807        | expires_in  | expires_in must be 1-3153600000 seconds",
        ",\"expires_in\":92233720368547758070       | expires_in  | expires_in must be an integer from",
        ",\"expires_in\":1e400                      | expires_in  | expires_in must be a finite number",
        ",\"expires_at\":\"tomorrow\"               | expires_at  | expires_at must be an RFC 3339 time",
        ",\"expires_at\":\"2090-01-31\"             | expires_at  | expires_at must be an RFC 3339 time",
        ",\"expires_at\":\"2090-01-31T12:00:00\"    | expires_at  | expires_at must be an RFC 3339 time",
        ",\"expires_at\":\"2090-02-30T12:00:00Z\"   | expires_at  | expires_at must be an RFC 3339 time",
        ",\"expires_at\":\"2090-01-31T25:00:00Z\"   | expires_at  | expires_at must be an RFC 3339 time",
        ",\"expires_at\":1900000000                 | expires_at  | expires_at must be an RFC 3339 time",
        ",\"expires_at\":{}                         | expires_at  | expires_at must be an RFC 3339 time",
        ",\"expires_at\":\"2001-01-01T00:00:00Z\"   | expires_at  | expires_at must be in the future",
        ",\"expires_at\":\"2999-01-01T00:00:00Z\"   | expires_at  | expires_at must be in the future and within 36500 days",
        ",\"expires_in\":60,\"expires_at\":\"2090-01-31T12:00:00Z\" | expires_at | give expires_in or expires_at, not both",
        ",\"allowed_ips\":\"203.0.113.0/24\"        | allowed_ips | allowed_ips must be an array of strings",
        ",\"allowed_ips\":{\"a\":\"203.0.113.0/24\"} | allowed_ips | allowed_ips must be an array of strings",
        ",\"allowed_ips\":42                        | allowed_ips | allowed_ips must be an array of strings",
        ",\"allowed_ips\":[42]                      | allowed_ips | every entry of allowed_ips must be a string",
        ",\"allowed_ips\":[null]                    | allowed_ips | every entry of allowed_ips must be a string",
        ",\"allowed_ips\":[[\"203.0.113.0/24\"]]    | allowed_ips | every entry of allowed_ips must be a string",
        ",\"allowed_ips\":[\"203.0.113.0/24\",true] | allowed_ips | every entry of allowed_ips must be a string",
    })
    void aBadOptionalFieldIs400NamingItAndCreatesNothing(String more, String field, String detail) throws Exception {
        JsonNode refused = problem(server.owner("POST", "api-accounts", named(more)), 400, "invalid_request");

        assertEquals(field, refused.get("field").asText(), refused.toString());
        assertTrue(refused.get("detail").asText().contains(detail), refused.toString());
        assertTrue(server.repository.oauthAccounts(ManagementServer.STORE).isEmpty());
    }

    @Test
    void withoutTheOptionalFieldsTheAccountNeverExpiresAndWorksFromAnywhere() throws Exception {
        JsonNode created = created(named(",\"expires_in\":null,\"expires_at\":null,\"allowed_ips\":null"));

        assertTrue(created.get("expires_at").isNull());
        assertEquals(JSON.createArrayNode(), created.get("allowed_ips"));
        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", created.get("access_token").asText()).statusCode());
    }

    @Test
    void expiresInSetsTheExpiryThatManySecondsFromNowAndTheListShowsIt() throws Exception {
        Instant now = server.clock.instant();

        JsonNode created = created(named(",\"expires_in\":86400"));

        assertEquals(now.plus(Duration.ofDays(1)).toString(), created.get("expires_at").asText());
        assertEquals(created.get("expires_at"), listed(created).get("expires_at"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2090-01-31T12:00:00Z       | 2090-01-31T12:00:00Z",
        "2090-01-31t12:00:00z       | 2090-01-31T12:00:00Z",
        "2090-01-31T13:30:00+01:30  | 2090-01-31T12:00:00Z",
        "2090-01-31T12:00:00.250Z   | 2090-01-31T12:00:00.250Z",
    })
    void expiresAtIsReadAsRfc3339AndShownInUtc(String given, String shown) throws Exception {
        JsonNode created = created(named(",\"expires_at\":\"" + given + "\""));

        assertEquals(shown, created.get("expires_at").asText());
        assertEquals(shown, listed(created).get("expires_at").asText());
    }

    @Test
    void allowedIpsAreShownByTheCreationAndTheList() throws Exception {
        JsonNode created = created(named(",\"allowed_ips\":[\"203.0.113.0/24\",\"2001:db8::/32\"]"));

        JsonNode blocks = JSON.createArrayNode().add("203.0.113.0/24").add("2001:db8::/32");
        assertEquals(blocks, created.get("allowed_ips"));
        assertEquals(blocks, listed(created).get("allowed_ips"));
    }

    @Test
    void theListShowsEveryFieldOfEveryAccountInOrder() throws Exception {
        JsonNode created = created(named(""));

        JsonNode listed = listed(created);

        assertEquals("[id, name, client_id, scopes, created_at, expires_at, old_token_expires_at, allowed_ips,"
                + " last_used_at, last_used_from]", fieldNames(listed));
        assertEquals("[id, name, api_path, client_id, client_secret, access_token, scopes, created_at, expires_at,"
                + " allowed_ips, credentials_txt]", fieldNames(created));
    }

    static String fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static JsonNode created(String body) throws Exception {
        HttpResponse<String> response = server.owner("POST", "api-accounts", body);
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonNode listed(JsonNode created) throws Exception {
        for (JsonNode account : json(server.owner("GET", "api-accounts", null))) {
            if (account.get("id").equals(created.get("id"))) {
                return account;
            }
        }
        throw new AssertionError("not listed: " + created.get("id"));
    }
}
