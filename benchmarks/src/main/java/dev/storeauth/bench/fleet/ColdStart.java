package dev.storeauth.bench.fleet;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on freshly started {@link FleetNode}s: every token FleetSeed wrote, {@code REPEATS}
 * times each in a random order, sent at a fixed {@code RATE} per second whatever the answers, the
 * requests taking the nodes in turn, each sent by one of 128 blocking senders. Each latency runs from the request's scheduled time to its
 * answer, so a stalled server is charged for the requests it held up (no coordinated omission).
 * Prints the answers by status, p50/p99/max overall and from the second second on, and each node's
 * store lookups: in all, for how many distinct keys, and the most for one key.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.fleet.ColdStart tokens.txt 2000 2 19001 19002
 * }</pre>
 */
public final class ColdStart {

    /** Blocking senders: as many connections as requests in flight, up to this many. */
    private static final ExecutorService SENDERS = Executors.newFixedThreadPool(128);
    private static final AtomicInteger FAILURES = new AtomicInteger();

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ColdStart TOKENS_FILE RATE REPEATS PORT...");
            System.exit(2);
        }
        List<String> tokens = new ArrayList<>();
        int repeats = Integer.parseInt(args[2]);
        for (String[] account : Nodes.accounts(Path.of(args[0]))) {
            for (int r = 0; r < repeats; r++) {
                tokens.add(account[1]);
            }
        }
        Collections.shuffle(tokens, new Random(20261201));
        Nodes nodes = new Nodes(Nodes.ports(args, 3));
        int total = tokens.size();
        long intervalNanos = 1_000_000_000L / Integer.parseInt(args[1]);
        long[] latency = new long[total];
        int[] status = new int[total];
        List<CompletableFuture<Void>> answers = new ArrayList<>(total);
        long start = System.nanoTime() + 100_000_000L;
        long worstLag = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            worstLag = Math.max(worstLag, System.nanoTime() - due);
            answers.add(send(nodes, nodes.products(nodes.ports.get(i % nodes.ports.size()), tokens.get(i)),
                    i, due, latency, status));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        System.out.printf(Locale.ROOT, "sent %d requests in %.2f s (scheduled %.2f s; the sender ran at most %.1f ms late)%n",
                total, (System.nanoTime() - start) / 1e9, total * intervalNanos / 1e9, worstLag / 1e6);
        report(latency, status, (int) (1_000_000_000L / intervalNanos));
        nodes.ports.forEach(p -> System.out.println("node " + p + " " + nodes.stats(p)));
        SENDERS.shutdown();
    }

    private static CompletableFuture<Void> send(Nodes nodes, HttpRequest request, int i, long due, long[] latency,
            int[] status) {
        return CompletableFuture.runAsync(() -> {
            try {
                status[i] = nodes.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | RuntimeException e) {
                status[i] = -1;
                if (FAILURES.getAndIncrement() < 3) {
                    System.out.println("failed: " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status[i] = -1;
            }
            latency[i] = System.nanoTime() - due;
        }, SENDERS);
    }

    private static void report(long[] latency, int[] status, int perSecond) {
        int[] byClass = new int[6];
        for (int s : status) {
            byClass[s < 0 ? 0 : s / 100]++;
        }
        System.out.printf("answers: 2xx=%d 4xx=%d 5xx=%d failed=%d%n", byClass[2], byClass[4], byClass[5], byClass[0]);
        print("all requests", latency, 0);
        print("after the first second", latency, perSecond);
    }

    private static void print(String what, long[] latency, int from) {
        double[] sorted = new double[latency.length - from];
        for (int i = from; i < latency.length; i++) {
            sorted[i - from] = latency[i] / 1e6;
        }
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sorted.length,
                Nodes.quantile(sorted, 0.50), Nodes.quantile(sorted, 0.99), sorted[sorted.length - 1]);
    }
}
