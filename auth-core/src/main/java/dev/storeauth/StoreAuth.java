package dev.storeauth;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.auth.AuthenticatorBuilder;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.cache.CacheStatistics;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.UsageRecorder;
import dev.storeauth.repository.jdbc.AccountChangeFeed;
import dev.storeauth.repository.jdbc.BatchingUsageRecorder;
import dev.storeauth.repository.jdbc.ChangePruner;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * storeauth wired once: account repository, then its cache, the change feed that evicts accounts
 * changed on any node, the batching last-used recorder, the {@link Authenticator}, the
 * {@link AccountLifecycle}, and, for JDBC, the pruning of the change table.
 *
 * <pre>{@code
 * try (StoreAuth storeAuth = StoreAuth.builder()
 *         .jdbc(dataSource)
 *         .realm("My Store API")
 *         .lifecycle(owners::isOwner, "api.example.com")
 *         .build()) {
 *     AuthResult result = storeAuth.authenticator().authenticate(request);
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops what {@link StoreAuthBuilder#build()} started, newest first:
 * the schedules, the recorder (flushing it), the feed and the cache's threads.
 */
public final class StoreAuth implements AutoCloseable {

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    private static final int USAGE_CAPACITY = 10_000;

    private final Owned owned = new Owned();
    private final AccountRepository repository;
    private final AccountCache cache;
    private final Authenticator authenticator;
    private final Optional<AccountLifecycle> lifecycle;

    StoreAuth(StoreAuthBuilder b) {
        try {
            this.repository = b.dataSource != null ? JdbcAccountRepository.create(b.dataSource) : b.repository;
            this.cache = owned.add(AccountCache.builder(repository).maximumSize(b.cacheMaximumSize)
                    .expireAfterWrite(b.cacheTtl).negativeExpireAfterWrite(b.negativeCacheTtl)
                    .lookupTimeout(b.lookupTimeout).build());
            startFeed(b);
            this.authenticator = authenticator(b, b.recordUsage ? recorder() : UsageRecorder.NONE);
            this.lifecycle = Optional.ofNullable(b.ownership).map(ownership -> AccountLifecycle
                    .builder(repository, ownership, b.apiHost).digester(b.digester).catalogue(b.catalogue)
                    .changeListener(cache).listener(b.lifecycleListener).oauthAccountLimit(b.oauthAccountLimit)
                    .build());
        } catch (RuntimeException | Error e) {
            owned.close();
            throw e;
        }
    }

    /** Starts a builder. */
    public static StoreAuthBuilder builder() {
        return new StoreAuthBuilder();
    }

    /** Decides every store API request. */
    public Authenticator authenticator() {
        return authenticator;
    }

    /** Creates, lists and deletes API accounts; empty unless the builder was given a lifecycle. */
    public Optional<AccountLifecycle> lifecycle() {
        return lifecycle;
    }

    /** Where the accounts are kept. */
    public AccountRepository repository() {
        return repository;
    }

    /** The cache's counters; cheap, never blocks. */
    public CacheStatistics cacheStatistics() {
        return cache.stats();
    }

    /** Stops the feeds, schedules, recorder and cache threads this instance started; idempotent. */
    @Override
    public void close() {
        owned.close();
    }

    private void startFeed(StoreAuthBuilder b) {
        if (b.dataSource != null) {
            owned.add(AccountChangeFeed.start(b.dataSource, cache));
            owned.add(new ChangePruner((JdbcAccountRepository) repository, b.changeRetention)
                    .scheduleOn(owned.scheduler(), PRUNE_EVERY));
        } else if (b.changeFeed != null) {
            owned.add(java.util.Objects.requireNonNull(b.changeFeed.apply(cache), "changeFeed started nothing"));
        }
    }

    private UsageRecorder recorder() {
        return owned.add(new BatchingUsageRecorder(repository, Clock.systemUTC(), USAGE_CAPACITY)
                .scheduleOn(owned.scheduler(), FLUSH_EVERY));
    }

    private Authenticator authenticator(StoreAuthBuilder b, UsageRecorder usage) {
        AuthenticatorBuilder builder = Authenticator.builder(cache).realm(b.realm).requireTls(b.requireTls)
                .routes(b.routes).digester(b.digester).usageRecorder(usage);
        b.schemes.forEach(builder::scheme);
        if (b.maxFailures > 0) {
            builder.throttle(b.maxFailures, b.failureWindow);
        }
        return builder.build();
    }
}
