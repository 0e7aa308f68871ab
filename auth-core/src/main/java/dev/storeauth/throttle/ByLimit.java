package dev.storeauth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Values made for a {@link Limit}, by key, in a Caffeine cache: a key used with another limit than
 * its value was made for gets a new value, atomically. The usual call, a key already held for the
 * same limit, allocates nothing. Thread-safe.
 *
 * @param <V> what is made per key: a local bucket, or a proxy of a bucket in a shared store
 */
final class ByLimit<V> {

    private final Cache<String, V> cache;
    private final Function<V, Limit> limitOf;
    private final BiFunction<String, Limit, V> make;

    /**
     * @param limitOf the limit a value was made for
     * @param make makes the value of a key for a limit
     */
    ByLimit(Cache<String, V> cache, Function<V, Limit> limitOf, BiFunction<String, Limit, V> make) {
        this.cache = cache;
        this.limitOf = limitOf;
        this.make = make;
    }

    /** The value of {@code key} made for {@code limit}, made now if there is none. */
    V get(String key, Limit limit) {
        V held = cache.getIfPresent(key);
        if (held != null && limitOf.apply(held).equals(limit)) {
            return held;
        }
        return cache.asMap().compute(key, (k, old) ->
                old != null && limitOf.apply(old).equals(limit) ? old : make.apply(k, limit));
    }

    /** Estimated values held, once pending evictions have run. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
