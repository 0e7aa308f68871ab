package dev.storeauth.servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (this thread's, so that other load on the machine counts little) per body of
 * {@link JsonBodyReader#parse} on the worst bodies a client may send within 64 KiB (the demo's 32
 * levels), beside a plain {@code ObjectMapper.readTree} of the same bytes. Prints the
 * median of {@code runs} runs of {@code iterations} parses each, after a warm-up, in microseconds.
 *
 * <pre>{@code
 * benchmarks/json_body_cost.sh [runs] [iterations]
 * }</pre>
 */
public final class JsonBodyReaderCost {

    private static final int MAX = 64 * 1024;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private JsonBodyReaderCost() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        JsonBodyReader reader = new JsonBodyReader(MAX, 32);
        ObjectMapper plain = new ObjectMapper();
        System.out.printf("%-34s %7s %9s %9s  %s%n", "body", "bytes", "reader µs", "plain µs", "outcome");
        for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
            byte[] bytes = body.getValue();
            String outcome = reader.parse(bytes).getClass().getSimpleName();
            double readerMicros = median(runs, iterations, () -> reader.parse(bytes));
            double plainMicros = median(runs, iterations, () -> plainParse(plain, bytes));
            System.out.printf("%-34s %7d %9.1f %9.1f  %s%n", body.getKey(), bytes.length, readerMicros, plainMicros,
                    outcome);
        }
        System.out.printf("CPU µs per body: median of %d runs of %d parses; %d cores%n", runs, iterations,
                Runtime.getRuntime().availableProcessors());
    }

    private static Object plainParse(ObjectMapper plain, byte[] bytes) {
        try {
            return plain.readTree(bytes);
        } catch (Exception e) {
            return e;
        }
    }

    static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("one long string", utf8("{\"s\":\"" + "x".repeat(MAX - 8) + "\"}"));
        bodies.put("doubles 1e5", utf8("{\"n\":[" + "1e5,".repeat((MAX - 10) / 4) + "1]}"));
        bodies.put("distinct keys", utf8(fill("{", i -> "\"k" + i + "\":1,", "\"z\":1}")));
        bodies.put("32 levels, repeated", utf8(fill("{\"a\":[", i -> "[".repeat(30) + "]".repeat(30) + ",", "0]}")));
        bodies.put("33 levels after 60 KiB (refused)", utf8("{\"s\":\"" + "x".repeat(60_000) + "\",\"d\":"
                + "[".repeat(32) + "]".repeat(32) + "}"));
        bodies.put("duplicate key last (refused)", utf8(fill("{", i -> "\"k" + i + "\":1,", "\"k0\":1}")));
        return bodies;
    }

    private static String fill(String start, java.util.function.IntFunction<String> item, String end) {
        StringBuilder json = new StringBuilder(start);
        for (int i = 0; json.length() + item.apply(i).length() + end.length() <= MAX; i++) {
            json.append(item.apply(i));
        }
        return json.append(end).toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static double median(int runs, int iterations, java.util.function.Supplier<Object> parse) {
        for (int i = 0; i < iterations * 4; i++) {
            parse.get();
        }
        double[] micros = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                parse.get();
            }
            micros[r] = (CPU.getCurrentThreadCpuTime() - start) / 1000.0 / iterations;
        }
        Arrays.sort(micros);
        return micros[runs / 2];
    }
}
