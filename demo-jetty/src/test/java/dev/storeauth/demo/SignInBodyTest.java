package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sign-in bodies are read before any credential is checked, so they are bounded: slow bodies park no
 * request thread, large ones are refused by size, and form bodies are parsed in linear time. Over
 * real TLS sockets against the running demo.
 */
@Timeout(120)
class SignInBodyTest {

    @TempDir
    static Path dataDir;
    static DemoFixture demo;
    static RawHttps https;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(dataDir);
        https = new RawHttps(demo);
        token = HostileSignIns.readerToken(demo);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void anApiCallIsAnsweredWithinASecondWhile200ConnectionsTrickleSignInBodies() throws Exception {
        HttpClient api = demo.client();
        assertEquals(200, send(api, HostileSignIns.apiCall(demo, token)).statusCode(), "warm-up");

        HostileSignIns.Trickle run = HostileSignIns.apiCallDuringTrickle(https, 200, api,
                HostileSignIns.apiCall(demo, token));

        assertEquals(200, run.opened(), "opening stopped: " + run.openFailure());
        assertEquals(0, run.dropped(), "the server dropped trickling connections: the attack was not on");
        assertEquals(200, run.status());
        assertTrue(run.millis() < 1_000, "the API call took " + run.millis() + " ms");
    }

    @Test
    void aSignInBodyOf400KbOfRepeatedKeysIsRefusedInUnder50MsOfServerCpu() throws Exception {
        byte[] body = HostileSignIns.repeatedKeys(100_000);
        HostileSignIns.refuse(https, "Content-Length: " + body.length, body);

        HostileSignIns.Refusal refusal = HostileSignIns.refuse(https, "Content-Length: " + body.length, body);

        assertEquals("HTTP/1.1 413 Payload Too Large", refusal.status());
        assertTrue(refusal.cpuNanos() < 50_000_000, "server CPU " + refusal.cpuNanos() / 1_000_000 + " ms");
    }

    @Test
    void aChunkedSignInBodyOf400KbOfRepeatedKeysIsRefusedAtTheCapInUnder50MsOfServerCpu() throws Exception {
        byte[] body = HostileSignIns.chunked(HostileSignIns.repeatedKeys(100_000));
        HostileSignIns.refuse(https, "Transfer-Encoding: chunked", body);

        HostileSignIns.Refusal refusal = HostileSignIns.refuse(https, "Transfer-Encoding: chunked", body);

        assertEquals("HTTP/1.1 413 Payload Too Large", refusal.status());
        assertTrue(refusal.cpuNanos() < 50_000_000, "server CPU " + refusal.cpuNanos() / 1_000_000 + " ms");
    }

    @Test
    void anEightKibBodyOfRepeatedKeysIsRefusedByTheFieldCap() throws Exception {
        assertTrue(HostileSignIns.repeatedKeys(2_000).length <= 8 * 1024);
        byte[] body = HostileSignIns.repeatedKeys(2_000);

        HttpResponse<String> response = form(new String(body, StandardCharsets.US_ASCII));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("more than 16 fields"), response.body());
    }

    @Test
    void aSignInBodyOverEightKibIs413AndClosesTheConnection() throws Exception {
        HttpResponse<String> response = send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + "a".repeat(8 * 1024) + "\"}")).build());

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("close", response.headers().firstValue("Connection").orElse(""));
        assertTrue(response.body().contains("at most 8192 bytes"), response.body());
    }

    @Test
    void aChunkedFormSignInWithinTheCapSignsIn() throws Exception {
        byte[] body = ("email=staff%40example.com&password=" + DemoFixture.STAFF_PASSWORD)
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("staff", json(response).get("role").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "email=a%40b.c&email=staff%40example.com&password=x | email is given more than once",
        "email=a%40b.c&password=x&password=y                | password is given more than once",
        "email=a%40b.c&password=100%                        | invalid percent-encoding in field 2's value",
        "email=a%C3%40b.c&password=x                        | field 1's value is not UTF-8",
    })
    void aMalformedFormIs400NamingTheProblem(String body, String detail) throws Exception {
        HttpResponse<String> response = form(body);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(json(response).get("detail").asText().startsWith(detail), response.body());
    }

    @Test
    void aJsonBodyWithARepeatedMemberIs400() throws Exception {
        HttpResponse<String> response = send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"a@b.c\",\"password\":\"x\",\"password\":\"y\"}")).build());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("the key \\\"password\\\" appears twice"), response.body());
    }

    @Test
    void aSignInBodyStillTricklingAtTheDeadlineIs408AndClosesTheConnection() throws Exception {
        try (Socket socket = https.open(30_000)) {
            long started = System.nanoTime();
            socket.getOutputStream().write(RawHttps.signInHead("application/x-www-form-urlencoded",
                    "Content-Length: 2000"));
            socket.getOutputStream().write('e');
            socket.getOutputStream().flush();

            String answer = RawHttps.readAll(socket);
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("Connection: close"), answer);
            assertTrue(answer.contains("did not arrive within 10 seconds"), answer);
            assertTrue(seconds >= 9 && seconds < 25, seconds + " s");
        }
    }

    private static HttpResponse<String> form(String body) throws Exception {
        return send(demo.client(), HttpRequest.newBuilder(demo.https("/manage/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
