package dev.storeauth.repository.jdbc;

/** Doubling reconnect delays, from 100 ms up to 5 s. Not thread-safe. */
final class Backoff {

    private static final long FIRST_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;

    private long next = FIRST_MILLIS;

    /** The delay to wait now; the next one is twice as long. */
    long nextMillis() {
        long now = next;
        next = Math.min(next * 2, MAX_MILLIS);
        return now;
    }

    void reset() {
        next = FIRST_MILLIS;
    }
}
