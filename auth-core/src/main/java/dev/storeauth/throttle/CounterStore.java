package dev.storeauth.throttle;

/**
 * Where {@link Counters} keep their buckets: in this process, or in a store the fleet shares.
 * Closing it releases its connections; counters from it must not be used afterwards. Thread-safe.
 */
public interface CounterStore extends AutoCloseable {

    /** The counters of {@code namespace} (e.g. {@code "failures"}, {@code "quota"}), kept apart from all others. */
    Counters counters(String namespace);

    /** {@code local}, {@code redis} or {@code postgresql}, for logs, statistics and benchmarks. */
    String name();

    /** Whether this store is counting in this process only, because its shared store is unreachable. */
    default boolean degraded() {
        return false;
    }

    /** How many times a shared store failed and counting fell back to this process; 0 for a local store. */
    default long fallbacks() {
        return 0;
    }

    @Override
    default void close() {
    }
}
