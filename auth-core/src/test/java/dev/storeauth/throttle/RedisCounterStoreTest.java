package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buckets in the shared Redis on 127.0.0.1:6379, by one node and by two. */
class RedisCounterStoreTest extends SharedCounterScenarios {

    private String uri;

    @BeforeEach
    void redis() {
        uri = RedisServers.shared();
    }

    @Override
    CounterStore newNode() {
        return new RedisCounterStore(uri);
    }

    @Test
    void aBucketIsKeptUnderStoreauthNamespaceKeyUntilItWouldBeFullAgain() {
        node().counters("failures").tryTake(key("ip"), FAILURES);

        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            long ttl = redis.sync().pttl("storeauth:failures:" + key("ip"));
            // one token of five per 15 minutes comes back in 3 minutes, kept 10 s more
            assertTrue(ttl > Duration.ofMinutes(3).toMillis() && ttl <= Duration.ofSeconds(190).toMillis(), ttl + " ms");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void itIsNamedRedis() {
        assertEquals("redis", node().name());
    }

    @Test
    void aNamespaceWithAColonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> node().counters("a:b"));
    }

    @Test
    void aRedisThatStopsAnsweringFailsACallWithinAboutTheTimeout() {
        try (RedisServers.Server server = RedisServers.start();
                CounterStore node = new RedisCounterStore(server.uri(), Duration.ofMillis(250))) {
            Counters failures = node.counters("failures");
            assertTrue(failures.tryTake(key("ip"), FAILURES).isConsumed());
            server.pause();
            long started = System.nanoTime();

            assertThrows(RuntimeException.class, () -> failures.tryTake(key("ip"), FAILURES));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofMillis(200)) > 0 && took.compareTo(Duration.ofSeconds(1)) < 0,
                    "failed after " + took.toMillis() + " ms");
        }
    }

    @Test
    void withNothingListeningItIsMadeAllTheSameAndItsCallsThrowQuickly() {
        try (CounterStore nowhere = new RedisCounterStore("redis://127.0.0.1:" + RedisServers.freePort())) {
            Counters failures = nowhere.counters("failures");
            long started = System.nanoTime();

            assertThrows(RedisException.class, () -> failures.tryTake(key("ip"), FAILURES));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos());
        }
    }
}
