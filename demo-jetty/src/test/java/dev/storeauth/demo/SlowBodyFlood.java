package dev.storeauth.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * Measures the slow-body flood against a running demo: {@code connections} TLS connections send
 * {@code POST /manage/login} headers announcing a 2,000-byte body, then one byte each every
 * {@code interval} seconds; once all are open (or after 30 s), one valid store API call is timed. Prints, per run, how long
 * that call took and when the server closed the flood's connections (and with what). A main, not
 * a test: it takes tens of seconds of real time.
 *
 * <pre>
 * mvn -B -o -q -pl demo-jetty -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp demo-jetty/target/test-classes:demo-jetty/target/classes:$(cat /tmp/cp.txt) \
 *     dev.storeauth.demo.SlowBodyFlood 70 5 3          # connections, seconds between bytes, runs
 * </pre>
 */
public final class SlowBodyFlood {


    private SlowBodyFlood() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 70;
        int interval = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (DemoFixture demo = DemoFixture.start(Files.createTempDirectory("flood"))) {
            HttpClient client = demo.client();
            String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            String token = DemoFixture.json(demo.manage(client, csrf, "POST", "api-accounts",
                    Map.of("name", "Flood probe", "scopes", Map.of("products", "read-only")))).get("access_token")
                    .asText();
            HttpRequest call = HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash()
                    + "/v3/catalog/products")).header("X-Auth-Token", token).timeout(Duration.ofMinutes(3)).build();
            System.out.printf("quiet call: %d ms%n", timed(client, call)[0]);
            for (int run = 1; run <= runs; run++) {
                System.out.println("run " + run + ": " + flood(demo, client, call, connections, interval));
            }
        }
    }

    private static String flood(DemoFixture demo, HttpClient client, HttpRequest call, int connections,
            int interval) throws Exception {
        long start = System.nanoTime();
        Map<String, List<Long>> closedAfter = new ConcurrentHashMap<>();
        ExecutorService attackers = Executors.newCachedThreadPool();
        ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
        CountDownLatch sent = new CountDownLatch(connections);
        CountDownLatch closed = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            attackers.execute(() -> attack(demo, interval, trickle, sent, start, closedAfter, closed));
        }
        boolean saturated = sent.await(30, TimeUnit.SECONDS);
        long calledAt = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long[] answered = timed(client, call);
        boolean allClosed = closed.await(3, TimeUnit.MINUTES);
        trickle.shutdownNow();
        attackers.shutdownNow();
        return String.format("valid call made %.1f s into the flood%s, answered %d in %d ms; flood connections"
                + " ended: %s%s", calledAt / 1000.0, saturated ? "" : " (not all were open after 30 s)",
                answered[1], answered[0], summary(closedAfter), allClosed ? "" : " (some still open after 3 min)");
    }

    /** One flood connection: headers, then a byte every {@code interval} s until the server ends it. */
    private static void attack(DemoFixture demo, int interval, ScheduledExecutorService trickle, CountDownLatch sent,
            long start, Map<String, List<Long>> closedAfter, CountDownLatch closed) {
        String outcome;
        try (SSLSocket socket = (SSLSocket) RawHttp.trusting(demo.server.keystore().certificatePem())
                .getSocketFactory().createSocket("127.0.0.1", demo.server.httpsPort())) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /manage/login HTTP/1.1\r\nHost: localhost:" + demo.server.httpsPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sent.countDown();
            trickle.scheduleWithFixedDelay(() -> oneByte(out), interval, interval, TimeUnit.SECONDS);
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            outcome = head.length == 12 ? new String(head, StandardCharsets.US_ASCII).substring(9) : "closed";
            in.readAllBytes();
        } catch (Exception e) {
            outcome = "reset";
        }
        closedAfter.computeIfAbsent(outcome, k -> new CopyOnWriteArrayList<>())
                .add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        closed.countDown();
    }

    private static long[] timed(HttpClient client, HttpRequest call) throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> response = client.send(call, HttpResponse.BodyHandlers.ofString());
        return new long[] {TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), response.statusCode()};
    }

    private static void oneByte(OutputStream out) {
        try {
            out.write('x');
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("closed by the server", e);
        }
    }

    private static String summary(Map<String, List<Long>> closedAfter) {
        Map<String, String> parts = new TreeMap<>();
        closedAfter.forEach((outcome, times) -> {
            List<Long> sorted = new ArrayList<>(times);
            sorted.sort(null);
            parts.put(outcome, sorted.size() + " after median " + sorted.get(sorted.size() / 2) / 1000.0
                    + " s, max " + sorted.get(sorted.size() - 1) / 1000.0 + " s");
        });
        return parts.toString();
    }
}
