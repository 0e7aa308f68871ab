package dev.storeauth.demo.data;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the password hashes running at once, so a flood of sign-ins from many addresses (each
 * within its throttle) cannot take every core from the API. At most {@code permits} hashes run;
 * at most {@code maxWaiting} more wait, first come first served, each for at most {@code maxWait};
 * anything beyond is refused at once and answered 503 by the caller.
 *
 * <pre>{@code
 * HashingGate gate = HashingGate.forThisMachine();
 * Optional<Boolean> matches = gate.run(() -> hasher.matches(password, stored));
 * }</pre>
 *
 * Thread-safe.
 */
public final class HashingGate {

    /** Attempts that may wait for a permit, beyond those hashing. */
    public static final int DEFAULT_MAX_WAITING = 4;
    /** How long an attempt waits for a permit before it is refused. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final int maxWaiting;
    private final long maxWaitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @throws IllegalArgumentException for fewer than 1 permit, a negative {@code maxWaiting}, or a
     *     negative {@code maxWait}
     */
    public HashingGate(int permits, int maxWaiting, Duration maxWait) {
        if (permits < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("permits must be at least 1, maxWaiting and maxWait not negative");
        }
        this.permits = new Semaphore(permits, true);
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Half the cores (at least one) hash at once, with the default wait. */
    public static HashingGate forThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new HashingGate(Math.max(1, cores / 2), DEFAULT_MAX_WAITING, DEFAULT_MAX_WAIT);
    }

    /**
     * Runs {@code work} holding a permit and answers its result; empty, without running it, when
     * no permit was free within the wait or too many attempts already wait (or the thread was
     * interrupted while waiting, its interrupt status then set again). Exceptions from
     * {@code work} pass through, the permit returned.
     */
    public <T> Optional<T> run(Supplier<T> work) {
        if (!acquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            permits.release();
        }
    }

    private boolean acquire() {
        if (tryAcquireNow()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Attempts waiting for a permit now. */
    int waiting() {
        return waiting.get();
    }

    /** A free permit, unless attempts already wait for it (a fair semaphore's plain tryAcquire would barge). */
    private boolean tryAcquireNow() {
        try {
            return permits.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return "HashingGate[free=" + permits.availablePermits() + ", waiting=" + waiting.get()
                + ", maxWaiting=" + maxWaiting + "]";
    }
}
