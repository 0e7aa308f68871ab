package dev.storeauth.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each store's request quota, shared by all of its accounts: the platform's plan tiers (e.g. 150
 * or 450 requests per 30 seconds). Every authenticated request of a store's accounts counts, before
 * the application runs; over quota is 429 with {@code X-Retry-After}.
 *
 * <pre>{@code
 * StoreQuota plans = StoreQuota.perStore(Map.of("bigshop", Quota.parse("450/30s")),
 *         StoreQuota.everyStore(Quota.parse("150/30s")));
 * StoreQuota fromMyDatabase = store -> plans.lookup(store).map(Plan::quota);
 * }</pre>
 *
 * Implementations are called on every authenticated request: they must be fast and thread-safe,
 * must not throw, and should return stored {@code Optional}s rather than make new ones.
 */
@FunctionalInterface
public interface StoreQuota {

    /** The quota of {@code storeHash}; empty when the store has none. */
    Optional<Quota> quotaFor(String storeHash);

    /** No store has a quota. */
    static StoreQuota off() {
        return store -> Optional.empty();
    }

    /** Every store has {@code quota}. */
    static StoreQuota everyStore(Quota quota) {
        Optional<Quota> every = Optional.of(quota);
        return store -> every;
    }

    /** The quotas of {@code stores}, by store hash; {@code others} for every other store. */
    static StoreQuota perStore(Map<String, Quota> stores, StoreQuota others) {
        Objects.requireNonNull(others, "others");
        Map<String, Optional<Quota>> own = Map.copyOf(stores.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Optional.of(e.getValue()))));
        return store -> {
            Optional<Quota> quota = own.get(store);
            return quota != null ? quota : others.quotaFor(store);
        };
    }

    /**
     * {@code requests} per {@code window}, the window starting at a store's first request.
     *
     * @throws IllegalArgumentException unless both are positive (the window at least a millisecond)
     */
    record Quota(long requests, Duration window) {

        private static final Pattern TEXT = Pattern.compile("([1-9][0-9]{0,8})/([1-9][0-9]{0,5})(ms|s|m|h)");

        public Quota {
            Objects.requireNonNull(window, "window");
            if (requests < 1 || window.toMillis() < 1) {
                throw new IllegalArgumentException("a quota needs positive requests and window: " + requests + "/" + window);
            }
            if (window.compareTo(Duration.ofNanos(requests)) < 0) {
                throw new IllegalArgumentException("a quota allows at most one request per nanosecond: " + requests + "/" + window);
            }
        }

        /**
         * Reads {@code N/PERIOD}, e.g. {@code 450/30s}: PERIOD is a number with {@code ms}, {@code s},
         * {@code m} or {@code h}.
         *
         * @throws IllegalArgumentException naming the expected form
         */
        public static Quota parse(String text) {
            Matcher m = TEXT.matcher(Objects.requireNonNull(text, "text").trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("a quota looks like 450/30s (requests/period in ms, s, m or h): " + text);
            }
            long amount = Long.parseLong(m.group(2));
            Duration window = switch (m.group(3)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            return new Quota(Long.parseLong(m.group(1)), window);
        }

        /** The window in milliseconds, as {@code X-Rate-Limit-Time-Window-Ms} reports it. */
        public long windowMillis() {
            return window.toMillis();
        }

        @Override
        public String toString() {
            return requests + "/" + window.toMillis() + "ms";
        }
    }
}
