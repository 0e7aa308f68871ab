package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.Account;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps last-used times in a bounded map and writes them with one
 * {@link AccountRepository#recordLastUsed} call per interval, instead of a write per request.
 *
 * <p>{@link #recordUse} never blocks and never throws: when the map is full, a use of an account not
 * already in it is dropped; when a flush fails (database down), its batch is dropped. Both are
 * counted in {@link #dropped()}. Last-used times are advisory, so losing some is acceptable.
 *
 * <pre>{@code
 * BatchingUsageRecorder usage = new BatchingUsageRecorder(repository, Clock.systemUTC(), 100_000)
 *         .scheduleOn(scheduler, Duration.ofSeconds(5));
 * Authenticator authenticator = Authenticator.builder(cache).usageRecorder(usage).build();
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the schedule and makes a final flush.
 */
public final class BatchingUsageRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingUsageRecorder.class);

    private final AccountRepository repository;
    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private volatile ScheduledFuture<?> schedule;

    /**
     * @param capacity how many distinct accounts may wait for the next flush; at least 1
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public BatchingUsageRecorder(AccountRepository repository, Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.repository = repository;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Flushes on {@code scheduler} every {@code interval}; the scheduler stays the caller's. */
    public BatchingUsageRecorder scheduleOn(ScheduledExecutorService scheduler, Duration interval) {
        long millis = interval.toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Notes that {@code account} was just used from {@code clientAddress} (empty when unknown); never
     * blocks, never throws (a full buffer drops it).
     */
    public void recordUse(Account account, String clientAddress) {
        String id = account.id();
        if (pending.size() >= capacity && !pending.containsKey(id)) {
            dropped.increment();
            return;
        }
        pending.merge(id, new Pending(clock.instant(), clientAddress), Pending::later);
    }

    /** Writes what is pending; a failed write is logged, counted and dropped. Never throws. */
    public void flush() {
        Map<String, Usage> batch = new HashMap<>();
        pending.forEach((id, use) -> {
            if (pending.remove(id, use)) {
                batch.put(id, use.usage());
            }
        });
        if (batch.isEmpty()) {
            return;
        }
        try {
            repository.recordLastUsed(batch);
        } catch (RuntimeException e) {
            dropped.add(batch.size());
            LOG.warn("dropped {} last-used times: {}", batch.size(), e.toString());
        }
    }

    /** How many uses were dropped since start: map full or write failed. */
    public long dropped() {
        return dropped.sum();
    }

    /** How many accounts wait for the next flush. */
    public int pending() {
        return pending.size();
    }

    @Override
    public void close() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
        flush();
    }

    /** A use waiting for the flush: one object per request, made a {@link Usage} only when written. */
    private record Pending(Instant at, String from) {

        static Pending later(Pending a, Pending b) {
            return b.at.isAfter(a.at) ? b : a;
        }

        /** An address that is empty or longer than the column is not recorded. */
        Usage usage() {
            boolean recorded = !from.isEmpty() && from.length() <= Usage.MAX_ADDRESS_LENGTH;
            return new Usage(at, recorded ? Optional.of(from) : Optional.empty());
        }
    }
}
