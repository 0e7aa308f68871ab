package dev.storeauth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketListener;
import io.github.bucket4j.MathType;
import io.github.bucket4j.local.SynchronizedBucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Buckets in this process: Bucket4j's lock-free buckets in a Caffeine cache per namespace, at most
 * {@code maximumKeys} each (least recently used evicted first), each dropped once idle for
 * {@code idle} or its limit's window, whichever is longer, by when it would have refilled anyway. Keys
 * are fixed-size, so the bound holds in bytes too: see SECURITY.md for the figure.
 *
 * <pre>{@code
 * CounterStore local = LocalCounterStore.system(100_000, Duration.ofMinutes(5));
 * Counters failures = local.counters("failures");
 * }</pre>
 *
 * Thread-safe.
 */
public final class LocalCounterStore implements CounterStore {

    private final long maximumKeys;
    private final Duration idle;
    private final LongSupplier nanoTime;
    private final TimeMeter meter;
    private final Map<Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    /**
     * @param nanoTime the time source, in nanoseconds; a fake one in tests
     * @throws IllegalArgumentException unless {@code maximumKeys} and {@code idle} are positive
     */
    public LocalCounterStore(long maximumKeys, Duration idle, LongSupplier nanoTime) {
        if (maximumKeys < 1 || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("maximumKeys and idle must be positive");
        }
        this.maximumKeys = maximumKeys;
        this.idle = idle;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.meter = new Meter(nanoTime);
    }

    /** A store on the system clock. */
    public static LocalCounterStore system(long maximumKeys, Duration idle) {
        return new LocalCounterStore(maximumKeys, idle, System::nanoTime);
    }

    @Override
    public Counters counters(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        Cache<String, Entry> buckets = Caffeine.newBuilder().maximumSize(maximumKeys).expireAfter(new Idle(idle.toNanos()))
                .ticker(nanoTime::getAsLong).executor(Runnable::run).build();
        return new Local(new ByLimit<>(buckets, Entry::limit, (key, limit) -> new Entry(limit, newBucket(limit))));
    }

    @Override
    public String name() {
        return "local";
    }

    private final class Local implements Counters {

        private final ByLimit<Entry> buckets;

        Local(ByLimit<Entry> buckets) {
            this.buckets = buckets;
        }

        @Override
        public ConsumptionProbe tryTake(String key, Limit limit) {
            return bucket(key, limit).tryConsumeAndReturnRemaining(1);
        }

        @Override
        public void giveBack(String key, Limit limit) {
            bucket(key, limit).addTokens(1);
        }

        private Bucket bucket(String key, Limit limit) {
            return buckets.get(key, limit).bucket;
        }
    }

    private Bucket newBucket(Limit limit) {
        // One configuration per limit, shared by its buckets; a synchronized bucket keeps its state in
        // place rather than copying it on every change, which halves the bytes per key.
        BucketConfiguration configuration = configurations.computeIfAbsent(limit, Limit::configuration);
        return new SynchronizedBucket(configuration, MathType.INTEGER_64_BITS, meter, BucketListener.NOPE);
    }

    /** Estimated keys held in {@code counters}, from this store; for tests and the memory figure. */
    static long size(Counters counters) {
        return ((Local) counters).buckets.size();
    }

    private record Entry(Limit limit, Bucket bucket) {
    }

    /**
     * Drops an entry idle for the store's idle time or its limit's window, whichever is longer: one
     * dropped sooner would come back full mid-window, handing out a fresh quota.
     */
    private record Idle(long idleNanos) implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return Math.max(idleNanos, entry.limit.window().toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }
    }

    private record Meter(LongSupplier nanoTime) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return nanoTime.getAsLong();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
