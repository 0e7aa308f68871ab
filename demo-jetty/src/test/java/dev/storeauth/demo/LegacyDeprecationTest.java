package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.cli.DemoOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's Basic deprecation over real HTTPS: every answer to a legacy account's Basic request
 * carries {@code Deprecation} and a {@code Link} to a page the demo serves to anyone; with
 * {@code --legacy-sunset} a {@code Sunset} too, and from that day on Basic is 401
 * {@code basic_auth_retired} offering only Bearer. Bearer answers carry none of it.
 */
class LegacyDeprecationTest {

    @TempDir
    Path dataDir;

    private static String legacyToken(DemoFixture demo, HttpClient owner) throws Exception {
        String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        HttpResponse<String> created = demo.manage(owner, csrf, "POST", "legacy-accounts", Map.of("username", "till"));
        assertEquals(201, created.statusCode(), created.body());
        return json(created).get("api_token").asText();
    }

    private static String link(DemoFixture demo) {
        return "<https://localhost:" + demo.server.httpsPort() + "/manage/assets/legacy-basic.html>";
    }

    @Test
    void basicAnswersSayBasicIsDeprecatedAndLinkToAPageAnyoneCanRead() throws Exception {
        try (DemoFixture demo = DemoFixture.start(DemoFixture.options(dataDir))) {
            HttpClient owner = demo.client();
            String token = legacyToken(demo, owner);
            String bearer = StoreQuotaTest.token(demo, owner, "read-only");

            HttpResponse<String> basic = StoreApiCalls.legacy(demo, owner, "till", token);
            HttpResponse<String> oauth = StoreApiCalls.get(demo, owner, "/v2/products", bearer);
            HttpResponse<String> page = send(demo.client(), HttpRequest.newBuilder(demo.https(
                    "/manage/assets/legacy-basic.html")).GET().build());

            assertEquals(200, basic.statusCode(), basic.body());
            assertEquals(List.of("@1688169600"), basic.headers().allValues("Deprecation"));
            assertEquals(List.of(), basic.headers().allValues("Sunset"));
            assertEquals(List.of(link(demo) + "; rel=\"deprecation\""), basic.headers().allValues("Link"));
            assertEquals(200, oauth.statusCode(), oauth.body());
            assertEquals(List.of(), oauth.headers().allValues("Deprecation"));
            assertEquals(List.of(), oauth.headers().allValues("Link"));
            assertEquals(200, page.statusCode(), "the linked page needs no sign-in");
            assertTrue(page.body().contains("X-Auth-Token"), page.body());
        }
    }

    @Test
    void fromTheLegacySunsetOnBasicIsRefusedOfferingOnlyBearerWhileOAuthIsServed() throws Exception {
        DemoOptions options = DemoFixture.options(dataDir).withLegacySunset(Optional.of(LocalDate.of(2024, 1, 1)));
        try (DemoFixture demo = DemoFixture.start(options)) {
            HttpClient owner = demo.client();
            String token = legacyToken(demo, owner);
            String bearer = StoreQuotaTest.token(demo, owner, "read-only");

            HttpResponse<String> retired = StoreApiCalls.legacy(demo, owner, "till", token);
            HttpResponse<String> oauth = StoreApiCalls.get(demo, owner, "/v2/products", bearer);

            assertEquals(401, retired.statusCode(), retired.body());
            assertEquals(List.of("Bearer realm=\"storeauth demo\""), retired.headers().allValues("WWW-Authenticate"));
            assertEquals("basic_auth_retired", json(retired).get("code").asText());
            assertTrue(json(retired).get("detail").asText().contains("retired on 2024-01-01"), retired.body());
            assertEquals(List.of("@1688169600"), retired.headers().allValues("Deprecation"));
            assertEquals(List.of("Mon, 01 Jan 2024 00:00:00 GMT"), retired.headers().allValues("Sunset"));
            assertEquals(List.of(link(demo) + "; rel=\"deprecation\", " + link(demo) + "; rel=\"sunset\""),
                    retired.headers().allValues("Link"));
            assertEquals(200, oauth.statusCode(), oauth.body());
        }
    }
}
