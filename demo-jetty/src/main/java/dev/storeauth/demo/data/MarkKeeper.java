package dev.storeauth.demo.data;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link CommitMark} up with the embedded database: every interval, and once more on close,
 * it reads what the database holds and, if that moved, makes H2 write it to disk
 * ({@code CHECKPOINT SYNC}) before recording it. The mark therefore never runs ahead of what a
 * crash would leave on disk (H2 itself delays writes by up to a second), and lags the last commit
 * by at most one interval.
 */
final class MarkKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarkKeeper.class);

    private final DataSource dataSource;
    private final Path file;
    private final ScheduledExecutorService scheduler;
    private Optional<CommitMark> last;

    private MarkKeeper(DataSource dataSource, Path file, Optional<CommitMark> last) {
        this.dataSource = dataSource;
        this.file = file;
        this.last = last;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "storeauth-commit-mark");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Records the mark now, then every {@code interval}.
     *
     * @throws SQLException if the database cannot be read
     * @throws IOException if the mark cannot be written
     */
    static MarkKeeper start(DataSource dataSource, Path file, Optional<CommitMark> last, Duration interval)
            throws SQLException, IOException {
        MarkKeeper keeper = new MarkKeeper(dataSource, file, last);
        keeper.update();
        long millis = interval.toMillis();
        keeper.scheduler.scheduleWithFixedDelay(keeper::updateQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return keeper;
    }

    private synchronized void update() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            Optional<CommitMark> held = HeldData.of(c).mark();
            if (held.isEmpty() || held.equals(last)) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            held.get().write(file);
            last = held;
        }
    }

    private void updateQuietly() {
        try {
            update();
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("recording {} failed, will retry: {}", file, e.toString());
        }
    }

    /** Stops the schedule and records the mark a last time; never throws. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        updateQuietly();
    }
}
