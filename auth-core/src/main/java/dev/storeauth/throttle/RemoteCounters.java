package dev.storeauth.throttle;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.Nothing;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.VerboseBucket;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The counters of one namespace in a store the fleet shares, through a Bucket4j {@link ProxyManager}
 * keyed by {@code prefix + key}.
 *
 * <p>Each key's {@link BucketProxy} is kept in a bounded Caffeine cache ({@value #MAXIMUM_KEYS} keys,
 * each dropped after {@link #IDLE} unused), so that the optimization state of a quota survives from
 * one call to the next. A limit with {@link Limit#unsynchronized} tokens is built with Bucket4j's
 * delaying optimization: this node takes up to that many tokens from its last copy of the bucket, or
 * for at most {@link #MAX_UNSYNCHRONIZED_TIME}, before it tells the store, so each node lets at most
 * that many through past the limit. Any other limit is exact: every call is one atomic operation in
 * the store. (Bucket4j's predicting optimization, which also guesses what other nodes took, was
 * closer to the quota on most runs but on one let only 340 of 450 through: refusing what the quota
 * allows is worse than the bounded overshoot of delaying.) Tokens a node took without telling the
 * store when its proxy is dropped from the cache are never told: at most
 * {@link Limit#unsynchronized} per key, which the store then does not count.
 *
 * <p>The bucket in the store carries the configuration it was made with. The first call through each
 * new proxy reads it back (Bucket4j's verbose result, in the same round trip) and, when it is not
 * the caller's {@link Limit}, replaces it, keeping the share of tokens left
 * ({@link TokensInheritanceStrategy#PROPORTIONALLY}): so a changed plan reaches the store from
 * whichever node sees it first, including nodes that never saw the old one, without resetting the
 * count. A key used again with another limit than its cached proxy gets a new proxy, checked the
 * same way. While nodes disagree about a key's limit, the last one to build its proxy sets it.
 *
 * <p>Thread-safe. Exceptions of the store (connection, timeout, SQL) reach the caller unchanged; a
 * key longer than the store takes is an {@link IllegalArgumentException}.
 */
final class RemoteCounters implements Counters {

    static final long MAXIMUM_KEYS = 100_000;
    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration MAX_UNSYNCHRONIZED_TIME = Duration.ofMillis(100);

    private final Supplier<? extends ProxyManager<String>> manager;
    private final String prefix;
    private final int maximumKeyLength;
    private final ByLimit<Proxy> proxies = new ByLimit<>(
            Caffeine.newBuilder().maximumSize(MAXIMUM_KEYS).expireAfterAccess(IDLE).build(),
            proxy -> proxy.limit, this::newProxy);

    /**
     * @param manager the store's proxy manager, asked whenever a key needs a new proxy (it may connect
     *     first, or throw while the store is unreachable)
     * @param prefix put before every key in the store
     * @param maximumKeyLength the longest key the store takes, {@code prefix} included
     */
    RemoteCounters(Supplier<? extends ProxyManager<String>> manager, String prefix, int maximumKeyLength) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.maximumKeyLength = maximumKeyLength;
    }

    /** {@code namespace}, checked: not empty, and without {@code ':'}, which separates it from the key. */
    static String namespace(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isEmpty() || namespace.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a namespace is not empty and has no ':': " + namespace);
        }
        return namespace;
    }

    @Override
    public ConsumptionProbe tryTake(String key, Limit limit) {
        return proxy(key, limit).run(bucket -> bucket.tryConsumeAndReturnRemaining(1),
                verbose -> verbose.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void giveBack(String key, Limit limit) {
        proxy(key, limit).run(bucket -> {
            bucket.addTokens(1);
            return Nothing.INSTANCE;
        }, verbose -> verbose.addTokens(1));
    }

    private Proxy proxy(String key, Limit limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        if (prefix.length() + key.length() > maximumKeyLength) {
            throw new IllegalArgumentException("a key of " + key.length() + " characters is longer than the store takes");
        }
        return proxies.get(key, limit);
    }

    private Proxy newProxy(String key, Limit limit) {
        ProxyManager<String> proxyManager = manager.get();
        BucketConfiguration configuration = limit.configuration();
        BucketProxy exact = proxyManager.builder().build(prefix + key, () -> configuration);
        if (limit.unsynchronized() == 0) {
            return new Proxy(limit, configuration, exact, exact);
        }
        BucketProxy delaying = proxyManager.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(limit.unsynchronized(), MAX_UNSYNCHRONIZED_TIME)))
                .build(prefix + key, () -> configuration);
        return new Proxy(limit, configuration, delaying, exact);
    }

    private static final class Proxy {

        private final Limit limit;
        private final BucketConfiguration configuration;
        private final BucketProxy bucket;
        private final BucketProxy exact;
        private volatile boolean checked;

        /**
         * @param bucket what calls go through
         * @param exact the same bucket without optimization: {@code bucket} itself for an exact limit
         */
        Proxy(Limit limit, BucketConfiguration configuration, BucketProxy bucket, BucketProxy exact) {
            this.limit = limit;
            this.configuration = configuration;
            this.bucket = bucket;
            this.exact = exact;
        }

        /**
         * {@code plain}, or the first time {@code verbose}, putting this limit in the store if it has
         * another.
         *
         * <p>Bucket4j 8.14 fails the whole batch of concurrent calls that an optimization sends
         * together when the bucket is not in the store (a new key, or an expired one) instead of
         * making it, and may do so again and again while calls keep coming. Nothing of a failed batch
         * is applied: the bucket is made through the unoptimized proxy, and the call runs once more.
         */
        <T> T run(Function<Bucket, T> plain, Function<VerboseBucket, VerboseResult<T>> verbose) {
            try {
                return runOnce(plain, verbose);
            } catch (RuntimeException e) {
                if (exact == bucket || !bucketNotFound(e)) {
                    throw e;
                }
                exact.getAvailableTokens();
                return runOnce(plain, verbose);
            }
        }

        private static boolean bucketNotFound(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BucketNotFoundException) {
                    return true;
                }
            }
            return false;
        }

        private <T> T runOnce(Function<Bucket, T> plain, Function<VerboseBucket, VerboseResult<T>> verbose) {
            if (checked) {
                return plain.apply(bucket);
            }
            VerboseResult<T> result = verbose.apply(bucket.asVerbose());
            if (!configuration.equals(result.getConfiguration())) {
                bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.PROPORTIONALLY);
            }
            checked = true;
            return result.getValue();
        }
    }
}
