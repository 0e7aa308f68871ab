package dev.storeauth.demo.flood;

import dev.storeauth.demo.DemoFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Measures the store API's latency during a flood of failed sign-ins from many addresses, in
 * {@code runs} fresh demos, and prints each run and the medians. Arguments, all optional:
 * {@code runs addresses signInsPerSecondPerAddress floodSeconds apiCallsPerSecond}
 * (default 3 50 1 20 50; a rate of 0 sends back to back).
 * {@code benchmarks/signin-flood.sh} runs it through {@link SignInFloodTest}.
 */
public final class SignInFloodMain {

    private SignInFloodMain() {
    }

    public static void main(String[] args) throws Exception {
        measure(arg(args, 0, 3), new SignInFlood.Settings(arg(args, 1, 50), arg(args, 2, 1), arg(args, 4, 50),
                Duration.ofSeconds(10), Duration.ofSeconds(arg(args, 3, 20)), true));
    }

    /** {@code runs} runs in fresh demos, each printed, then the medians; answers the runs' results. */
    static List<SignInFlood.Result> measure(int runs, SignInFlood.Settings settings) throws Exception {
        System.out.println("sign-in flood: " + settings + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        List<SignInFlood.Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            SignInFlood.Result result = once(settings);
            System.out.println("run " + run + "\n" + result);
            results.add(result);
        }
        System.out.printf("median of %d runs: API p50 %.1f ms / p99 %.1f ms before, p50 %.1f ms / p99 %.1f ms during;"
                + " %d password hashes%n", runs,
                millis(results, r -> r.baseline().p50Micros()), millis(results, r -> r.baseline().p99Micros()),
                millis(results, r -> r.during().p50Micros()), millis(results, r -> r.during().p99Micros()),
                median(results, r -> r.hashes()));
        return results;
    }

    private static SignInFlood.Result once(SignInFlood.Settings settings) throws Exception {
        Path dir = Files.createTempDirectory("signin-flood");
        // No store quota: the probe's 50 calls a second measure latency, not the quota's 429s.
        try (DemoFixture demo = DemoFixture.start(DemoFixture.options(dir).withStoreQuota(Optional.empty()))) {
            return SignInFlood.run(demo, settings);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static double millis(List<SignInFlood.Result> results, ToLongFunction<SignInFlood.Result> micros) {
        return median(results, micros) / 1000.0;
    }

    private static long median(List<SignInFlood.Result> results, ToLongFunction<SignInFlood.Result> figure) {
        return Latencies.median(results.stream().mapToLong(figure).toArray());
    }

    private static int arg(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }
}
