package dev.storeauth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a {@link StoreAuth} started, closed newest first; a failure to close one is logged, not thrown. */
final class Owned implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAuth.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private ScheduledExecutorService scheduler;

    synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    /** The one daemon thread that flushes last-used times and prunes the change table; made on first use. */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "storeauth-maintenance");
                thread.setDaemon(true);
                return thread;
            });
            ScheduledExecutorService made = scheduler;
            resources.push(made::shutdown);
        }
        return scheduler;
    }

    @Override
    public synchronized void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing a storeauth resource failed: {}", e.toString());
            }
        }
    }
}
