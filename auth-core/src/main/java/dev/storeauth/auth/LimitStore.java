package dev.storeauth.auth;

import dev.storeauth.throttle.CounterStore;
import dev.storeauth.throttle.FallbackCounterStore;
import dev.storeauth.throttle.LimitStoreAccess;
import dev.storeauth.throttle.LocalCounterStore;
import dev.storeauth.throttle.PostgresCounterStore;
import dev.storeauth.throttle.RedisCounterStore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Where the failure limit and the store quota count: in this process, or in a store every node of
 * a fleet shares, so that the limits hold for the fleet rather than per node. Counting is done by
 * Bucket4j in every case.
 *
 * <pre>{@code
 * LimitStore local = LimitStore.local();                               // one node
 * LimitStore redis = LimitStore.redis("redis://10.0.0.5:6379");        // a fleet, in Redis
 * LimitStore postgres = LimitStore.postgres(dataSource);               // a fleet, in its PostgreSQL
 * }</pre>
 *
 * <p>A shared store never turns an outage into 500s or into "everything refused": while it cannot
 * be reached, each node counts on its own (logged once, and visible as {@link #degraded()} and
 * {@link #fallbacks()}), and tries the shared store again every few seconds.
 *
 * <p>Thread-safe. Closing it closes its connections; {@link dev.storeauth.StoreAuth} closes the one
 * it is given.
 */
public final class LimitStore implements AutoCloseable {

    /** Keys per kind of limit held in memory at most; at about 300 bytes each, 30 MB. */
    static final long LOCAL_KEYS = 100_000;
    /** How long an idle bucket is kept at least; one whose window is longer is kept for its window. */
    static final Duration LOCAL_IDLE = Duration.ofHours(1);

    static {
        LimitStoreAccess.register(LimitStore.class, LimitStore::counters);
    }

    private final CounterStore store;

    private LimitStore(CounterStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Counts in this process: exact for one node; a fleet of N allows N times each limit. */
    public static LimitStore local() {
        return local(System::nanoTime);
    }

    /**
     * Counts in Redis at {@code redisUri} (e.g. {@code redis://10.0.0.5:6379}), shared by every node
     * given the same Redis; needs {@code io.lettuce:lettuce-core} and
     * {@code com.bucket4j:bucket4j_jdk17-lettuce} on the class path. Does not fail when Redis is down:
     * it counts locally until Redis answers.
     *
     * @throws IllegalArgumentException if {@code redisUri} is not a Redis URI
     * @throws IllegalStateException if Lettuce or Bucket4j's Lettuce module is not on the class path
     */
    public static LimitStore redis(String redisUri) {
        Objects.requireNonNull(redisUri, "redisUri");
        if (!redisUri.startsWith("redis://") && !redisUri.startsWith("rediss://")) {
            // Not echoed: a URI may carry a password.
            throw new IllegalArgumentException("a Redis URI starts with redis:// or rediss://");
        }
        try {
            return shared(new RedisCounterStore(redisUri));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("Redis limits need io.lettuce:lettuce-core and"
                    + " com.bucket4j:bucket4j_jdk17-lettuce on the class path", e);
        }
    }

    /**
     * Counts in PostgreSQL through {@code dataSource}, in the table {@code storeauth_limit_bucket}
     * (created if absent), shared by every node on the same database; needs
     * {@code com.bucket4j:bucket4j_jdk17-postgresql}. The caller keeps and closes {@code dataSource}.
     *
     * @throws IllegalStateException if Bucket4j's PostgreSQL module is not on the class path
     */
    public static LimitStore postgres(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            return shared(new PostgresCounterStore(dataSource));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("PostgreSQL limits need com.bucket4j:bucket4j_jdk17-postgresql on the class path", e);
        }
    }

    private static LimitStore shared(CounterStore shared) {
        return new LimitStore(new FallbackCounterStore(shared, new LocalCounterStore(LOCAL_KEYS, LOCAL_IDLE, System::nanoTime)));
    }

    /** {@link #local()} on another clock, for tests. */
    static LimitStore local(LongSupplier nanoTime) {
        return new LimitStore(new LocalCounterStore(LOCAL_KEYS, LOCAL_IDLE, nanoTime));
    }

    /** Wraps counters of the caller's; for tests. */
    static LimitStore of(CounterStore store) {
        return new LimitStore(store);
    }

    /** {@code local}, {@code redis} or {@code postgresql}. */
    public String name() {
        return store.name();
    }

    /** Whether the shared store is unreachable now, so each node counts on its own. */
    public boolean degraded() {
        return store.degraded();
    }

    /** How many calls to the shared store failed and were counted locally instead; 0 for {@link #local()}. */
    public long fallbacks() {
        return store.fallbacks();
    }

    CounterStore counters() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "LimitStore[" + name() + (degraded() ? ", degraded" : "") + "]";
    }
}
