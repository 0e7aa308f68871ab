package dev.storeauth.demo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link HashingGate}: a few hashes at once, a few more waiting briefly, the rest refused at once. */
class HashingGateTest {

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHolders() {
        release.countDown();
    }

    @Test
    void runsTheWorkAndAnswersItsResult() {
        assertEquals(Optional.of("hashed"), new HashingGate(1, 0, Duration.ZERO).run(() -> "hashed"));
    }

    @Test
    void refusesAtOnceWhenEveryPermitIsTakenAndNoOneMayWait() throws Exception {
        HashingGate gate = new HashingGate(1, 0, Duration.ofMinutes(1));
        hold(gate);

        assertEquals(Optional.empty(), gate.run(() -> "second"));
    }

    @Test
    void aWaitingAttemptRunsOnceAPermitFreesAndOneMoreIsRefused() throws Exception {
        HashingGate gate = new HashingGate(1, 1, Duration.ofMinutes(1));
        CompletableFuture<Optional<String>> holder = hold(gate);
        CompletableFuture<Optional<String>> waiter = CompletableFuture.supplyAsync(() -> gate.run(() -> "waited"));
        awaitTrue(() -> gate.waiting() == 1);

        assertEquals(Optional.empty(), gate.run(() -> "third"), "the queue is full");
        release.countDown();
        assertEquals(Optional.of("held"), holder.get(30, TimeUnit.SECONDS));
        assertEquals(Optional.of("waited"), waiter.get(30, TimeUnit.SECONDS));
        assertEquals(0, gate.waiting());
    }

    @Test
    void refusesAnAttemptThatWaitedItsMaximum() throws Exception {
        HashingGate gate = new HashingGate(1, 4, Duration.ofMillis(1));
        hold(gate);

        assertEquals(Optional.empty(), gate.run(() -> "late"));
        assertEquals(0, gate.waiting());
    }

    @Test
    void givesThePermitBackWhenTheWorkThrows() {
        HashingGate gate = new HashingGate(1, 0, Duration.ZERO);

        assertThrows(IllegalStateException.class, () -> gate.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(Optional.of("after"), gate.run(() -> "after"));
    }

    @Test
    void anInterruptedWaiterIsRefusedAndKeepsItsInterrupt() throws Exception {
        HashingGate gate = new HashingGate(1, 1, Duration.ofMinutes(1));
        hold(gate);
        Thread.currentThread().interrupt();

        assertEquals(Optional.empty(), gate.run(() -> "interrupted"));
        assertTrue(Thread.interrupted(), "interrupt status kept");
    }

    @Test
    void sizesItselfToHalfTheCores() {
        HashingGate gate = HashingGate.forThisMachine();
        int permits = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

        assertTrue(gate.toString().startsWith("HashingGate[free=" + permits + ","), gate.toString());
    }

    @Test
    void rejectsUnusableSettings() {
        assertThrows(IllegalArgumentException.class, () -> new HashingGate(0, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new HashingGate(1, -1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new HashingGate(1, 1, Duration.ofMillis(-1)));
    }

    /** Takes the gate's one permit on another thread until {@link #release}; returns once it holds it. */
    private CompletableFuture<Optional<String>> hold(HashingGate gate) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Optional<String>> holder = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            holding.countDown();
            awaitRelease();
            return "held";
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS), "the holder got its permit");
        return holder;
    }

    private void awaitRelease() {
        try {
            assertTrue(release.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.onSpinWait();
        }
    }
}
