package dev.storeauth.demo.flood;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Valid API calls at a steady rate over one keep-alive connection, timed from their scheduled starts. */
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

    /** Calls at {@code perSecond} for {@code duration}. */
    Latencies measure(int perSecond, Duration duration) {
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long calls = duration.toNanos() / period;
        List<Long> micros = new ArrayList<>();
        int failures = 0;
        for (long k = 0; k < calls; k++) {
            long scheduled = start + k * period;
            LockSupport.parkNanos(scheduled - System.nanoTime());
            if (!succeeds()) {
                failures++;
            }
            micros.add((System.nanoTime() - scheduled) / 1_000);
        }
        return Latencies.of(micros, failures);
    }

    private boolean succeeds() {
        try {
            return client.send(call, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
