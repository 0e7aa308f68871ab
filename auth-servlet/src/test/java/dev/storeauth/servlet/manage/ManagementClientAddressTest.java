package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static dev.storeauth.servlet.manage.ManagementServer.OWNER;
import static dev.storeauth.servlet.manage.ManagementServer.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.servlet.TrustedProxies;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit trail records each change with the client address the API filter would see: the
 * socket's, or behind trusted proxies (in code or as init-param {@code trusted-proxies}) the
 * right-most {@code X-Forwarded-For} hop they do not vouch for.
 */
class ManagementClientAddressTest {

    static final String CREATE = "/manage/stores/" + STORE + "/api-accounts";

    /** The client address the audit trail recorded for an account created with {@code headers}. */
    static String recordedAddress(ManagementServer server, String... headers) throws Exception {
        HttpResponse<String> created = server.send("POST", CREATE, OWNER, "csrf-" + OWNER, "{\"name\":\"Stock sync\"}",
                headers);
        assertEquals(201, created.statusCode(), created.body());
        return json(server.owner("GET", "audit-events?limit=1", null)).get("data").get(0).get("client_address").asText();
    }

    @Test
    void withoutTrustedProxiesTheSocketAddressIsRecordedWhateverTheClientForwards() throws Exception {
        try (ManagementServer server = new ManagementServer()) {
            assertEquals("127.0.0.1", recordedAddress(server, "X-Forwarded-For", "203.0.113.7"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1              | 203.0.113.7                          | 203.0.113.7",
        "127.0.0.1              | 198.51.100.9, 203.0.113.7            | 203.0.113.7",
        "127.0.0.1, 10.0.0.0/8  | 198.51.100.9, 203.0.113.7, 10.0.0.4 | 203.0.113.7",
        "127.0.0.1, 10.0.0.0/8  | 10.0.0.4                             | 127.0.0.1",
        "10.0.0.0/8             | 203.0.113.7                          | 127.0.0.1",
    })
    void behindTrustedProxiesGivenInCodeTheFirstUntrustedHopIsRecorded(String proxies, String forwarded,
            String recorded) throws Exception {
        try (ManagementServer server = new ManagementServer(null, TrustedProxies.parse(proxies), Map.of())) {
            assertEquals(recorded, recordedAddress(server, "X-Forwarded-For", forwarded));
        }
    }

    @Test
    void theTrustedProxiesInitParamCountsAsTheFiltersDoes() throws Exception {
        try (ManagementServer server = new ManagementServer(null, null, Map.of("trusted-proxies", "127.0.0.1"))) {
            assertEquals("203.0.113.7", recordedAddress(server, "X-Forwarded-For", "198.51.100.9, 203.0.113.7"));
        }
    }

    @Test
    void aRollIsRecordedWithItsClientAddressAndItsOverlap() throws Exception {
        try (ManagementServer server = new ManagementServer(null, TrustedProxies.parse("127.0.0.1"), Map.of())) {
            String id = json(server.owner("POST", "api-accounts", "{\"name\":\"Stock sync\"}")).get("id").asText();
            server.send("POST", CREATE + "/" + id + "/roll", OWNER, "csrf-" + OWNER, "{\"old_token_expires_in\":60}",
                    "X-Forwarded-For", "2001:db8::7");

            JsonNode event = json(server.owner("GET", "audit-events?limit=1", null)).get("data").get(0);

            assertEquals("oauth_account.token_rolled", event.get("action").asText());
            assertEquals("2001:db8::7", event.get("client_address").asText());
            assertEquals(id, event.get("account_id").asText());
            assertEquals(server.clock.instant().plusSeconds(60).toString(),
                    event.get("detail").get("old_token_expires_at").asText());
        }
    }

    @Test
    void aPrincipalNoOwnerCanHaveIs403NotA500() throws Exception {
        try (ManagementServer server = new ManagementServer()) {
            HttpResponse<String> response = server.send("GET", CREATE, "u".repeat(201), null, null);

            problem(response, 403, "not_owner");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "trusted-proxies | proxy.example.com | AccountManagementServlet: trusted-proxies: ",
        "trusted-proxys  | 127.0.0.1         | AccountManagementServlet: trusted-proxys: unknown init-param",
    })
    void aBadInitParamFailsInitNamingIt(String name, String value, String message) {
        AccountManagementServlet servlet = new AccountManagementServlet(lifecycle(), request -> Optional.empty());

        ServletException e = assertThrows(ServletException.class, () -> servlet.init(config(name, value)));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void trustedProxiesGivenInCodeAndAsInitParamFailInit() {
        AccountManagementServlet servlet = new AccountManagementServlet(lifecycle(), request -> Optional.empty(),
                TrustedProxies.parse("10.0.0.0/8"));

        ServletException e = assertThrows(ServletException.class,
                () -> servlet.init(config("trusted-proxies", "127.0.0.1")));

        assertEquals("AccountManagementServlet: trusted-proxies: given in the constructor already", e.getMessage());
    }

    private static AccountLifecycle lifecycle() {
        return AccountLifecycle.builder(new InMemoryAccountRepository(), (store, user) -> false, "api.example.com")
                .build();
    }

    private static ServletConfig config(String name, String value) {
        ServletConfig config = mock(ServletConfig.class);
        when(config.getInitParameterNames()).thenAnswer(i -> Collections.enumeration(List.of(name)));
        when(config.getInitParameter(name)).thenReturn(value);
        return config;
    }
}
