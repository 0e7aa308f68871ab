package dev.storeauth;

import dev.storeauth.repository.AccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail's upkeep, for any repository: every minute an expiry entry for each account whose
 * expiry has passed ({@link AccountRepository#recordExpiries}) and the deletion of the short-lived
 * tokens that are expired or no longer bound ({@link AccountRepository#pruneShortLivedTokens}), every hour the deletion of events older
 * than the retention ({@link AccountRepository#pruneAuditEvents}). Each runs first one period after it
 * is scheduled; a failed round (database down) is logged and skipped, never ending the schedule.
 *
 * <pre>{@code
 * AuditMaintenance upkeep = new AuditMaintenance(repository, Clock.systemUTC(), Duration.ofDays(365))
 *         .scheduleOn(scheduler);                 // close on shutdown
 * }</pre>
 *
 * Thread-safe.
 */
final class AuditMaintenance implements AutoCloseable {

    static final Duration EXPIRIES_EVERY = Duration.ofMinutes(1);
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(AuditMaintenance.class);

    private final AccountRepository repository;
    private final Clock clock;
    private final Duration retention;
    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();

    /** @param retention how long audit events are kept; positive */
    AuditMaintenance(AccountRepository repository, Clock clock, Duration retention) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    /** Records expiries every minute and prunes every hour on {@code scheduler}, which stays the caller's. */
    AuditMaintenance scheduleOn(ScheduledExecutorService scheduler) {
        schedules.add(every(scheduler, EXPIRIES_EVERY, this::recordExpiriesNow));
        schedules.add(every(scheduler, PRUNE_EVERY, this::pruneNow));
        schedules.add(every(scheduler, EXPIRIES_EVERY, this::pruneShortLivedTokensNow));
        return this;
    }

    /** How long audit events are kept. */
    Duration retention() {
        return retention;
    }

    /** Records the expiries due now; 0 when the repository fails (logged). */
    int recordExpiriesNow() {
        try {
            return repository.recordExpiries(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("recording account expiries failed, will retry: {}", e.getMessage());
            return 0;
        }
    }

    /** Deletes the short-lived tokens that can no longer be found; 0 when the repository fails (logged). */
    int pruneShortLivedTokensNow() {
        try {
            return repository.pruneShortLivedTokens(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("pruning short-lived tokens failed, will retry: {}", e.getMessage());
            return 0;
        }
    }

    /** Deletes the events older than the retention; 0 when the repository fails (logged). */
    int pruneNow() {
        try {
            return repository.pruneAuditEvents(clock.instant().minus(retention));
        } catch (RuntimeException e) {
            LOG.warn("pruning the audit trail failed, will retry: {}", e.getMessage());
            return 0;
        }
    }

    /** Stops the schedules; idempotent. */
    @Override
    public void close() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }

    private static ScheduledFuture<?> every(ScheduledExecutorService scheduler, Duration period, Runnable task) {
        long millis = period.toMillis();
        return scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }
}
