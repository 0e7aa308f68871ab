package dev.storeauth.repository.jdbc;

import dev.storeauth.repository.RepositoryUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the change table small: deletes rows older than the retention, on a schedule. The change
 * feeds read only the last seconds of it, so an hour is ample; without pruning the table grows by
 * a row per account change, for ever.
 *
 * <pre>{@code
 * ChangePruner pruner = new ChangePruner(repository, ChangePruner.DEFAULT_RETENTION)
 *         .scheduleOn(scheduler, Duration.ofMinutes(10));     // close on shutdown
 * }</pre>
 *
 * An unreachable database skips one round (logged) and never ends the schedule. Thread-safe.
 */
public final class ChangePruner implements AutoCloseable {

    /** One hour: far longer than any feed lags behind. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ChangePruner.class);

    private final JdbcAccountRepository repository;
    private final Duration retention;
    private volatile ScheduledFuture<?> schedule;

    /** @throws IllegalArgumentException unless {@code retention} is positive */
    public ChangePruner(JdbcAccountRepository repository, Duration retention) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    /**
     * Prunes every {@code every}, the first time after one period.
     *
     * @throws IllegalStateException if already scheduled
     */
    public ChangePruner scheduleOn(ScheduledExecutorService scheduler, Duration every) {
        if (schedule != null) {
            throw new IllegalStateException("already scheduled");
        }
        long millis = every.toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::pruneNow, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Deletes the rows older than the retention; 0 when the database cannot be reached (logged). */
    public int pruneNow() {
        try {
            return repository.pruneChanges(retention);
        } catch (RepositoryUnavailableException e) {
            LOG.warn("pruning the change table failed, will retry: {}", e.getMessage());
            return 0;
        }
    }

    /** Stops the schedule; idempotent. */
    @Override
    public void close() {
        ScheduledFuture<?> scheduled = schedule;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
