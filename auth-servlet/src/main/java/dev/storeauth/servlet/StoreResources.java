package dev.storeauth.servlet;

import dev.storeauth.cache.AccountCache;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.UsageRecorder;
import dev.storeauth.repository.jdbc.AccountChangeFeed;
import dev.storeauth.repository.jdbc.BatchingUsageRecorder;
import dev.storeauth.repository.jdbc.ChangePruner;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code web.xml}-configured filter owns: the cache and, for the JDBC store, the change feed
 * that evicts accounts changed on other nodes, the batching last-used recorder and the pruning of
 * the change table (rows older than an hour, every ten minutes). Closed in reverse
 * order of opening.
 */
final class StoreResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreResources.class);
    private static final int USAGE_CAPACITY = 10_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

    private final AccountCache cache;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    StoreResources(AccountCache cache) {
        this.cache = cache;
        owned.push(cache);
    }

    /** Starts the feed and the recorder for a JDBC store; returns the recorder to give the authenticator. */
    UsageRecorder attach(StoreSources.Opened opened) {
        if (opened.dataSource() == null) {
            return UsageRecorder.NONE;
        }
        AccountChangeFeed feed = AccountChangeFeed.start(opened.dataSource(), cache);
        owned.push(feed);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "storeauth-last-used");
            thread.setDaemon(true);
            return thread;
        });
        owned.push(scheduler::shutdown);
        BatchingUsageRecorder recorder = new BatchingUsageRecorder((AccountRepository) opened.store(),
                Clock.systemUTC(), USAGE_CAPACITY).scheduleOn(scheduler, Duration.ofSeconds(1));
        owned.push(recorder);
        if (opened.store() instanceof JdbcAccountRepository repository) {
            owned.push(new ChangePruner(repository, ChangePruner.DEFAULT_RETENTION).scheduleOn(scheduler, PRUNE_EVERY));
        }
        return recorder;
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                LOG.warn("closing a storeauth resource failed: {}", e.toString());
            }
        }
    }
}
