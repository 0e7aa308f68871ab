package dev.storeauth.cache;

/**
 * A snapshot of {@link AccountCache} counters since it was built.
 *
 * @param hitCount lookups answered from the positive cache
 * @param negativeHitCount lookups answered "not found" from the negative cache
 * @param missCount lookups that went to the store (one per key however many callers waited)
 * @param loadFailureCount store lookups that threw
 * @param timeoutCount callers that gave up waiting for a slow store
 * @param evictionCount positive entries evicted by size or age
 * @param estimatedSize positive entries now held
 * @param negativeEstimatedSize negative entries now held
 */
public record CacheStatistics(long hitCount, long negativeHitCount, long missCount, long loadFailureCount,
        long timeoutCount, long evictionCount, long estimatedSize, long negativeEstimatedSize) {
}
