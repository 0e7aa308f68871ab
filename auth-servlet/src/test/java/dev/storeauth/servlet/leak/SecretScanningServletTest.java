package dev.storeauth.servlet.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.lifecycle.IssuedCredentials;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GitHub's reports, signed or not, against the endpoint in a real Jetty; revoked credentials then fail at the filter. */
class SecretScanningServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer realm=\"storeauth\", error=\"invalid_token\"";
    private static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";
    private static final String URL = "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/foo/bar.txt";

    private final ScanningServer server = new ScanningServer();

    SecretScanningServletTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    private static String report(String... tokens) {
        StringBuilder body = new StringBuilder("[");
        for (String token : tokens) {
            body.append(body.length() == 1 ? "" : ",").append("{\"token\":\"").append(token)
                    .append("\",\"type\":\"storeauth_oauth_access_token\",\"url\":\"").append(URL)
                    .append("\",\"source\":\"commit\"}");
        }
        return body.append(']').toString();
    }

    private static void assertAccepted(HttpResponse<String> storeApi) {
        assertEquals(200, storeApi.statusCode(), storeApi.body());
    }

    /** A store API answer refused at the filter, challenging the scheme the credential was sent by. */
    private static void assertRefused(HttpResponse<String> storeApi, String challenge) {
        assertEquals(401, storeApi.statusCode(), storeApi.body());
        List<String> challenges = storeApi.headers().allValues("WWW-Authenticate");
        assertTrue(challenges.contains(challenge), challenges.toString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detailPart) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Signature realm=\"github-secret-scanning\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("invalid_signature", json(response).get("code").asText());
        assertTrue(json(response).get("detail").asText().contains(detailPart), response.body());
    }

    @Test
    void aSignedReportRevokesEachKindAndAnswersTruePositives() throws Exception {
        IssuedCredentials.OAuth rolled = server.oauth();
        IssuedCredentials.OAuth deleted = server.oauth();
        IssuedCredentials.Legacy legacy = server.legacy("bob");
        assertAccepted(server.bearer(rolled.accessToken()));
        assertAccepted(server.basic("bob", legacy.apiToken()));

        HttpResponse<String> answer = server.report(report(rolled.accessToken(), deleted.clientSecret(), legacy.apiToken()));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of(
                Map.of("token_raw", rolled.accessToken(), "token_type", "storeauth_oauth_access_token", "label", "true_positive"),
                Map.of("token_raw", deleted.clientSecret(), "token_type", "storeauth_oauth_client_secret", "label", "true_positive"),
                Map.of("token_raw", legacy.apiToken(), "token_type", "storeauth_legacy_api_token", "label", "true_positive")),
                JSON.readValue(answer.body(), List.class));
        assertRefused(server.bearer(rolled.accessToken()), BEARER);
        assertRefused(server.bearer(deleted.accessToken()), BEARER);
        assertRefused(server.basic("bob", legacy.apiToken()), BASIC);
    }

    @Test
    void aLeakedShortLivedTokenIsDeletedAloneAndTheAccessTokenStays() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        String token = server.shortLived(created);
        assertAccepted(server.bearer(token));

        HttpResponse<String> answer = server.report(report(token));

        assertEquals(List.of(Map.of("token_raw", token, "token_type", "storeauth_short_lived_token",
                "label", "true_positive")), JSON.readValue(answer.body(), List.class));
        assertRefused(server.bearer(token), BEARER);
        assertEquals(200, server.bearer(created.accessToken()).statusCode());
    }

    @Test
    void whatIsNoLiveCredentialIsAnsweredFalsePositiveAndLeftAlone() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();

        HttpResponse<String> answer = server.report(report(created.account().clientId(), "ghp_notours",
                "sat_" + "A".repeat(38)));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(List.of("false_positive"), json(answer).findValuesAsText("label").stream().distinct().toList());
        assertEquals(List.of("storeauth_oauth_client_id", "storeauth_unknown", "storeauth_oauth_access_token"),
                json(answer).findValuesAsText("token_type"));
        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void aReportSignedByAnotherKeyIsRefusedAndNothingIsRevoked() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        String body = report(created.accessToken());
        GitHubSigner impostor = new GitHubSigner(server.github.identifier);

        assertUnauthorized(server.post(body, "Github-Public-Key-Identifier", server.github.identifier,
                "Github-Public-Key-Signature", impostor.sign(body)), "does not match");

        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void aTamperedBodyIsRefusedAndNothingIsRevoked() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        IssuedCredentials.OAuth other = server.oauth();
        String signed = report(other.account().clientId());

        assertUnauthorized(server.post(report(created.accessToken()), "Github-Public-Key-Identifier",
                server.github.identifier, "Github-Public-Key-Signature", server.github.sign(signed)), "does not match");
        assertUnauthorized(server.post(signed + " ", "Github-Public-Key-Identifier",
                server.github.identifier, "Github-Public-Key-Signature", server.github.sign(signed)), "does not match");

        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void anAddressWhoseReportsFailTheSignatureTenTimesIsRefusedBeforeItsNextBodyIsRead() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        String body = report(created.account().clientId());
        GitHubSigner impostor = new GitHubSigner(server.github.identifier);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, server.report(body).statusCode(), "genuine reports give their place back");
        }
        for (int i = 0; i < SecretScanningServlet.MAX_FAILED_SIGNATURES; i++) {
            assertUnauthorized(server.post(body, "Github-Public-Key-Identifier", server.github.identifier,
                    "Github-Public-Key-Signature", impostor.sign(body)), "does not match");
        }

        HttpResponse<String> blocked = server.report(report(created.accessToken()));

        assertEquals(429, blocked.statusCode(), blocked.body());
        assertEquals("too_many_failures", json(blocked).get("code").asText());
        assertTrue(Integer.parseInt(blocked.headers().firstValue("Retry-After").orElse("0")) > 0);
        assertEquals("close", blocked.headers().firstValue("Connection").orElse(""));
        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void anUnknownKeyIdentifierIsRefusedBeforeTheBodyIsRead() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        String body = report(created.accessToken());
        GitHubSigner unknown = new GitHubSigner("unknown");

        HttpResponse<String> answer = server.post(body, "Github-Public-Key-Identifier", unknown.identifier,
                "Github-Public-Key-Signature", unknown.sign(body));

        assertUnauthorized(answer, "no key of ours");
        assertEquals("close", answer.headers().firstValue("Connection").orElse(""));
        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void missingOrMalformedSignatureHeadersAreRefused() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        String body = report(created.accessToken());
        String signature = server.github.sign(body);

        assertUnauthorized(server.post(body, "Github-Public-Key-Signature", signature), "Github-Public-Key-Identifier");
        assertUnauthorized(server.post(body, "Github-Public-Key-Identifier", server.github.identifier),
                "Github-Public-Key-Signature");
        assertUnauthorized(server.post(body, "Github-Public-Key-Identifier", server.github.identifier,
                "Github-Public-Key-Signature", "not base64!"), "Github-Public-Key-Signature");
        assertUnauthorized(server.post(body), "Github-Public-Key-Identifier");

        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void aMalformedReportWithAGoodSignatureIsRefusedNamingTheProblem() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        Map<String, String> fieldByBody = Map.of(
                "{\"token\":\"" + created.accessToken() + "\"}", "body",
                "[{\"token\":\"" + created.accessToken() + "\"}", "body",
                "[{\"token\":\"" + created.accessToken() + "\"}, 7]", "[1]",
                "[{\"type\":\"storeauth_oauth_access_token\"}]", "[0].token",
                "[{\"token\":\"" + created.accessToken() + "\",\"url\":7}]", "[0].url",
                "[{\"token\":\"" + "x".repeat(1025) + "\"}]", "[0].token",
                "[{\"token\":\"a\",\"token\":\"b\"}]", "body",
                "[{\"token\":\"a\",\"source\":\"\\ud800\"}]", "[0].source");

        for (Map.Entry<String, String> body : fieldByBody.entrySet()) {
            HttpResponse<String> answer = server.report(body.getKey());
            assertEquals(400, answer.statusCode(), body.getKey());
            assertEquals("invalid_report", json(answer).get("code").asText());
            assertEquals(body.getValue(), json(answer).get("field").asText(), body.getKey());
        }
        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void aReportOfTooManyTokensIsRefusedAndNothingIsRevoked() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        String[] tokens = new String[1001];
        java.util.Arrays.fill(tokens, "ghp_x");
        tokens[0] = created.accessToken();

        HttpResponse<String> answer = server.report(report(tokens));

        assertEquals(400, answer.statusCode());
        assertTrue(json(answer).get("detail").asText().contains("at most 1000 tokens"), answer.body());
        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void aBodyDeclaredOverOneMebibyteIsRefusedBeforeAByteOfItIsSent() throws Exception {
        String answer = server.headOnly(oversizedHead(server.github.sign("[]")));

        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("\"code\":\"payload_too_large\""), answer);
        assertTrue(answer.contains("Connection: close"), answer);
    }

    @Test
    void anAddressSendingTenOversizedBodiesIsRefusedBeforeItsNextIsRead() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        for (int i = 0; i < SecretScanningServlet.MAX_FAILED_SIGNATURES; i++) {
            String answer = server.headOnly(oversizedHead(server.github.sign("[]")));
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        }

        HttpResponse<String> blocked = server.report(report(created.accessToken()));

        assertEquals(429, blocked.statusCode(), blocked.body());
        assertEquals("too_many_failures", json(blocked).get("code").asText());
        assertAccepted(server.bearer(created.accessToken()));
    }

    private String[] oversizedHead(String signature) {
        return new String[] {"Content-Type: application/json", "Content-Length: " + (SecretScanningServlet.MAX_BODY_BYTES + 1),
            "Github-Public-Key-Identifier: " + server.github.identifier, "Github-Public-Key-Signature: " + signature};
    }

    @Test
    void aSignedReportOverPlainHttpIsRefusedBeforeItsHeadersOrBodyAreLookedAt() throws Exception {
        IssuedCredentials.OAuth created = server.oauth();
        String body = report(created.accessToken());

        HttpResponse<String> answer = server.postPlain(body, "Github-Public-Key-Identifier", server.github.identifier,
                "Github-Public-Key-Signature", server.github.sign(body));
        HttpResponse<String> unsigned = server.postPlain(body);

        for (HttpResponse<String> refused : List.of(answer, unsigned)) {
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals("tls_required", json(refused).get("code").asText());
            assertTrue(json(refused).get("detail").asText().contains("HTTPS"), refused.body());
            assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
        }
        assertAccepted(server.bearer(created.accessToken()));
    }

    @Test
    void onlyAJsonPostIsAccepted() throws Exception {
        HttpResponse<String> get = server.send(HttpRequest.newBuilder().GET());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));

        String body = report("ghp_x");
        HttpResponse<String> form = server.send(HttpRequest.newBuilder().header("Content-Type", "text/plain")
                .header("Github-Public-Key-Identifier", server.github.identifier)
                .header("Github-Public-Key-Signature", server.github.sign(body)).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(415, form.statusCode());
    }

    @Test
    void anEmptyReportIsAnsweredWithAnEmptyArray() throws Exception {
        HttpResponse<String> answer = server.report("[]");

        assertEquals(200, answer.statusCode());
        assertEquals("[]", answer.body());
    }
}
