package dev.storeauth.bench;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * {@link PgLookups}' five lookups interleaved on one thread, one of each per key in a rotating order, so
 * that a shared host's load falls on ours and on the floors alike; prints each one's p50 and p99 and the
 * ratios of the p50s at each size. A load script rather than JMH, for the one-run ratios on a noisy host.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.PgMissInterleaved 20000 10000 100000 1000000
 * }</pre>
 */
public final class PgMissInterleaved {

    private static final String[] NAMES = {"oursByDigest", "floorByDigest", "floorByDigestUnion", "oursByUsername",
        "floorByUsername", "floorByDigestUnionSorted"};

    private PgMissInterleaved() {
    }

    /** {@code args[0]}: rounds measured (each after as many of warm-up); then the sizes. */
    public static void main(String[] args) throws SQLException {
        int rounds = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            int size = Integer.parseInt(args[a]);
            try (PgLookups lookups = new PgLookups(size)) {
                run(lookups, rounds);
                long[][] nanos = run(lookups, rounds);
                report(size, nanos);
            }
        }
    }

    private static long[][] run(PgLookups lookups, int rounds) throws SQLException {
        long[][] nanos = new long[NAMES.length][rounds];
        for (int r = 0; r < rounds; r++) {
            int k = (r * 7919) & (PgLookups.KEYS - 1);
            for (int j = 0; j < NAMES.length; j++) {
                int which = (r + j) % NAMES.length;
                long start = System.nanoTime();
                lookup(lookups, which, k);
                nanos[which][r] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private static void lookup(PgLookups lookups, int which, int k) throws SQLException {
        switch (which) {
            case 0 -> lookups.oursByDigest(k);
            case 1 -> lookups.floorByDigest(k);
            case 2 -> lookups.floorByDigestUnion(k);
            case 3 -> lookups.oursByUsername(k);
            case 4 -> lookups.floorByUsername(k);
            default -> lookups.floorByDigestUnionSorted(k);
        }
    }

    private static void report(int size, long[][] nanos) {
        double[] p50 = new double[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            long[] sorted = nanos[i].clone();
            Arrays.sort(sorted);
            p50[i] = sorted[sorted.length / 2] / 1e3;
            System.out.printf("size %,9d  %-19s p50 %7.1f µs  p99 %8.1f µs%n", size, NAMES[i], p50[i],
                    sorted[sorted.length * 99 / 100] / 1e3);
        }
        System.out.printf("size %,9d  ours/floor by digest %.3f (ours/same SQL bare %.3f, UNION/single %.3f,"
                + " sorted UNION/UNION %.3f), by username %.3f%n", size, p50[0] / p50[1], p50[0] / p50[2],
                p50[2] / p50[1], p50[5] / p50[2], p50[3] / p50[4]);
    }
}
