package dev.storeauth.bench;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Heap used by a {@link AccountCache} holding N cached OAuth accounts (default 100,000). Each account
 * is built fresh by the store on its miss, with its own strings, digests and scopes, as a JDBC store would, and
 * only the cache keeps it. Heap is sampled after {@code System.gc()} several times; the minimum is reported.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.CacheMemory 100000}</pre>
 */
public final class CacheMemory {

    private CacheMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SecretDigester sha = SecretDigester.sha256();
        AccountLookup store = key -> Optional.of(fresh((LookupKey.ByTokenDigest) key));
        try (AccountCache cache = AccountCache.builder(store).maximumSize(count).build()) {
            cache.find(new LookupKey.ByTokenDigest(sha.digest("warm-up")));
            cache.onChange(new AccountChange.Unknown());
            long before = Heap.used();
            for (int i = 0; i < count; i++) {
                cache.find(new LookupKey.ByTokenDigest(sha.digest("sat_token-" + i)));
            }
            long after = Heap.used();
            long bytes = after - before;
            System.out.printf("cached accounts: %d (estimated size %d)%n", count, cache.stats().estimatedSize());
            System.out.printf("heap before: %.1f MB, after: %.1f MB, cache: %.1f MB, %d bytes/account%n",
                    Heap.mb(before), Heap.mb(after), Heap.mb(bytes), bytes / count);
        }
    }

    private static Account fresh(LookupKey.ByTokenDigest key) {
        String id = "acct-" + key.digest().toHex().substring(0, 16);
        return new OAuthAccount(id, Fixtures.STORE, "Benchmark app " + id, "client-" + id,
                SecretDigest.of(key.digest().toBytes()), key.digest(),
                Scopes.of(Map.of("products", AccessLevel.READ_ONLY, "orders", AccessLevel.MODIFY)), Instant.EPOCH);
    }
}
