package dev.storeauth.throttle;

import dev.storeauth.policy.StoreQuota;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each store's requests against its {@link StoreQuota}, in one bucket per store shared by
 * all of its accounts (and, with shared counters, by every node). Thread-safe.
 */
public final class StoreQuotas {

    private final StoreQuota policy;
    private final Counters counters;
    private final Map<StoreQuota.Quota, Plan> plans = new ConcurrentHashMap<>();

    public StoreQuotas(StoreQuota policy, Counters counters) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * Counts one request of {@code storeHash}.
     *
     * @return {@code null} when the store has no quota
     */
    public Use take(String storeHash) {
        StoreQuota.Quota quota = policy.quotaFor(storeHash).orElse(null);
        if (quota == null) {
            return null;
        }
        Plan plan = plans.computeIfAbsent(quota, Plan::of);
        ConsumptionProbe probe = counters.tryTake(storeHash, plan.limit());
        return new Use(plan, probe.isConsumed(), Math.max(0, probe.getRemainingTokens()),
                millis(probe.getNanosToWaitForReset()), millis(probe.getNanosToWaitForRefill()));
    }

    private static long millis(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }

    /**
     * A quota, with its bucket's shape and the header values that never change, made once per quota
     * rather than on every request.
     *
     * @param requests {@code X-Rate-Limit-Requests-Quota}
     * @param windowMillis {@code X-Rate-Limit-Time-Window-Ms}
     */
    public record Plan(StoreQuota.Quota quota, Limit limit, String requests, String windowMillis) {

        static Plan of(StoreQuota.Quota quota) {
            return new Plan(quota, Limit.quota(quota.requests(), quota.window()), Long.toString(quota.requests()),
                    Long.toString(quota.windowMillis()));
        }
    }

    /**
     * One counted request.
     *
     * @param allowed whether it was within the quota
     * @param left requests left in the window
     * @param resetMillis until the window ends
     * @param retryMillis until a refused request may be retried; 0 when allowed
     */
    public record Use(Plan plan, boolean allowed, long left, long resetMillis, long retryMillis) {
    }
}
