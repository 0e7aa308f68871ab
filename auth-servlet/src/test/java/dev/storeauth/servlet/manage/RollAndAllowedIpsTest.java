package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.JSON;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.PRODUCTS;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static dev.storeauth.servlet.manage.ManagementServer.OWNER;
import static dev.storeauth.servlet.manage.ManagementServer.STORE;
import static dev.storeauth.servlet.manage.OAuthAccountFieldsTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.AdditionalAnswers;
import org.mockito.Mockito;

/** {@code POST api-accounts/{id}/roll} and {@code PUT api-accounts/{id}/allowed-ips}. */
class RollAndAllowedIpsTest {

    final ManagementServer server = new ManagementServer();

    RollAndAllowedIpsTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    JsonNode create() throws Exception {
        HttpResponse<String> response = server.owner("POST", "api-accounts",
                "{\"name\":\"Stock sync\",\"scopes\":{\"products\":\"read-only\"}}");
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    HttpResponse<String> roll(String id, String body) throws Exception {
        return server.owner("POST", "api-accounts/" + id + "/roll", body);
    }

    /** The stored account the digest of {@code token} finds. */
    OAuthAccount foundBy(String token) {
        return (OAuthAccount) server.repository.find(new LookupKey.ByTokenDigest(SecretDigester.sha256().digest(token)))
                .orElseThrow();
    }

    @Test
    void aRollReturnsANewTokenAndUntilWhenTheOldOneWorks() throws Exception {
        JsonNode created = create();
        String id = created.get("id").asText();
        String old = created.get("access_token").asText();

        HttpResponse<String> response = roll(id, "{\"old_token_expires_in\":3600}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode rolled = json(response);
        assertEquals("[id, access_token, old_token_expires_at]", fieldNames(rolled));
        assertEquals(id, rolled.get("id").asText());
        String fresh = rolled.get("access_token").asText();
        assertTrue(fresh.startsWith("sat_") && !fresh.equals(old));
        String until = server.clock.instant().plus(Duration.ofHours(1)).toString();
        assertEquals(until, rolled.get("old_token_expires_at").asText());

        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", fresh).statusCode());
        assertEquals(id, foundBy(old).id(), "the old token still finds the account during the overlap");
        assertEquals(until, foundBy(old).previousToken().orElseThrow().expiresAt().toString());
        JsonNode listed = json(server.owner("GET", "api-accounts", null)).get(0);
        assertEquals(until, listed.get("old_token_expires_at").asText());
        assertFalse(server.owner("GET", "api-accounts", null).body().contains(fresh));
    }

    @Test
    void afterTheOverlapTheListShowsNoOldToken() throws Exception {
        String id = create().get("id").asText();
        assertEquals(200, roll(id, "{\"old_token_expires_in\":60}").statusCode());

        server.clock.advance(Duration.ofSeconds(60));

        assertTrue(json(server.owner("GET", "api-accounts", null)).get(0).get("old_token_expires_at").isNull());
    }

    @Test
    void aRollWithoutOverlapRevokesTheOldTokenOnTheNextRequest() throws Exception {
        JsonNode created = create();
        String old = created.get("access_token").asText();
        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", old).statusCode());

        JsonNode rolled = json(roll(created.get("id").asText(), "{\"old_token_expires_in\":0}"));

        assertEquals(server.clock.instant().toString(), rolled.get("old_token_expires_at").asText());
        HttpResponse<String> refused = server.api(PRODUCTS, "X-Auth-Token", old);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", rolled.get("access_token").asText()).statusCode());
        assertTrue(json(server.owner("GET", "api-accounts", null)).get(0).get("old_token_expires_at").isNull());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                  | old_token_expires_in | old_token_expires_in is required",
        "{\"old_token_expires_in\":null}     | old_token_expires_in | old_token_expires_in is required",
        "{\"old_token_expires_in\":\"60\"}   | old_token_expires_in | a whole number of seconds from 0 to 604800",
        "{\"old_token_expires_in\":1.5}      | old_token_expires_in | a whole number of seconds from 0 to 604800",
        "{\"old_token_expires_in\":true}     | old_token_expires_in | a whole number of seconds from 0 to 604800",
        "{\"old_token_expires_in\":-1}       | old_token_expires_in | old_token_expires_in must be 0-604800 seconds",
        "{\"old_token_expires_in\":604801}   | old_token_expires_in | old_token_expires_in must be 0-604800 seconds",
        "{\"old_token_expires_in\":9223372036854775807} | old_token_expires_in | must be 0-604800 seconds",
        "{\"old_token_expires_in\":1e400}    | old_token_expires_in | must be a finite number",
        "{\"old_token_expires_in\":         | body                 | not valid JSON",
    })
    void aBadRollBodyIs400NamingTheFieldAndKeepsTheToken(String body, String field, String detail) throws Exception {
        JsonNode created = create();

        JsonNode refused = problem(roll(created.get("id").asText(), body), 400, "invalid_request");

        assertEquals(field, refused.get("field").asText(), refused.toString());
        assertTrue(refused.get("detail").asText().contains(detail), refused.toString());
        assertEquals(200, server.api(PRODUCTS, "X-Auth-Token", created.get("access_token").asText()).statusCode());
    }

    @Test
    void rollingAnUnknownAccountIs404AndANonOwner403() throws Exception {
        String id = create().get("id").asText();

        problem(roll("0b0e0f2c-0000-4000-8000-000000000000", "{\"old_token_expires_in\":0}"), 404, "not_found");
        problem(server.send("POST", "/manage/stores/" + STORE + "/api-accounts/" + id + "/roll", "mallory",
                "csrf-mallory", "{\"old_token_expires_in\":0}"), 403, "not_owner");
        problem(server.send("POST", "/manage/stores/" + STORE + "/api-accounts/" + id + "/roll", OWNER, null,
                "{\"old_token_expires_in\":0}"), 403, "csrf_token_missing_or_wrong");
    }

    @Test
    void anAccountThatKeepsChangingIs409ConflictAndNothingIsWritten() throws Exception {
        InMemoryAccountRepository stored = new InMemoryAccountRepository();
        AccountRepository racing = Mockito.mock(AccountRepository.class, AdditionalAnswers.delegatesTo(stored));
        doReturn(false).when(racing).replaceOAuthAccount(any(), any(), any());
        try (ManagementServer busy = new ManagementServer(racing)) {
            String id = json(busy.owner("POST", "api-accounts", "{\"name\":\"Stock sync\"}")).get("id").asText();
            OAuthAccount before = stored.oauthAccount(STORE, id).orElseThrow();

            JsonNode rolled = problem(busy.owner("POST", "api-accounts/" + id + "/roll",
                    "{\"old_token_expires_in\":0}"), 409, "conflict");
            JsonNode allowed = problem(busy.owner("PUT", "api-accounts/" + id + "/allowed-ips",
                    "{\"allowed_ips\":[\"203.0.113.0/24\"]}"), 409, "conflict");

            assertTrue(rolled.get("detail").asText().contains("kept changing"), rolled.toString());
            assertEquals(rolled.get("title"), allowed.get("title"));
            assertEquals(before, stored.oauthAccount(STORE, id).orElseThrow());
        }
    }

    @Test
    void settingAllowedIpsAnswersTheAccountAsListed() throws Exception {
        String id = create().get("id").asText();

        HttpResponse<String> response = server.owner("PUT", "api-accounts/" + id + "/allowed-ips",
                "{\"allowed_ips\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode listed = json(server.owner("GET", "api-accounts", null)).get(0);
        assertEquals(listed, json(response));
        assertEquals(JSON.createArrayNode().add("203.0.113.0/24").add("2001:db8::/32"), listed.get("allowed_ips"));
        assertEquals(List.of("203.0.113.0/24", "2001:db8::/32"),
                server.repository.oauthAccount(STORE, id).orElseThrow().allowedAddresses().blocks());
    }

    @Test
    void anEmptyListAllowsAnywhereAgain() throws Exception {
        String id = create().get("id").asText();
        assertEquals(200, server.owner("PUT", "api-accounts/" + id + "/allowed-ips",
                "{\"allowed_ips\":[\"203.0.113.0/24\"]}").statusCode());

        JsonNode response = json(server.owner("PUT", "api-accounts/" + id + "/allowed-ips", "{\"allowed_ips\":[]}"));

        assertEquals(JSON.createArrayNode(), response.get("allowed_ips"));
        assertTrue(server.repository.oauthAccount(STORE, id).orElseThrow().allowedAddresses().isAnywhere());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                    | allowed_ips must be an array of strings",
        "{\"allowed_ips\":null}                | allowed_ips must be an array of strings",
        "{\"allowed_ips\":\"203.0.113.0/24\"}  | allowed_ips must be an array of strings",
        "{\"allowed_ips\":[7]}                 | every entry of allowed_ips must be a string",
        "{\"allowed_ips\":[\"10.0.0.0/8\",{}]} | every entry of allowed_ips must be a string",
    })
    void aBadAllowlistIs400NamingAllowedIpsAndChangesNothing(String body, String detail) throws Exception {
        String id = create().get("id").asText();

        JsonNode refused = problem(server.owner("PUT", "api-accounts/" + id + "/allowed-ips", body), 400,
                "invalid_request");

        assertEquals("allowed_ips", refused.get("field").asText());
        assertTrue(refused.get("detail").asText().contains(detail), refused.toString());
        assertTrue(server.repository.oauthAccount(STORE, id).orElseThrow().allowedAddresses().isAnywhere());
    }

    @Test
    void allowedIpsOfAnUnknownAccountIs404AndNeedTheCsrfToken() throws Exception {
        String id = create().get("id").asText();
        String body = "{\"allowed_ips\":[\"203.0.113.0/24\"]}";

        problem(server.owner("PUT", "api-accounts/not-an-account/allowed-ips", body), 404, "not_found");
        problem(server.send("PUT", "/manage/stores/" + STORE + "/api-accounts/" + id + "/allowed-ips", OWNER, null,
                body), 403, "csrf_token_missing_or_wrong");
        problem(server.owner("POST", "api-accounts/" + id + "/allowed-ips", body), 405, "method_not_allowed");
        assertNotEquals(List.of("203.0.113.0/24"),
                server.repository.oauthAccount(STORE, id).orElseThrow().allowedAddresses().blocks());
    }
}
