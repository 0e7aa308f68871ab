package dev.storeauth.throttle;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets of one namespace, by key: a fixed-size digest or a store hash, never raw client input.
 * A key's bucket is made from the {@link Limit} of its first use, and made again when a later use
 * names another limit (a store that changed plan). Thread-safe.
 */
public interface Counters {

    /**
     * Takes one token from {@code key}'s bucket if it has one, atomically.
     *
     * @return whether it was taken, the tokens left and the nanoseconds until one (or all) come back;
     *     never {@code null}
     */
    ConsumptionProbe tryTake(String key, Limit limit);

    /** Puts back one token taken by {@link #tryTake} (an attempt that turned out not to count). */
    void giveBack(String key, Limit limit);
}
