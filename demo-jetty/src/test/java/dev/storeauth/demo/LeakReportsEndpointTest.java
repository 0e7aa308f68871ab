package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.demo.server.DemoServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --leak-report-keys}: the demo takes GitHub secret-scanning reports on HTTPS, revokes the live
 * tokens in them and records it in the store's activity; without the option there is no such endpoint.
 */
class LeakReportsEndpointTest {

    private static final String KEY_ID = "bcb53661c06b4728e59d897fb6165d5c9cda0fd9cdf9d09ead458168deb7518c";

    @TempDir
    Path dir;

    private final KeyPair github = p256();

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private Path keyFile() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(github.getPublic().getEncoded())
                + "\\n-----END PUBLIC KEY-----\\n";
        return Files.writeString(dir.resolve("github-keys.json"), "{\"public_keys\":[{\"key_identifier\":\"" + KEY_ID
                + "\",\"key\":\"" + pem + "\",\"is_current\":true}]}");
    }

    private HttpRequest signedReport(DemoFixture demo, String token) throws Exception {
        String body = "[{\"token\":\"" + token + "\",\"type\":\"storeauth_oauth_access_token\","
                + "\"url\":\"https://github.com/octocat/Hello-World/blob/main/.env\",\"source\":\"commit\"}]";
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(github.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(demo.https("/secret-scanning/reports")).header("Content-Type", "application/json")
                .header("Github-Public-Key-Identifier", KEY_ID)
                .header("Github-Public-Key-Signature", Base64.getEncoder().encodeToString(signer.sign()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> storeApi(DemoFixture demo, HttpClient client, String token) throws Exception {
        return DemoFixture.send(client, HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash()
                + "/v3/catalog/products")).header("X-Auth-Token", token).build());
    }

    @Test
    void aSignedReportRevokesTheLeakedTokenAndTheActivityShowsIt() throws Exception {
        try (DemoFixture demo = DemoFixture.start(DemoFixture.options(dir.resolve("data"))
                .withLeakReportKeys(Optional.of(keyFile())))) {
            HttpClient client = demo.client();
            String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            String token = json(demo.manage(client, csrf, "POST", "api-accounts", Map.of("name", "Stock sync",
                    "scopes", Map.of("products", "read-only")))).get("access_token").asText();
            assertEquals(200, storeApi(demo, client, token).statusCode());

            HttpResponse<String> answer = DemoFixture.send(client, signedReport(demo, token));

            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("true_positive", json(answer).get(0).get("label").asText());
            assertEquals("storeauth_oauth_access_token", json(answer).get(0).get("token_type").asText());
            HttpResponse<String> refused = storeApi(demo, client, token);
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(List.of("Bearer realm=\"storeauth demo\", error=\"invalid_token\""), refused.headers().allValues("WWW-Authenticate"));
            JsonNode newest = json(demo.manage(client, null, "GET", "audit-events?limit=1", null)).get("data").get(0);
            assertEquals("credential.leaked", newest.get("action").asText());
            assertEquals("storeauth", newest.get("actor").asText());
            assertEquals("access_token_rolled", newest.get("detail").get("revoked").asText());
            assertEquals("commit", newest.get("detail").get("source").asText());
            assertTrue(demo.server.banner().contains("/secret-scanning/reports"), demo.server.banner());
        }
    }

    @Test
    void aReportOverPlainHttpIsRefused() throws Exception {
        try (DemoFixture demo = DemoFixture.start(DemoFixture.options(dir.resolve("data"))
                .withLeakReportKeys(Optional.of(keyFile())))) {
            HttpRequest signed = signedReport(demo, "sat_x");
            HttpResponse<String> answer = DemoFixture.send(demo.client(), HttpRequest.newBuilder(
                    demo.http("/secret-scanning/reports")).headers("Content-Type", "application/json")
                    .POST(signed.bodyPublisher().orElseThrow()).build());

            assertEquals(403, answer.statusCode());
        }
    }

    @Test
    void withoutTheOptionThereIsNoEndpoint() throws Exception {
        try (DemoFixture demo = DemoFixture.start(dir.resolve("data"))) {
            HttpResponse<String> answer = DemoFixture.send(demo.client(), signedReport(demo, "sat_x"));

            assertEquals(404, answer.statusCode());
            assertTrue(!demo.server.banner().contains("/secret-scanning/reports"));
        }
    }

    @Test
    void aKeyFileThatIsNotGitHubsFormatStopsTheStartNamingTheOption() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"public_keys\":[]}");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DemoServer.start(
                DemoFixture.options(dir.resolve("data")).withLeakReportKeys(Optional.of(bad)), name -> Optional.of("pw")));

        assertTrue(refused.getMessage().startsWith("--leak-report-keys " + bad), refused.getMessage());
    }
}
