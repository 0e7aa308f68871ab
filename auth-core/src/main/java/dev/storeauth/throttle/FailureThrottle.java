package dev.storeauth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed authentications per client address and per presented identity (a legacy account's
 * store and username) in fixed windows. Once a key has {@code maxFailures} failures in its window,
 * {@link #blocked} answers how long until the window ends, and the authenticator answers 429
 * without checking the credential or asking the store.
 *
 * <ul>
 *   <li>Memory is bounded: at most {@code maximumTracked} keys, least recently used evicted first,
 *       each gone once its window ends. An attacker with a million addresses cannot grow it.
 *   <li>Success resets nothing: an attacker holding one valid credential cannot interleave it with
 *       guesses to clear the address's count.
 *   <li>OAuth tokens are not tracked by identity: a random 190-bit token cannot be guessed, so only
 *       the address count matters there, and no token or digest is kept.
 * </ul>
 *
 * <pre>{@code
 * FailureThrottle throttle = new FailureThrottle(10, Duration.ofMinutes(1), 100_000, Ticker.systemTicker());
 * Authenticator authenticator = Authenticator.builder(store).throttle(throttle).build();
 * }</pre>
 *
 * Thread-safe.
 */
public final class FailureThrottle {

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    /**
     * @param maxFailures failures allowed per key per window, at least 1
     * @param window how long a key's count lasts from its first failure
     * @param maximumTracked most keys held at once
     * @param ticker the time source; a fake in tests
     * @throws IllegalArgumentException for a non-positive number or duration
     */
    public FailureThrottle(int maxFailures, Duration window, long maximumTracked, Ticker ticker) {
        if (maxFailures < 1 || maximumTracked < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures, window and maximumTracked must be positive");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.windows = Caffeine.newBuilder().maximumSize(maximumTracked).expireAfterWrite(window)
                .ticker(ticker).executor(Runnable::run).build();
    }

    /**
     * How long {@code address} or {@code identity} must wait, if either has used up its failures.
     *
     * @param identity {@code null} when the credential names no trackable identity
     * @return empty when the request may be checked
     */
    public Optional<Duration> blocked(String address, String identity) {
        long now = ticker.read();
        long wait = Math.max(remaining(key("a:", address), now), remaining(key("i:", identity), now));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Counts one failure for {@code address} and, if not {@code null}, {@code identity}. */
    public void recordFailure(String address, String identity) {
        long now = ticker.read();
        count(key("a:", address), now);
        count(key("i:", identity), now);
    }

    /** Keys now tracked (an estimate); never more than {@code maximumTracked} for long. */
    public long trackedKeys() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** The failures allowed per key per window. */
    public int maxFailures() {
        return maxFailures;
    }

    private long remaining(String key, long now) {
        Window window = key == null ? null : windows.getIfPresent(key);
        if (window == null || window.failures.get() < maxFailures) {
            return 0;
        }
        return window.start + windowNanos - now;
    }

    private void count(String key, long now) {
        if (key != null) {
            windows.get(key, k -> new Window(now)).failures.incrementAndGet();
        }
    }

    private static String key(String kind, String value) {
        return value == null ? null : kind + value;
    }

    private static final class Window {
        final long start;
        final AtomicInteger failures = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }
}
