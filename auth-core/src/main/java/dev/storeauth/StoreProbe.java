package dev.storeauth;

import dev.storeauth.repository.AccountRepository;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the repository one cheap question (a store's credential policy, by key) on a daemon thread of
 * its own, waiting at most the timeout. One probe at a time: while one hangs, later ones answer
 * {@code timed_out} at once rather than piling up threads or connections.
 */
final class StoreProbe implements AutoCloseable {

    private static final String PROBE_STORE = "storeauth-health-probe";

    private final AccountRepository repository;
    private final Duration timeout;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "storeauth-health");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    StoreProbe(AccountRepository repository, Duration timeout) {
        this.repository = repository;
        this.timeout = timeout;
    }

    /** {@code up}, {@code down} (the repository threw) or {@code timed_out}. */
    String probe() {
        CompletableFuture<Void> probe = start();
        if (probe == null) {
            return "timed_out";
        }
        try {
            probe.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return "up";
        } catch (TimeoutException e) {
            return "timed_out";
        } catch (ExecutionException e) {
            return "down";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "timed_out";
        }
    }

    /** A new probe, or {@code null} while the previous one is still running. */
    private synchronized CompletableFuture<Void> start() {
        if (!last.isDone()) {
            return null;
        }
        try {
            last = CompletableFuture.runAsync(() -> repository.credentialPolicy(PROBE_STORE), thread);
        } catch (RejectedExecutionException e) {
            last = CompletableFuture.failedFuture(e);
        }
        return last;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
