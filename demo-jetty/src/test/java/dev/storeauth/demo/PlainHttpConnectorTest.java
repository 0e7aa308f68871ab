package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-HTTP connector decides "TLS or not" from the connection: a request line naming
 * {@code https://} (absolute form) or a forged {@code Host} changes neither what is refused nor
 * where a redirect goes. Raw sockets, since a well-behaved client never sends these.
 */
class PlainHttpConnectorTest {

    private static final String SIGN_IN_BODY = "{\"email\":\"owner@example.com\",\"password\":\""
            + DemoFixture.OWNER_PASSWORD + "\"}";

    @TempDir
    static Path dataDir;
    static DemoFixture demo;
    static String sessionCookie;
    static String csrf;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(dataDir);
        HttpClient client = demo.client();
        HttpResponse<String> signedIn = DemoFixture.send(client, HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SIGN_IN_BODY))
                .build());
        sessionCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        csrf = json(signedIn).get("csrf_token").asText();
        HttpResponse<String> created = demo.manage(client, csrf, "POST", "api-accounts",
                Map.of("name", "Catalogue reader", "scopes", Map.of("products", "read-only")));
        token = json(created).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void absoluteFormSignInOnThePlainConnectorIsRefused() throws Exception {
        RawHttp.Response response = RawHttp.plain(demo.server.httpPort(), absolute("POST", "/manage/login")
                + "Content-Type: application/json\r\nContent-Length: " + SIGN_IN_BODY.length() + "\r\n\r\n"
                + SIGN_IN_BODY);

        assertEquals(403, response.status(), response.body());
        assertTrue(response.header("Set-Cookie").isEmpty(), response.headers().toString());
        assertFalse(response.body().contains("csrf_token"), response.body());
        assertTrue(response.body().contains("TLS required"), response.body());
    }

    @Test
    void absoluteFormPageOnThePlainConnectorIsRedirectedToHttps() throws Exception {
        RawHttp.Response response = RawHttp.plain(demo.server.httpPort(), absolute("GET", "/manage/api-accounts")
                + "\r\n");

        assertEquals(301, response.status(), response.body());
        assertEquals(demo.https("/manage/api-accounts").toString(), response.header("Location").orElseThrow());
    }

    @Test
    void absoluteFormAccountCreationWithAValidSessionOnThePlainConnectorIsRefused() throws Exception {
        String body = "{\"name\":\"Sniffed\",\"scopes\":{\"products\":\"modify\"}}";
        RawHttp.Response response = RawHttp.plain(demo.server.httpPort(),
                absolute("POST", "/manage/stores/" + demo.storeHash() + "/api-accounts") + "Cookie: " + sessionCookie
                        + "\r\nX-CSRF-Token: " + csrf + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body);

        assertEquals(403, response.status(), response.body());
        assertFalse(response.body().contains("access_token") || response.body().contains("secret"), response.body());
    }

    @Test
    void absoluteFormStoreApiCallOnThePlainConnectorIsRefused() throws Exception {
        RawHttp.Response response = RawHttp.plain(demo.server.httpPort(),
                absolute("GET", "/stores/" + demo.storeHash() + "/v3/catalog/products") + "X-Auth-Token: " + token
                        + "\r\n\r\n");

        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains("tls_required"), response.body());
    }

    @Test
    void plainRedirectGoesToThePublicHostNotTheHostTheClientSent() throws Exception {
        RawHttp.Response forgedHost = RawHttp.plain(demo.server.httpPort(),
                "GET /manage/?a=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        RawHttp.Response forgedAuthority = RawHttp.plain(demo.server.httpPort(),
                "GET http://evil.example:8080/manage/ HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n");

        assertEquals(301, forgedHost.status());
        assertEquals(demo.https("/manage/?a=1").toString(), forgedHost.header("Location").orElseThrow());
        assertEquals(301, forgedAuthority.status());
        assertEquals(demo.https("/manage/").toString(), forgedAuthority.header("Location").orElseThrow());
    }

    @Test
    void refusedPostNamesTheHttpsAddressOfThePublicHost() throws Exception {
        RawHttp.Response response = RawHttp.plain(demo.server.httpPort(),
                "POST /manage/login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

        assertEquals(403, response.status());
        assertTrue(response.body().contains(demo.https("/manage/login").toString()), response.body());
        assertFalse(response.body().contains("evil.example"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stores/../manage/login", "/stores/./../manage/login", "/stores/x/../../manage/login"})
    void aSignInThatClimbsOutOfTheStoreApiOnThePlainConnectorIsRefused(String path) throws Exception {
        RawHttp.Response response = RawHttp.plain(demo.server.httpPort(), "POST " + path + " HTTP/1.1\r\nHost: localhost"
                + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + SIGN_IN_BODY.length()
                + "\r\n\r\n" + SIGN_IN_BODY);

        assertEquals(403, response.status(), response.body());
        assertTrue(response.header("Set-Cookie").isEmpty(), response.headers().toString());
        assertFalse(response.body().contains("csrf_token"), response.body());
    }

    @Test
    void anAccountCreationThatClimbsOutOfTheStoreApiOnThePlainConnectorIsRefused() throws Exception {
        String body = "{\"name\":\"Sniffed\",\"scopes\":{\"products\":\"modify\"}}";
        RawHttp.Response response = RawHttp.plain(demo.server.httpPort(),
                "POST /stores/../manage/stores/" + demo.storeHash() + "/api-accounts HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\nCookie: " + sessionCookie + "\r\nX-CSRF-Token: " + csrf
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertEquals(403, response.status(), response.body());
        assertFalse(response.body().contains("access_token") || response.body().contains("secret"), response.body());
    }

    /** An absolute-form request line for the HTTPS port, sent to whatever socket carries it. */
    private static String absolute(String method, String path) {
        String authority = "localhost:" + demo.server.httpsPort();
        return method + " https://" + authority + path + " HTTP/1.1\r\nHost: " + authority
                + "\r\nConnection: close\r\n";
    }
}
