package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.server.DemoServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --public-host shop.test}: the HTTPS connector serves that name and the loopback names
 * whatever SNI the client announces and whatever names the certificate holds, refuses any other
 * host name with 421, and plain HTTP redirects to that name. Raw TLS sockets, since only they
 * announce an arbitrary SNI without verifying the certificate's names.
 */
class HttpsHostNamesTest {

    @TempDir
    static Path dataDir;
    static DemoServer server;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = Map.of("STOREAUTH_OWNER_PASSWORD", DemoFixture.OWNER_PASSWORD,
                "STOREAUTH_STAFF_PASSWORD", DemoFixture.STAFF_PASSWORD);
        server = DemoServer.start(new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.empty(),
                DemoOptions.DEFAULT_BIND, "shop.test"), name -> Optional.ofNullable(env.get(name)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "Host {0}, SNI {1}")
    @CsvSource(nullValues = "none", value = {
        "shop.test, shop.test", "SHOP.test, shop.test", "shop.test., shop.test", "localhost, localhost",
        "localhost, shop.test", "127.0.0.1, none", "[::1], none"})
    void httpsServesTheDemosOwnNames(String host, String sni) throws Exception {
        RawHttp.Response page = RawHttp.tls(server.httpsPort(), server.keystore().certificatePem(), sni,
                get(host + ":" + server.httpsPort()));

        assertEquals(200, page.status(), page.body());
    }

    @ParameterizedTest(name = "Host {0}, SNI {1}")
    @CsvSource(nullValues = "none", value = {
        "evil.example, evil.example", "evil.example, shop.test", "shop.test.evil.example, shop.test",
        "10.0.0.1, none"})
    void httpsRefusesAnyOtherHostNameWith421(String host, String sni) throws Exception {
        RawHttp.Response response = RawHttp.tls(server.httpsPort(), server.keystore().certificatePem(), sni,
                get(host + ":" + server.httpsPort()));

        assertEquals(421, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.body().contains("shop.test, localhost, 127.0.0.1 or ::1"), response.body());
    }

    @Test
    void absoluteFormNamingAnotherHostIsRefusedToo() throws Exception {
        RawHttp.Response response = RawHttp.tls(server.httpsPort(), server.keystore().certificatePem(), "shop.test",
                "GET https://evil.example/manage/login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertEquals(421, response.status(), response.body());
    }

    @Test
    void plainHttpRedirectsToThePublicHost() throws Exception {
        RawHttp.Response response = RawHttp.plain(server.httpPort(),
                "GET /manage/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(301, response.status());
        assertEquals("https://shop.test:" + server.httpsPort() + "/manage/", response.header("Location").orElseThrow());
    }

    private static String get(String authority) {
        return "GET /manage/login HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n";
    }
}
