package dev.storeauth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed authentications per client address and per presented identity (a legacy account's
 * store and username) in fixed windows. Once a key has {@code maxFailures} failures in its window,
 * {@link #blocked} answers how long until the window ends, and the authenticator answers 429
 * without checking the credential or asking the store.
 *
 * <p>Where the check is expensive (a password hash), check-then-record lets every concurrent
 * attempt through before the first failure is recorded. {@link #tryReserve} closes that race: it
 * counts attempts still in flight together with recorded failures and takes a place atomically,
 * so however many attempts for one key arrive at once, at most {@code maxFailures} are checked.
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
 *
 * if (throttle.tryReserve(address, email) instanceof Admission.Reserved reserved) {
 *     try (Reservation reservation = reserved.reservation()) {
 *         if (!passwordMatches()) {
 *             reservation.failed();
 *         }
 *     }
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class FailureThrottle {

    static final int IN_FLIGHT_RETRY_SECONDS = 1;
    private static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(IN_FLIGHT_RETRY_SECONDS);

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;
    /** Reservations not yet settled, per key; guarded by {@code this}, an entry only while above 0. */
    private final Map<String, Integer> inFlight = new HashMap<>();

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
     * How long {@code address} or {@code identity} must wait, if either has used up its recorded
     * failures (reservations in flight are not counted here: see {@link #tryReserve}).
     *
     * @param identity {@code null} when the credential names no trackable identity
     * @return empty when the request may be checked
     */
    public Optional<Duration> blocked(String address, String identity) {
        long now = ticker.read();
        long wait = 0;
        for (String key : keys(address, identity)) {
            wait = Math.max(wait, remaining(key, now));
        }
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Counts one failure for {@code address} and, if not {@code null}, {@code identity}. */
    public synchronized void recordFailure(String address, String identity) {
        long now = ticker.read();
        keys(address, identity).forEach(key -> count(key, now));
    }

    /**
     * Takes a place for one attempt against {@code address} and, if not {@code null},
     * {@code identity}, atomically: {@link Admission.Blocked} when either key's recorded failures
     * plus reservations in flight have reached {@code maxFailures}. A key blocked by reservations
     * alone is told to retry in {@value #IN_FLIGHT_RETRY_SECONDS} second, as they settle soon.
     * The caller must settle every {@link Admission.Reserved reservation}: an unsettled one holds
     * its place (and a little memory) for good.
     */
    public synchronized Admission tryReserve(String address, String identity) {
        List<String> keys = keys(address, identity);
        long now = ticker.read();
        long wait = 0;
        for (String key : keys) {
            wait = Math.max(wait, reservedWait(key, now));
        }
        if (wait > 0) {
            return new Admission.Blocked(Duration.ofNanos(wait));
        }
        keys.forEach(key -> inFlight.merge(key, 1, Integer::sum));
        return new Admission.Reserved(new Reservation(this, keys));
    }

    /** Reservations not yet settled, over all keys: 0 once every attempt has settled. */
    public synchronized int reservationsInFlight() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Keys now tracked (an estimate); never more than {@code maximumTracked} for long. */
    public long trackedKeys() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private long remaining(String key, long now) {
        Window window = windows.getIfPresent(key);
        if (window == null || window.failures.get() < maxFailures) {
            return 0;
        }
        return window.start + windowNanos - now;
    }

    /** Settles one reservation of {@code keys}: counted as a failure when {@code failed}. */
    synchronized void settle(List<String> keys, boolean failed) {
        long now = ticker.read();
        for (String key : keys) {
            inFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
            if (failed) {
                count(key, now);
            }
        }
    }

    private long reservedWait(String key, long now) {
        long windowWait = remaining(key, now);
        if (windowWait > 0) {
            return windowWait;
        }
        Window window = windows.getIfPresent(key);
        int used = (window == null ? 0 : window.failures.get()) + inFlight.getOrDefault(key, 0);
        return used >= maxFailures ? IN_FLIGHT_RETRY.toNanos() : 0;
    }

    private void count(String key, long now) {
        windows.get(key, k -> new Window(now)).failures.incrementAndGet();
    }

    private static List<String> keys(String address, String identity) {
        Objects.requireNonNull(address, "address");
        return identity == null ? List.of("a:" + address) : List.of("a:" + address, "i:" + identity);
    }

    private static final class Window {
        final long start;
        final AtomicInteger failures = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }
}
