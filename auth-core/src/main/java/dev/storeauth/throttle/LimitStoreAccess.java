package dev.storeauth.throttle;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reaches the {@link CounterStore} behind a {@code dev.storeauth.auth.LimitStore} from this module's
 * code outside that package (the client-credentials grant's failure throttle), while the store keeps
 * it out of the public API. The store's class registers its reader when it initialises, so every
 * instance can be read. Named by class, not imported: the throttle sits below the authenticator.
 * Thread-safe.
 */
public final class LimitStoreAccess {

    private static final Map<Class<?>, Function<Object, CounterStore>> READERS = new ConcurrentHashMap<>();

    private LimitStoreAccess() {
    }

    /**
     * Registers how to read the counters of {@code type}'s instances; once per type.
     *
     * @throws IllegalStateException if {@code type} already has a reader
     */
    public static <T> void register(Class<T> type, Function<T, CounterStore> reader) {
        Objects.requireNonNull(reader, "reader");
        if (READERS.putIfAbsent(type, store -> reader.apply(type.cast(store))) != null) {
            throw new IllegalStateException(type.getName() + " already has a counter reader");
        }
    }

    /**
     * The counters of {@code namespace} in {@code store}.
     *
     * @throws IllegalArgumentException if {@code store}'s class registered no reader
     */
    public static Counters counters(Object store, String namespace) {
        Function<Object, CounterStore> reader = READERS.get(store.getClass());
        if (reader == null) {
            throw new IllegalArgumentException(store.getClass().getName() + " holds no counters");
        }
        return reader.apply(store).counters(namespace);
    }
}
