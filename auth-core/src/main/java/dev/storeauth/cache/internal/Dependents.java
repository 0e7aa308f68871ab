package dev.storeauth.cache.internal;

import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.repository.LookupKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The keys of cached short-lived tokens, by their account's access-token key: what a change naming
 * that key evicts as well. Thread-safe.
 */
final class Dependents {

    private final Map<LookupKey, Set<LookupKey>> byAccountKey = new ConcurrentHashMap<>();

    private static LookupKey accountKey(ShortLivedAccount token) {
        return new LookupKey.ByTokenDigest(token.account().accessTokenDigest());
    }

    /** Records that {@code key}, where {@code token} is cached, depends on its account's key. */
    void add(ShortLivedAccount token, LookupKey key) {
        byAccountKey.compute(accountKey(token), (k, keys) -> {
            Set<LookupKey> all = keys == null ? ConcurrentHashMap.newKeySet() : keys;
            all.add(key);
            return all;
        });
    }

    /** Removes and returns the keys depending on {@code accountKey}; empty when none do. */
    Set<LookupKey> remove(LookupKey accountKey) {
        Set<LookupKey> keys = byAccountKey.remove(accountKey);
        return keys == null ? Set.of() : keys;
    }

    /** Drops {@code key}'s dependency on {@code token}'s account, unless {@code cachedAgain} says it is cached again. */
    void forget(ShortLivedAccount token, LookupKey key, Predicate<LookupKey> cachedAgain) {
        byAccountKey.computeIfPresent(accountKey(token), (k, keys) -> {
            if (!cachedAgain.test(key)) {
                keys.remove(key);
            }
            return keys.isEmpty() ? null : keys;
        });
    }

    void clear() {
        byAccountKey.clear();
    }

    /** How many keys are kept. */
    int count() {
        return byAccountKey.values().stream().mapToInt(Set::size).sum();
    }
}
