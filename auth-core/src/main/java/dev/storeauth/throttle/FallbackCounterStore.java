package dev.storeauth.throttle;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared store that, while it fails, is stood in for by counters in this process: limits keep
 * holding per node through an outage of Redis or PostgreSQL, and nothing is refused, nor let
 * through, just because the shared store is down.
 *
 * <ul>
 *   <li>Every call goes to the shared store. When it throws any {@link RuntimeException} (a timeout,
 *       a refused connection, Bucket4j's or an SQL error), the same call is answered by the local
 *       store's counters of the same namespace, the store becomes {@linkplain #degraded degraded},
 *       {@link #fallbacks} counts the failed call, and one WARN is logged for the outage.
 *   <li>While degraded, calls go straight to the local counters, without waiting on the shared store;
 *       once every retry interval (by default {@value #DEFAULT_RETRY_SECONDS} s) one call tries the
 *       shared store again. If it answers, the store is no longer degraded and one INFO says the
 *       shared counters are reachable again; if not, that call too counts as a fallback.
 * </ul>
 *
 * <p>The two stores count apart: what was taken locally during an outage is not told to the shared
 * store afterwards, and a token given back during an outage goes to the local bucket. So, during an
 * outage, each node allows a key up to its limit by itself; afterwards the shared count goes on from
 * where it was (or from full, if it expired meanwhile).
 *
 * <pre>{@code
 * CounterStore counters = new FallbackCounterStore(new RedisCounterStore("redis://10.0.0.5:6379"),
 *         LocalCounterStore.system(100_000, Duration.ofMinutes(15)));
 * ConsumptionProbe probe = counters.counters("failures").tryTake(clientDigest, Limit.failures(5, Duration.ofMinutes(15)));
 * if (counters.degraded()) { ... } // e.g. a health check reporting the shared store down
 * }</pre>
 *
 * Thread-safe. Its counters never throw, except {@link NullPointerException} for a {@code null}
 * argument; {@link #close} closes both stores.
 */
public final class FallbackCounterStore implements CounterStore {

    /** How long calls stay local after the shared store failed, unless told otherwise. */
    public static final long DEFAULT_RETRY_SECONDS = 5;

    private final CounterStore shared;
    private final LocalCounterStore local;
    private final long retryNanos;
    private final LongSupplier nanoTime;
    private final Logger log;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong retryAtNanos = new AtomicLong();
    private final LongAdder fallbacks = new LongAdder();

    /** {@code shared}, stood in for by {@code local}, retried every {@value #DEFAULT_RETRY_SECONDS} s. */
    public FallbackCounterStore(CounterStore shared, LocalCounterStore local) {
        this(shared, local, Duration.ofSeconds(DEFAULT_RETRY_SECONDS), System::nanoTime);
    }

    /**
     * {@code shared}, stood in for by {@code local}, retried every {@code retryInterval} on the clock
     * {@code nanoTime} (a fake one in tests).
     *
     * @throws IllegalArgumentException unless {@code retryInterval} is positive
     */
    public FallbackCounterStore(CounterStore shared, LocalCounterStore local, Duration retryInterval, LongSupplier nanoTime) {
        this(shared, local, retryInterval, nanoTime, LoggerFactory.getLogger(FallbackCounterStore.class));
    }

    FallbackCounterStore(CounterStore shared, LocalCounterStore local, Duration retryInterval, LongSupplier nanoTime,
            Logger log) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.local = Objects.requireNonNull(local, "local");
        Objects.requireNonNull(retryInterval, "retryInterval");
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("retryInterval must be positive: " + retryInterval);
        }
        this.retryNanos = retryInterval.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The shared store's counters of {@code namespace}, stood in for by the local store's.
     *
     * @throws IllegalArgumentException if either store refuses {@code namespace}
     */
    @Override
    public Counters counters(String namespace) {
        return new Fallback(shared.counters(namespace), local.counters(namespace));
    }

    /** The shared store's name: that is where counting happens, unless {@link #degraded}. */
    @Override
    public String name() {
        return shared.name();
    }

    @Override
    public boolean degraded() {
        return degraded.get();
    }

    @Override
    public long fallbacks() {
        return fallbacks.sum();
    }

    @Override
    public void close() {
        try {
            shared.close();
        } finally {
            local.close();
        }
    }

    private <T> T call(Counters sharedCounters, Counters localCounters, Function<Counters, T> operation) {
        boolean retrying = false;
        if (degraded.get()) {
            retrying = claimRetry();
            if (!retrying) {
                return operation.apply(localCounters);
            }
        }
        T answer;
        try {
            answer = operation.apply(sharedCounters);
        } catch (RuntimeException e) {
            failed(e);
            return operation.apply(localCounters);
        }
        if (retrying && degraded.compareAndSet(true, false)) {
            log.info("shared counters reachable again ({}), counting there again", shared.name());
        }
        return answer;
    }

    /** Whether this call is the one that tries the shared store again, now that the interval is over. */
    private boolean claimRetry() {
        long now = nanoTime.getAsLong();
        long at = retryAtNanos.get();
        return now - at >= 0 && retryAtNanos.compareAndSet(at, now + retryNanos);
    }

    private void failed(RuntimeException e) {
        fallbacks.increment();
        retryAtNanos.set(nanoTime.getAsLong() + retryNanos);
        if (degraded.compareAndSet(false, true)) {
            log.warn("shared counters unreachable ({}), counting in this process until they answer again;"
                    + " trying them again every {} ms", shared.name(), retryNanos / 1_000_000, e);
        }
    }

    private final class Fallback implements Counters {

        private final Counters sharedCounters;
        private final Counters localCounters;

        Fallback(Counters sharedCounters, Counters localCounters) {
            this.sharedCounters = sharedCounters;
            this.localCounters = localCounters;
        }

        @Override
        public ConsumptionProbe tryTake(String key, Limit limit) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(limit, "limit");
            return call(sharedCounters, localCounters, counters -> counters.tryTake(key, limit));
        }

        @Override
        public void giveBack(String key, Limit limit) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(limit, "limit");
            call(sharedCounters, localCounters, counters -> {
                counters.giveBack(key, limit);
                return null;
            });
        }
    }
}
