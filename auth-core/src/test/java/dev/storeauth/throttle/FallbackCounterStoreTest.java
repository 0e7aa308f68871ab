package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** A shared store stood in for by local counters while it fails: a fake one that throws, and a real Redis stopped mid-test. */
class FallbackCounterStoreTest {

    private static final Limit FAILURES = Limit.failures(5, Duration.ofMinutes(15));
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final FakeTicker clock = new FakeTicker();
    private final Logger log = mock(Logger.class);
    private final Switchable shared = new Switchable();
    private final FallbackCounterStore store = new FallbackCounterStore(shared,
            new LocalCounterStore(1000, Duration.ofMinutes(15), clock::read), RETRY, clock::read, log);
    private final Counters failures = store.counters("failures");
    private final String key = UUID.randomUUID().toString();

    @Test
    void whileTheSharedStoreAnswersEveryCallGoesThere() {
        failures.tryTake("ip", FAILURES);
        failures.giveBack("ip", FAILURES);
        failures.tryTake("ip", FAILURES);

        assertEquals(3, shared.calls.get());
        assertFalse(store.degraded());
        assertEquals(0, store.fallbacks());
        assertEquals("fake", store.name());
        assertEquals(0, logged("warn") + logged("info"));
    }

    @Test
    void aFailedCallIsAnsweredLocallyAndLaterCallsStayLocalWithOneWarning() {
        failures.tryTake("ip", FAILURES);
        shared.up = false;

        assertEquals(5, taken(8, "ip"));

        assertEquals(2, shared.calls.get(), "one call before, one that failed");
        assertTrue(store.degraded());
        assertEquals(1, store.fallbacks());
        assertEquals(1, logged("warn"));
        assertEquals(0, logged("info"));
    }

    @Test
    void aTokenGivenBackDuringAnOutageGoesToTheLocalBucket() {
        shared.up = false;
        assertEquals(5, taken(5, "ip"));

        failures.giveBack("ip", FAILURES);

        assertEquals(1, taken(2, "ip"));
    }

    @Test
    void oneCallPerRetryIntervalTriesTheSharedStoreAgainAndFailingCountsAsAFallback() {
        shared.up = false;
        failures.tryTake("ip", FAILURES);

        clock.advance(RETRY.minusMillis(1));
        failures.tryTake("ip", FAILURES);
        assertEquals(1, shared.calls.get());

        clock.advance(Duration.ofMillis(1));
        failures.tryTake("ip", FAILURES);
        failures.tryTake("ip", FAILURES);
        assertEquals(2, shared.calls.get());
        assertEquals(2, store.fallbacks());
        assertTrue(store.degraded());
        assertEquals(1, logged("warn"));
    }

    @Test
    void whenTheRetryIsAnsweredTheStoreIsNoLongerDegradedAndSaysSoOnce() {
        shared.up = false;
        failures.tryTake("ip", FAILURES);
        shared.up = true;

        clock.advance(RETRY);
        ConsumptionProbe retried = failures.tryTake("ip", FAILURES);
        failures.tryTake("ip", FAILURES);

        assertTrue(retried.isConsumed());
        assertEquals(3, shared.calls.get(), "the failed one, the retry and the next");
        assertFalse(store.degraded());
        assertEquals(1, store.fallbacks());
        assertEquals(1, logged("info"));
        assertEquals(2, shared.counters("failures").tryTake("ip", FAILURES).getRemainingTokens(),
                "the retry and the next were counted in the shared store");
    }

    @Test
    void aSecondOutageIsWarnedAgain() {
        shared.up = false;
        failures.tryTake("ip", FAILURES);
        shared.up = true;
        clock.advance(RETRY);
        failures.tryTake("ip", FAILURES);

        shared.up = false;
        failures.tryTake("ip", FAILURES);

        assertTrue(store.degraded());
        assertEquals(2, logged("warn"));
        assertEquals(2, store.fallbacks());
    }

    @Test
    void manyThreadsFailingAtOnceWarnOnceAndAllAreAnswered() throws Exception {
        shared.up = false;

        int passed = SharedCounterScenarios.takeConcurrently(List.of(failures), 16, 800, "ip", FAILURES);

        assertEquals(5, passed);
        assertEquals(1, logged("warn"));
        assertEquals(shared.calls.get(), store.fallbacks());
        assertTrue(store.fallbacks() >= 1 && store.fallbacks() <= 16, store.fallbacks() + " fallbacks");
    }

    @Test
    void withRedisStoppedMidTestCallsAreCountedHereAndWithRedisBackThereAgain() throws Exception {
        RedisServers.Server[] server = {RedisServers.start()};
        // a timeout roomier than the default, so that a slow first command on a loaded machine is no outage
        try (FallbackCounterStore fleet = new FallbackCounterStore(new RedisCounterStore(server[0].uri(), Duration.ofSeconds(1)),
                        LocalCounterStore.system(1000, Duration.ofMinutes(15)), RETRY, clock::read);
                RedisCounterStore otherNode = new RedisCounterStore(server[0].uri())) {
            Counters counters = fleet.counters("failures");
            assertTrue(counters.tryTake(key, FAILURES).isConsumed());
            assertTrue(counters.tryTake(key, FAILURES).isConsumed());
            assertEquals(2, otherNode.counters("failures").tryTake(key, FAILURES).getRemainingTokens(), "counted in Redis");
            assertFalse(fleet.degraded());

            server[0].stop();
            int passed = 0;
            for (int i = 0; i < 8; i++) {
                passed += counters.tryTake(key, FAILURES).isConsumed() ? 1 : 0;
            }

            assertEquals(5, passed, "the limit holds in this process");
            assertTrue(fleet.degraded());
            assertTrue(fleet.fallbacks() > 0);

            server[0] = server[0].restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (fleet.degraded() && System.nanoTime() - deadline < 0) {
                clock.advance(RETRY);
                counters.tryTake(key, FAILURES);
                Thread.sleep(50);
            }

            assertFalse(fleet.degraded(), "Redis reachable again");
            assertEquals(3, otherNode.counters("failures").tryTake(key, FAILURES).getRemainingTokens(),
                    "the restarted Redis was empty: the retry and this call");
        } finally {
            server[0].stop();
        }
    }

    private int taken(int attempts, String key) {
        int passed = 0;
        for (int i = 0; i < attempts; i++) {
            passed += failures.tryTake(key, FAILURES).isConsumed() ? 1 : 0;
        }
        return passed;
    }

    private long logged(String level) {
        return mockingDetails(log).getInvocations().stream().filter(i -> i.getMethod().getName().equals(level)).count();
    }

    /** A shared store counting in this process while up and throwing while down; counts the calls to it. */
    private static final class Switchable implements CounterStore {

        private final LocalCounterStore inner = LocalCounterStore.system(1000, Duration.ofMinutes(15));
        private final Map<String, Counters> namespaces = new ConcurrentHashMap<>();
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean up = true;

        @Override
        public Counters counters(String namespace) {
            Counters counters = namespaces.computeIfAbsent(namespace, inner::counters);
            return new Counters() {
                @Override
                public ConsumptionProbe tryTake(String key, Limit limit) {
                    answerOrThrow();
                    return counters.tryTake(key, limit);
                }

                @Override
                public void giveBack(String key, Limit limit) {
                    answerOrThrow();
                    counters.giveBack(key, limit);
                }
            };
        }

        private void answerOrThrow() {
            calls.incrementAndGet();
            if (!up) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public String name() {
            return "fake";
        }
    }
}
