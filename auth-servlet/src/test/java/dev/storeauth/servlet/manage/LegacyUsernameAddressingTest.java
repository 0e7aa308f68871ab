package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every legacy account that exists can be revoked through the management servlet in a real Jetty 12:
 * every username creation allows round-trips through a path segment in each way a client may
 * encode it, and so does its ref ({@code ~} and base64url), which also reaches accounts stored under
 * {@code .} or {@code ..} before those were refused (no URL path can carry them: Jetty resolves them
 * as dot segments, percent-encoded or not).
 */
class LegacyUsernameAddressingTest {

    static final String V2 = "/stores/abc123/v2/products";
    static final List<String> TRICKY = List.of("...", ".a", "a.", "a..b", ".-.", "+", "a+b", "@", "a@b.c",
            "me+shop@example.com", "_", "-", "_-_", "A".repeat(64));

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
    void removeAccounts() {
        server.repository.legacyAccounts(ManagementServer.STORE)
                .forEach(a -> server.repository.deleteLegacyAccount(a.storeHash(), a.username(), TestAudit.ENTRY));
    }

    /** How a client may write a username in a path segment. */
    enum Encoding {
        RAW, ENCODE_URI_COMPONENT, EVERY_BYTE_UPPER, EVERY_BYTE_LOWER, REF;

