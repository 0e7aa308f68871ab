package dev.storeauth.throttle;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Buckets in Redis, shared by every node that uses the same Redis: Bucket4j's compare-and-swap
 * buckets over one Lettuce connection, under the keys {@code storeauth:{namespace}:{key}}. Each key
 * expires from Redis once its bucket would be full again (plus {@link #KEEP_AFTER_REFILL}), so idle
 * buckets vanish by themselves. Failure limits are exact across the fleet; quotas may let each node
 * through {@link Limit#unsynchronized} tokens past the limit (see {@link Limit}).
 *
 * <p>The store owns its Lettuce {@link RedisClient}, client resources and connection, and
 * {@link #close} shuts them all down within a few seconds. Every Redis command times out after the
 * {@code timeout} given (by default {@value #DEFAULT_TIMEOUT_MILLIS} ms), and while the connection
 * is down commands fail at once rather than queue: a caller learns within that time that Redis is
 * unreachable, and can count elsewhere ({@link FallbackCounterStore}). Only a new connection's first
 * read may take up to 2 s, so that the slow first commands of a fresh JVM are no outage.
 *
 * <p>Construction never fails because Redis is unreachable: it tries to connect once and, if that
 * fails, every later call tries again first, and throws Lettuce's exception while Redis stays
 * unreachable. Once connected, Lettuce reconnects by itself in the background (after 10 ms, then
 * doubling up to 1 s between attempts), and calls throw while it is disconnected.
 *
 * <pre>{@code
 * try (CounterStore redis = new FallbackCounterStore(new RedisCounterStore("redis://10.0.0.5:6379"),
 *         LocalCounterStore.system(100_000, Duration.ofMinutes(15)))) {
 *     Counters failures = redis.counters("failures");
 *     ConsumptionProbe probe = failures.tryTake(clientDigest, Limit.failures(5, Duration.ofMinutes(15)));
 * }
 * }</pre>
 *
 * Thread-safe. {@link Counters} from it throw Lettuce's {@code RedisException}s (connection refused,
 * {@code RedisCommandTimeoutException}) or Bucket4j's exceptions when Redis fails them, and must not
 * be used after {@link #close}.
 */
public final class RedisCounterStore implements CounterStore {

    /** How long a Redis command may take unless told otherwise. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 250;

    /** How long a full bucket stays in Redis after it would have refilled; covers clock skew between nodes. */
    public static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final String PREFIX = "storeauth:";
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(2);

    private final ClientResources resources;
    private final RedisClient client;
    private final Duration timeout;
    private final Object connecting = new Object();
    private volatile Connected connected;
    private volatile boolean closed;

    /**
     * A store on the Redis at {@code redisUri} (e.g. {@code redis://127.0.0.1:6379}, or
     * {@code rediss://user:password@host:6380/0}), with the default timeout.
     *
     * @throws IllegalArgumentException if {@code redisUri} is not a Redis URI
     */
    public RedisCounterStore(String redisUri) {
        this(redisUri, Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS));
    }

    /**
     * A store on the Redis at {@code redisUri}, whose commands and connection attempts each time out
     * after {@code timeout}.
     *
     * @throws IllegalArgumentException if {@code redisUri} is not a Redis URI or {@code timeout} is not positive
     */
    public RedisCounterStore(String redisUri, Duration timeout) {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        RedisURI uri = parse(redisUri);
        uri.setTimeout(timeout);
        this.timeout = timeout;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled())
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        try {
            manager();
        } catch (RuntimeException unreachable) {
            // The first call that needs Redis connects again, and throws if it still cannot.
        }
    }

    @Override
    public Counters counters(String namespace) {
        return new RemoteCounters(this::manager, PREFIX + RemoteCounters.namespace(namespace) + ":", Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return "redis";
    }

    /** Closes the connection, then shuts the client and its threads down, waiting at most a few seconds. */
    @Override
    public void close() {
        synchronized (connecting) {
            closed = true;
            if (connected != null) {
                connected.connection.close();
            }
        }
        client.shutdown(0, 2, TimeUnit.SECONDS);
        Future<Boolean> threads = resources.shutdown(0, 2, TimeUnit.SECONDS);
        try {
            threads.get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Nothing more to release: the threads end by themselves.
        }
    }

    private ProxyManager<String> manager() {
        Connected current = connected;
        if (current != null) {
            return current.manager;
        }
        synchronized (connecting) {
            if (closed) {
                throw new IllegalStateException("this store is closed");
            }
            if (connected == null) {
                StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
                warmUp(connection);
                connected = new Connected(connection, Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                        .requestTimeout(timeout)
                        .build());
            }
            return connected.manager;
        }
    }

    /**
     * Runs a first read on {@code connection} with a longer timeout: the first commands of a fresh
     * JVM can take longer than {@code timeout}, and would otherwise fail the first calls.
     */
    private void warmUp(StatefulRedisConnection<String, byte[]> connection) {
        connection.setTimeout(WARM_UP_TIMEOUT.compareTo(timeout) > 0 ? WARM_UP_TIMEOUT : timeout);
        try {
            connection.sync().get(PREFIX);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        } finally {
            connection.setTimeout(timeout);
        }
    }

    private record Connected(StatefulRedisConnection<String, byte[]> connection, ProxyManager<String> manager) {
    }

    /** Lettuce's own refusal quotes the whole URI, password included: neither it nor its cause is kept. */
    private static RedisURI parse(String redisUri) {
        try {
            return RedisURI.create(redisUri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Redis URI (not echoed: it may carry a password)");
        }
    }
}
