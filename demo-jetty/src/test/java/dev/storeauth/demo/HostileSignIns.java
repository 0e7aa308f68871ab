package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sign-in attacks on a running demo, each answering what it cost the server or another client. */
final class HostileSignIns {

    /** How a refused body was answered: the status line, and the Jetty threads' CPU while it was sent. */
    record Refusal(String status, long cpuNanos) {
    }

    /**
     * One trickle: how many connections were trickling, how many the server had dropped before the
     * API call was answered, why opening stopped early (or empty), and the call's status and latency.
     */
    record Trickle(int opened, int dropped, String openFailure, int status, long millis) {
    }

    private HostileSignIns() {
    }

    /** A form sign-in with a wrong password followed by {@code pairs} {@code &k=v} fields. */
    static byte[] repeatedKeys(int pairs) {
        return ("email=owner%40example.com&password=wrong" + "&k=v".repeat(pairs)).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code body} in 4 KiB chunks, with the last chunk. */
    static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < body.length; from += 4096) {
            int length = Math.min(4096, body.length - from);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, from, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Sends a form sign-in of {@code body} framed by the {@code framing} header; reads the answer to the end. */
    static Refusal refuse(RawHttps https, String framing, byte[] body) throws Exception {
        try (Socket socket = https.open(60_000)) {
            long before = ServerCpu.nanos();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendQuietly(socket, framing, body));
            String answer = RawHttps.readAll(socket);
            long cost = ServerCpu.nanos() - before;
            sending.join();
            return new Refusal(answer.isEmpty() ? "(nothing)" : answer.substring(0, answer.indexOf('\r')), cost);
        }
    }

    private static void sendQuietly(Socket socket, String framing, byte[] body) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttps.signInHead("application/x-www-form-urlencoded", framing));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the server may refuse and close before the whole body is sent
        }
    }

    /**
     * Starts {@code connections} trickling sign-ins (a byte a second), waits two drip rounds, then
     * times one API call of {@code api} (given 10 s), and stops the trickle.
     */
    static Trickle apiCallDuringTrickle(RawHttps https, int connections, HttpClient api, HttpRequest call)
            throws Exception {
        try (TricklingSignIns trickle = TricklingSignIns.start(https, connections, 1_000)) {
            if (!trickle.awaitTwoRounds(30)) {
                throw new AssertionError("the trickle did not get going");
            }
            int droppedBefore = trickle.closedByServer();
            long started = System.nanoTime();
            HttpResponse<String> answer = api.send(call, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Trickle(trickle.opened(), Math.max(droppedBefore, trickle.closedByServer()),
                    trickle.openFailure(), answer.statusCode(), millis);
        }
    }

    /** A new API account's token that may read everything. */
    static String readerToken(DemoFixture demo) throws Exception {
        HttpClient owner = demo.client();
        String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        return json(demo.manage(owner, csrf, "POST", "api-accounts", Map.of("name", "Probe", "scopes",
                Map.of("products", "read-only", "orders", "read-only", "customers", "read-only",
                        "information_settings", "read-only")))).get("access_token").asText();
    }

    /** {@code GET /v2/store} with {@code token}, given 10 s. */
    static HttpRequest apiCall(DemoFixture demo, String token) {
        return HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + "/v2/store"))
                .header("X-Auth-Token", token).timeout(Duration.ofSeconds(10)).build();
    }
}
