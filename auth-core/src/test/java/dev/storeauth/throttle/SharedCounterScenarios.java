package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a store the fleet shares must do, with one or two nodes on it; subclasses supply the store.
 * Keys start with a fresh UUID, so runs against the same store never meet.
 */
abstract class SharedCounterScenarios {

    static final Limit FAILURES = Limit.failures(5, Duration.ofMinutes(15));
    static final Limit QUOTA = Limit.quota(450, Duration.ofSeconds(30));

    private final String run = UUID.randomUUID().toString();
    private final List<CounterStore> nodes = new ArrayList<>();

    /** A new node's store on the shared store of this test. */
    abstract CounterStore newNode();

    /** A node, closed after the test. */
    final CounterStore node() {
        CounterStore node = newNode();
        nodes.add(node);
        return node;
    }

    final String key(String name) {
        return run + "-" + name;
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(CounterStore::close);
    }

    @Test
    void aFailureLimitLetsExactlyItsCapacityThroughOutOfSixtyFourConcurrentTakes() throws Exception {
        Counters failures = node().counters("failures");

        assertEquals(5, takeConcurrently(List.of(failures), 16, 64, key("ip"), FAILURES));
        assertFalse(failures.tryTake(key("ip"), FAILURES).isConsumed());
    }

    @Test
    void aTokenGivenBackCanBeTakenAgain() {
        Counters failures = node().counters("failures");
        for (int i = 0; i < 5; i++) {
            assertTrue(failures.tryTake(key("ip"), FAILURES).isConsumed());
        }
        assertFalse(failures.tryTake(key("ip"), FAILURES).isConsumed());

        failures.giveBack(key("ip"), FAILURES);

        assertTrue(failures.tryTake(key("ip"), FAILURES).isConsumed());
        assertFalse(failures.tryTake(key("ip"), FAILURES).isConsumed());
    }

    @Test
    void theSameKeyInTwoNamespacesIsCountedApart() {
        CounterStore node = node();
        Counters failures = node.counters("failures");
        Counters usernames = node.counters("usernames");
        for (int i = 0; i < 5; i++) {
            failures.tryTake(key("k"), FAILURES);
        }

        assertFalse(failures.tryTake(key("k"), FAILURES).isConsumed());
        assertTrue(usernames.tryTake(key("k"), FAILURES).isConsumed());
        assertEquals(3, usernames.tryTake(key("k"), FAILURES).getRemainingTokens());
    }

    @Test
    void twoNodesShareAFailureLimitExactly() throws Exception {
        List<Counters> two = List.of(node().counters("failures"), node().counters("failures"));

        assertEquals(5, takeConcurrently(two, 16, 64, key("ip"), FAILURES));
        assertFalse(two.get(0).tryTake(key("ip"), FAILURES).isConsumed());
        assertFalse(two.get(1).tryTake(key("ip"), FAILURES).isConsumed());
    }

    @Test
    void twoNodesHammeringAQuotaLetThroughItAndAtMostFivePercentMore() throws Exception {
        List<Counters> two = List.of(node().counters("quota"), node().counters("quota"));
        long started = System.nanoTime();

        int passed = takeConcurrently(two, 16, 2000, key("store"), QUOTA);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%s: two nodes, 2 x 8 threads, 2000 attempts on quota 450/30 s: %d passed (%+.1f%%) in %d ms%n",
                getClass().getSimpleName(), passed, (passed - 450) * 100.0 / 450, took.toMillis());
        assertTrue(took.compareTo(QUOTA.window()) < 0, "ran within one window: " + took);
        assertTrue(passed >= 450, passed + " passed");
        assertTrue(passed <= 450 * 1.05, passed + " passed");
    }

    @Test
    void manyFirstCallsAtOnceOnANewQuotaKeyAllAnswer() throws Exception {
        Counters quota = node().counters("quota");

        for (int i = 0; i < 50; i++) {
            assertEquals(16, takeConcurrently(List.of(quota), 16, 16, key("store-" + i), QUOTA));
        }
    }

    @Test
    void aChangedLimitReachesTheStoreFromTheFirstNodeThatSeesItKeepingTheShareLeft() {
        Limit four = Limit.failures(4, Duration.ofMinutes(15));
        Limit eight = Limit.failures(8, Duration.ofMinutes(15));
        Counters first = node().counters("failures");
        Counters second = node().counters("failures");
        first.tryTake(key("ip"), four);
        first.tryTake(key("ip"), four);

        // second takes its first token by the stored limit (2 -> 1 of 4), then puts 8 in: 1 of 4 -> 2 of 8
        int passed = 0;
        for (int i = 0; i < 4; i++) {
            passed += second.tryTake(key("ip"), eight).isConsumed() ? 1 : 0;
        }

        assertEquals(3, passed);
        assertFalse(first.tryTake(key("ip"), four).isConsumed(), "counted by the stored limit, 0 of 8 left");
        long nanosToNext = first.tryTake(key("ip"), eight).getNanosToWaitForRefill();
        assertTrue(nanosToNext > Duration.ofSeconds(100).toNanos() && nanosToNext <= Duration.ofMillis(112_500).toNanos(),
                "refills by the new limit, one token every 15 min / 8: " + Duration.ofNanos(nanosToNext));
    }

    @Test
    void printsHowLongACallTakes() {
        Counters failures = node().counters("failures");
        Counters quota = node().counters("quota");
        Limit roomy = Limit.failures(1_000_000, Duration.ofMinutes(15));
        for (int i = 0; i < 200; i++) {
            failures.tryTake(key("warm"), roomy);
        }
        long[] exact = time(300, i -> failures.tryTake(key("one"), roomy));
        long[] fresh = time(300, i -> failures.tryTake(key("new-" + i), roomy));
        long[] quotas = time(300, i -> quota.tryTake(key("store"), Limit.quota(1_000_000, Duration.ofMinutes(1))));
        System.out.printf("%s per call, median / p99 in microseconds: failure limit, one key %d / %d;"
                        + " new key each call %d / %d; quota, one key %d / %d%n", getClass().getSimpleName(),
                exact[0], exact[1], fresh[0], fresh[1], quotas[0], quotas[1]);
    }

    /** Median and 99th percentile of {@code calls} runs of {@code call}, in microseconds. */
    private static long[] time(int calls, IntConsumer call) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new long[] {nanos[calls / 2] / 1000, nanos[calls * 99 / 100] / 1000};
    }

    /**
     * Takes {@code attempts} tokens of {@code key} from {@code threads} threads started together,
     * thread {@code i} on {@code nodes.get(i % nodes.size())}.
     *
     * @return how many were taken
     */
    static int takeConcurrently(List<Counters> nodes, int threads, int attempts, String key, Limit limit)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Counters counters = nodes.get(t % nodes.size());
                int mine = attempts / threads + (t < attempts % threads ? 1 : 0);
                Callable<Integer> taker = () -> {
                    start.await();
                    int taken = 0;
                    for (int i = 0; i < mine; i++) {
                        taken += counters.tryTake(key, limit).isConsumed() ? 1 : 0;
                    }
                    return taken;
                };
                results.add(pool.submit(taker));
            }
            start.countDown();
            int taken = 0;
            for (Future<Integer> result : results) {
                taken += result.get(60, TimeUnit.SECONDS);
            }
            return taken;
        } finally {
            pool.shutdownNow();
        }
    }
}
