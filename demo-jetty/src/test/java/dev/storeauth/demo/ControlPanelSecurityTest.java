package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.body;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, session cookie, CSRF and HTTPS rules of the control panel, over real ports. */
class ControlPanelSecurityTest {

    @TempDir
    static Path dataDir;
    static DemoFixture demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(dataDir);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void signInSetsAStrictSessionCookieAndAnswersTheCsrfToken() throws Exception {
        HttpResponse<String> response = signIn(demo.client(), "owner@example.com", DemoFixture.OWNER_PASSWORD);

        assertEquals(200, response.statusCode(), response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("STOREAUTH_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"),
                cookie);
        assertTrue(DemoFixture.json(response).get("csrf_token").asText().length() >= 32);
    }

    @Test
    void signInAcceptsFormFields() throws Exception {
        HttpResponse<String> response = send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=staff%40example.com&password="
                        + DemoFixture.STAFF_PASSWORD)).build());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("staff", DemoFixture.json(response).get("role").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401WithAChallenge() throws Exception {
        HttpResponse<String> wrong = signIn(demo.client(), "owner@example.com", "not-the-password");
        HttpResponse<String> unknown = signIn(demo.client(), "nobody@example.com", "not-the-password");

        for (HttpResponse<String> response : java.util.List.of(wrong, unknown)) {
            assertEquals(401, response.statusCode());
            assertEquals("Session realm=\"storeauth-manage\"", response.headers().firstValue("WWW-Authenticate")
                    .orElse(""));
            assertTrue(response.body().contains("wrong e-mail address or password"), response.body());
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
        }
    }

    @Test
    void managementWithoutASessionIs401WithAChallenge() throws Exception {
        HttpResponse<String> response = send(demo.client(), HttpRequest.newBuilder(
                demo.https("/manage/stores/" + demo.storeHash() + "/api-accounts")).GET().build());

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Session"));
    }

    @Test
    void stateChangingRequestWithoutTheCsrfTokenIs403() throws Exception {
        HttpClient owner = demo.client();
        demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);

        HttpResponse<String> missing = createAccount(owner, null);
        HttpResponse<String> wrong = createAccount(owner, "forged-token");

        assertEquals(403, missing.statusCode());
        assertEquals(403, wrong.statusCode());
        assertTrue(missing.body().contains("X-CSRF-Token"), missing.body());
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        HttpClient owner = demo.client();
        String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);

        HttpResponse<String> out = send(owner, HttpRequest.newBuilder(demo.https("/manage/session"))
                .header("X-CSRF-Token", csrf).DELETE().build());
        HttpResponse<String> after = send(owner, HttpRequest.newBuilder(demo.https("/manage/session")).GET().build());

        assertEquals(204, out.statusCode());
        assertEquals(401, after.statusCode());
        assertTrue(after.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Session"));
    }

    @Test
    void crossSiteSignInIsRefused() throws Exception {
        HttpResponse<String> response = send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(body(Map.of("email", "owner@example.com", "password", DemoFixture.OWNER_PASSWORD))).build());

        assertEquals(403, response.statusCode());
    }

    @Test
    void plainHttpRedirectsPagesAndRefusesSignIn() throws Exception {
        HttpClient client = demo.client();
        HttpResponse<String> page = send(client, HttpRequest.newBuilder(demo.http("/manage/api-accounts?x=1"))
                .GET().build());
        HttpResponse<String> post = send(client, HttpRequest.newBuilder(demo.http("/manage/login"))
                .header("Content-Type", "application/json")
                .POST(body(Map.of("email", "owner@example.com", "password", "x"))).build());

        assertEquals(301, page.statusCode());
        assertEquals(demo.https("/manage/api-accounts?x=1").toString(),
                page.headers().firstValue("Location").orElseThrow());
        assertEquals(403, post.statusCode());
        assertTrue(post.body().contains("TLS required"), post.body());
    }

    @Test
    void everyPageWithoutASessionRedirectsToSignInAndComesBackAfterIt() throws Exception {
        for (String name : List.of("api-accounts", "legacy-accounts", "activity")) {
            HttpResponse<String> page = send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/" + name))
                    .GET().build());

            assertEquals(302, page.statusCode(), name);
            assertTrue(page.headers().firstValue("Location").orElseThrow()
                    .endsWith("/manage/login?next=%2Fmanage%2F" + name), name);
        }
    }

    @Test
    void pagesForbidInlineScriptAndFraming() throws Exception {
        HttpResponse<String> login = send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/login"))
                .GET().build());

        assertEquals(200, login.statusCode());
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(login.body().contains("<form class=\"login\""));
    }

    private static HttpResponse<String> signIn(HttpClient client, String email, String password) throws Exception {
        return send(client, HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/json")
                .POST(body(Map.of("email", email, "password", password))).build());
    }

    private static HttpResponse<String> createAccount(HttpClient client, String csrf) throws Exception {
        return demo.manage(client, csrf, "POST", "api-accounts", Map.of("name", "No token"));
    }
}
