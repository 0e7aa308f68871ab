package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.JSON;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.policy.ScopeCatalogue;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The management API over {@link ScopeCatalogue#platform()}: the platform's scope names in and out. */
class PlatformScopesEndpointTest {

    private static final String API = "/stores/abc123/v3";

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void anAccountCreatedWithPlatformNamesHoldsTheirLevelsAndListsThemBack() throws Exception {
        try (ManagementServer server = new ManagementServer(ScopeCatalogue.platform())) {
            JsonNode account = created(server.owner("POST", "api-accounts", "{\"name\":\"Payments app\",\"scopes\":"
                    + "[\"store_payments_methods_read\",\"store_v2_orders_read_only\",\"store_v2_default\"]}"));
            assertEquals(JSON.valueToTree(Map.of("payment_methods", "read-only", "orders", "read-only")),
                    account.get("scopes"));
            assertEquals(JSON.readTree("[\"store_v2_orders_read_only\",\"store_payments_methods_read\"]"),
                    account.get("platform_scopes"));
            assertEquals(account.get("platform_scopes"), json(server.owner("GET", "api-accounts", null)).get(0)
                    .get("platform_scopes"));

            String token = account.get("access_token").asText();
            assertEquals(200, server.api(API + "/payments/methods", "X-Auth-Token", token).statusCode());
            assertEquals(200, server.api(API + "/orders/7", "X-Auth-Token", token).statusCode());
            assertEquals(403, server.api(API + "/catalog/products", "X-Auth-Token", token).statusCode());
        }
    }

    @Test
    void theObjectFormKeepsWorkingAndAnswersThePlatformNamesToo() throws Exception {
        try (ManagementServer server = new ManagementServer(ScopeCatalogue.platform())) {
            JsonNode account = created(server.owner("POST", "api-accounts",
                    "{\"name\":\"Theme tool\",\"scopes\":{\"themes\":\"modify\",\"customers_login\":\"modify\"}}"));
            assertEquals(JSON.readTree("[\"store_v2_customers_login\",\"store_themes_manage\"]"),
                    account.get("platform_scopes"));
        }
    }

    @ParameterizedTest(name = "{0} is 400: {1}")
    @CsvSource(delimiter = '|', value = {
        "[\"store_v2_widgets\"]                          | unknown scope: store_v2_widgets",
        "[\"store_v2_products\",\"products:read-only\"] | scope products:read-only names products a second time",
        "[\"customers_login:read-only\"]                 | resource customers_login does not support level read-only",
        "[\"store_v2_products\",7]                       | every entry of scopes must be a string",
        "{\"customers_login\":\"read-only\"}             | resource customers_login does not support level read-only",
        "{\"payment_methods\":\"modify\"}                | resource payment_methods does not support level modify",
    })
    void anUnknownOrUnsupportedScopeIs400NamingIt(String scopes, String detail) throws Exception {
        try (ManagementServer server = new ManagementServer(ScopeCatalogue.platform())) {
            JsonNode problem = problem(server.owner("POST", "api-accounts", "{\"name\":\"Good name\",\"scopes\":"
                    + scopes + "}"), 400, "invalid_request");
            assertEquals("scopes", problem.get("field").asText());
            assertEquals(detail, problem.get("detail").asText());
            assertTrue(server.repository.oauthAccounts("abc123").isEmpty());
        }
    }

    @Test
    void storeauthsOwnCatalogueTakesResourceLevelNamesButNoPlatformOnesAndListsNone() throws Exception {
        try (ManagementServer server = new ManagementServer()) {
            JsonNode account = created(server.owner("POST", "api-accounts",
                    "{\"name\":\"Stock sync\",\"scopes\":[\"products:modify\"]}"));
            assertEquals(JSON.valueToTree(Map.of("products", "modify")), account.get("scopes"));
            assertFalse(account.has("platform_scopes"));
            assertFalse(json(server.owner("GET", "api-accounts", null)).get(0).has("platform_scopes"));
            JsonNode problem = problem(server.owner("POST", "api-accounts",
                    "{\"name\":\"Stock sync\",\"scopes\":[\"store_v2_products\"]}"), 400, "invalid_request");
            assertEquals("unknown scope: store_v2_products", problem.get("detail").asText());
        }
    }
}