        String encode(String username) {
            if (this == REF) {
                return "~" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(username.getBytes(StandardCharsets.UTF_8));
            }
            StringBuilder out = new StringBuilder();
            for (byte b : username.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) b;
                boolean keep = this == RAW || (this == ENCODE_URI_COMPONENT && (Character.isLetterOrDigit(c)
                        || "-_.!~*'()".indexOf(c) >= 0));
                out.append(keep ? String.valueOf(c) : String.format(this == EVERY_BYTE_LOWER ? "%%%02x" : "%%%02X", b));
            }
            return out.toString();
        }
    }

    static Stream<Arguments> trickyUsernamesInEveryEncoding() {
        return TRICKY.stream().flatMap(u -> Stream.of(Encoding.values()).map(e -> Arguments.of(u, e)));
    }

    static int callV2(String username, String token) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = server.api(V2, "Authorization", "Basic " + basic);
        if (response.statusCode() == 401) {
            assertTrue(response.headers().allValues("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Basic ")),
                    response.headers().allValues("WWW-Authenticate")::toString);
        }
        return response.statusCode();
    }

    static String create(String username) throws Exception {
        HttpResponse<String> created = server.owner("POST", "legacy-accounts", "{\"username\":\"" + username + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created).get("api_token").asText();
    }

    @ParameterizedTest(name = "{0} written {1}")
    @MethodSource("trickyUsernamesInEveryEncoding")
    void everyUsernameCreationAllowsIsRegeneratedAndDeletedThroughItsEncodedPath(String username, Encoding encoding)
            throws Exception {
        String first = create(username);
        assertEquals(200, callV2(username, first));
        String path = "legacy-accounts/" + encoding.encode(username);

        HttpResponse<String> regenerated = server.owner("POST", path + "/token", null);
        assertEquals(200, regenerated.statusCode(), regenerated.body());
        assertEquals(username, json(regenerated).get("username").asText());
        String second = json(regenerated).get("api_token").asText();
        assertNotEquals(first, second);
        assertEquals(401, callV2(username, first));
        assertEquals(200, callV2(username, second));

        assertEquals(204, server.owner("DELETE", path, null).statusCode());
        assertEquals(401, callV2(username, second));
        assertEquals(0, server.repository.legacyAccounts(ManagementServer.STORE).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void aDotSegmentUsernameIsRefusedAtCreationWith400NamingTheField(String username) throws Exception {
        JsonNode refused = problem(server.owner("POST", "legacy-accounts", "{\"username\":\"" + username + "\"}"),
                400, "invalid_request");
        assertEquals("username", refused.get("field").asText());
        assertEquals("username must not be . or .. (a URL path cannot address it)", refused.get("detail").asText());
        assertEquals(0, server.repository.legacyAccounts(ManagementServer.STORE).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void anAccountStoredUnderADotSegmentUsernameStillWorksUntilRevokedThroughItsRef(String username)
            throws Exception {
        String first = new SecretGenerator().generate(SecretKind.LEGACY_TOKEN);
        server.repository.insertLegacyAccount(new LegacyAccount(ManagementServer.STORE, username,
                SecretDigester.sha256().digest(first), Instant.parse("2026-01-01T00:00:00Z")), TestAudit.ENTRY);
        assertEquals(200, callV2(username, first));
        for (String path : List.of(username, Encoding.EVERY_BYTE_UPPER.encode(username),
                Encoding.EVERY_BYTE_LOWER.encode(username))) {
            int status = server.owner("DELETE", "legacy-accounts/" + path, null).statusCode();
            assertTrue(status >= 400 && status < 500, path + " answered " + status);
        }
        assertEquals(200, callV2(username, first), "no username path reached it");

        JsonNode listed = json(server.owner("GET", "legacy-accounts", null)).get(0);
        assertEquals(username, listed.get("username").asText());
        String ref = listed.get("ref").asText();
        assertEquals(Encoding.REF.encode(username), ref);
        HttpResponse<String> regenerated = server.owner("POST", "legacy-accounts/" + ref + "/token", null);
        assertEquals(200, regenerated.statusCode(), regenerated.body());
        String second = json(regenerated).get("api_token").asText();
        assertEquals(401, callV2(username, first));
        assertEquals(200, callV2(username, second));
        assertEquals(204, server.owner("DELETE", "legacy-accounts/" + ref, null).statusCode());
        assertEquals(401, callV2(username, second));
        assertEquals(0, server.repository.legacyAccounts(ManagementServer.STORE).size());
    }

    @Test
    void listingGivesEveryAccountItsRefWhichNoUsernameCanSpell() throws Exception {
        create("bob");
        assertEquals("~Ym9i", json(server.owner("GET", "legacy-accounts", null)).get(0).get("ref").asText());
        assertFalse(LegacyAccount.isValidUsername("~Ym9i"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "~Ym9", "~Ym8=", "~Ym8%3D", "~Ym8.", "~!Ym8", "~Ym8~", "~YmA", "%7EYm9",
            "~QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB"
                    + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB"})
    void aMalformedRefOrAnotherSpellingOfOneIsNotFoundAndLeavesTheAccount(String segment) throws Exception {
        String token = create("bo");
        assertEquals("~Ym8", json(server.owner("GET", "legacy-accounts", null)).get(0).get("ref").asText());
        problem(server.owner("POST", "legacy-accounts/" + segment + "/token", null), 404, "not_found");
        problem(server.owner("DELETE", "legacy-accounts/" + segment, null), 404, "not_found");
        assertEquals(200, callV2("bo", token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob%2Ftoken", "bob%2F..", "bob%25", "bob%3Bx", "bob%00", "bob%20",
            "%2E%2E/bob", "b%6Fb%2F%2E%2E", "bob%C0%AF", "bob%E2%80%A8"})
    void aHostileUsernameSegmentIsA4xxAndReachesNoOtherAccount(String segment) throws Exception {
        String token = create("bob");
        int regenerate = refusedStatus("POST", "legacy-accounts/" + segment + "/token");
        int delete = refusedStatus("DELETE", "legacy-accounts/" + segment);
        assertTrue(regenerate >= 400 && regenerate < 500, segment + " regenerate answered " + regenerate);
        assertTrue(delete >= 400 && delete < 500, segment + " delete answered " + delete);
        assertEquals(200, callV2("bob", token), segment.toLowerCase(Locale.ROOT));
    }

    /**
     * The status of a request Jetty may refuse while parsing it. Jetty 12 sometimes closes such a
     * connection without answering (jetty/jetty.project#12939, as {@code RawSocketFuzzTest} also allows), so a
     * request that got no bytes at all is sent once more.
     */
    private static int refusedStatus(String method, String relative) throws Exception {
        try {
            return server.owner(method, relative, null).statusCode();
        } catch (java.io.IOException e) {
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            return server.owner(method, relative, null).statusCode();
        }
    }

    /**
     * Jetty drops a path parameter as the servlet specification says, so {@code bob;v=1} is bob; as no
     * username can contain {@code ;} it never names another account ({@code %3B} is a literal one).
     */
    @Test
    void aPathParameterIsDroppedSoItAddressesTheAccountBeforeIt() throws Exception {
        String token = create("bob");
        problem(server.owner("POST", "legacy-accounts/bob%3Bv=1/token", null), 404, "not_found");
        assertEquals(200, callV2("bob", token));
        HttpResponse<String> regenerated = server.owner("POST", "legacy-accounts/bob;v=1/token", null);
        assertEquals(200, regenerated.statusCode(), regenerated.body());
        assertEquals("bob", json(regenerated).get("username").asText());
        assertEquals(401, callV2("bob", token));
    }
}
