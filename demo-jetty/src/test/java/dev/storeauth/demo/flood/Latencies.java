package dev.storeauth.demo.flood;

import java.util.Arrays;
import java.util.List;

/** Latencies of the valid API calls answered 200, in microseconds from each call's scheduled start. */
record Latencies(int calls, int failures, long p50Micros, long p99Micros, long maxMicros) {

    static Latencies of(List<Long> micros, int failures) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latencies(sorted.length, failures, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static long median(long... values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Override
    public String toString() {
        return String.format("%d calls (%d failed), p50 %.1f ms, p99 %.1f ms, max %.1f ms", calls, failures,
                p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0);
    }
}
