package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before (or instead of) any demo code get an RFC 9457 problem in the demo's
 * own type scheme on the API and the control panel's JSON paths: never an HTML page, a stack trace
 * or an exception's class name. Raw bytes over TLS, since no well-behaved client sends them.
 */
class JettyRejectionTest {

    private static final String LONG = "a".repeat(10_000);

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

    static Stream<Arguments> rejections() {
        return Stream.of("/stores/abc/v3/catalog/products", "/manage/session", "/manage/stores/abc/api-accounts")
                .flatMap(path -> Stream.of(
                        row("header without a colon", path, 400, get(path) + "NoColonHere\r\n\r\n"),
                        row("control character in a header", path, 400, get(path) + "X-A: a\u0001b\r\n\r\n"),
                        row("no Host header", path, 400, "GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n"),
                        row("two Host headers", path, 400, get(path) + "Host: other\r\n\r\n"),
                        row("unreadable Content-Length", path, 400, get(path) + "Content-Length: x\r\n\r\n"),
                        row("URI too long", path, 414, get(path + "/" + LONG) + "\r\n"),
                        row("header too large", path, 431, get(path) + "X-Big: " + LONG + "\r\n\r\n"),
                        row("encoded slash", path, 400, get(path + "/a%2Fb") + "\r\n"),
                        row("encoded dot segment", path, 400, get(path + "/%2e%2e/x") + "\r\n"),
                        row("bad percent-encoding", path, 400, get(path + "/%zz") + "\r\n"),
                        row("unknown HTTP version", path, 505, "GET " + path + " HTTP/7.1\r\nHost: localhost\r\n\r\n")));
    }

    /** Errors the servlet layer raises with {@code sendError}: no body for PUT or PATCH before. */
    static Stream<Arguments> servletLayerRejections() {
        return Stream.of(
                row("method the sign-in servlet lacks", "/manage/login", 405, withoutBody("PUT", "/manage/login")),
                row("method the servlet API does not know", "/manage/session", 501,
                        withoutBody("PATCH", "/manage/session")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource({"rejections", "servletLayerRejections"})
    void jettyRejectionIsAProblemNotAPage(String what, String path, int status, String request) throws Exception {
        RawHttp.Response response = RawHttp.tls(demo.server.httpsPort(), demo.server.keystore().certificatePem(),
                "localhost", request);

        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").orElse("").split(";")[0],
                response.headers().toString());
        JsonNode problem = DemoFixture.JSON.readTree(response.body());
        assertTrue(problem.get("type").asText().startsWith("urn:storeauth:problem:"), response.body());
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("title").asText().isBlank());
        assertFalse(problem.get("detail").asText().isBlank());
        assertFalse(response.body().contains("<") || response.body().contains("Exception")
                || response.body().contains("org.eclipse") || response.body().contains("\tat "), response.body());
    }

    private static Arguments row(String what, String path, int status, String request) {
        return Arguments.of(what, path, status, request);
    }

    private static String withoutBody(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
    }
}
