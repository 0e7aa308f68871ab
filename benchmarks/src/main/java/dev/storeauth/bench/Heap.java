package dev.storeauth.bench;

/** Heap in use, for the memory mains: sampled after {@code System.gc()} several times, the least kept. */
final class Heap {

    private static final int SAMPLES = 5;

    private Heap() {
    }

    /** Bytes of heap in use once garbage is collected, as well as {@code System.gc()} can tell. */
    static long used() throws InterruptedException {
        long min = Long.MAX_VALUE;
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < SAMPLES; i++) {
            System.gc();
            Thread.sleep(200);
            min = Math.min(min, runtime.totalMemory() - runtime.freeMemory());
        }
        return min;
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
