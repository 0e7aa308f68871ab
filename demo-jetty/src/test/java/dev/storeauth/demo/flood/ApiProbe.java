package dev.storeauth.demo.flood;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Valid API calls at a steady rate, each sent at its scheduled time whether or not earlier ones
 * have been answered (as independent clients would), and timed from that schedule.
 */
final class ApiProbe {

    private final HttpClient client;
    private final HttpRequest call;

    ApiProbe(HttpClient client, URI uri, String token) {
        this.client = client;
        this.call = HttpRequest.newBuilder(uri).header("X-Auth-Token", token).timeout(Duration.ofSeconds(30))
                .GET().build();
    }

    /** {@code count} calls back to back, to warm the JIT and the connection. */
    void warmUp(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            client.send(call, HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Calls at {@code perSecond} for {@code duration}, then waits for the last answers. */
    Latencies measure(int perSecond, Duration duration) throws Exception {
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long calls = duration.toNanos() / period;
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        for (long k = 0; k < calls; k++) {
            long scheduled = start + k * period;
            LockSupport.parkNanos(scheduled - System.nanoTime());
            answers.add(client.sendAsync(call, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> error == null && response.statusCode() == 200
                            ? (System.nanoTime() - scheduled) / 1_000 : -1L));
        }
        List<Long> micros = new ArrayList<>();
        int failures = 0;
        for (CompletableFuture<Long> answer : answers) {
            long value = answer.get(60, TimeUnit.SECONDS);
            if (value < 0) {
                failures++;
            } else {
                micros.add(value);
            }
        }
        return Latencies.of(micros, failures);
    }
}
