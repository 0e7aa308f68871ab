package dev.storeauth.bench;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
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
 * Heap used by a {@link AccountCache} holding N cached OAuth accounts (default 100,000), or legacy
 * accounts with {@code legacy}. Each account is built fresh by the store on its miss, with its own id,
 * name, client id, username and client-secret or token digest, and only the cache keeps it; the
 * store hash is one shared string, an OAuth account's access-token digest is its cache key's, and
 * identical scopes are one instance. Heap is sampled after
 * {@code System.gc()} several times; the minimum is reported.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.CacheMemory 100000 [legacy]}</pre>
 */
public final class CacheMemory {

    private static final SecretDigester SHA = SecretDigester.sha256();

    private CacheMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean legacy = args.length > 1 && args[1].equals("legacy");
        try (AccountCache cache = AccountCache.builder(CacheMemory::fresh).maximumSize(count).build()) {
            cache.find(key(legacy, -1));
            cache.onChange(new AccountChange.Unknown());
            long before = Heap.used();
            for (int i = 0; i < count; i++) {
                cache.find(key(legacy, i));
            }
            long after = Heap.used();
            long bytes = after - before;
            System.out.printf("cached %s accounts: %d (estimated size %d)%n", legacy ? "legacy" : "OAuth", count,
                    cache.stats().estimatedSize());
            System.out.printf("heap before: %.1f MB, after: %.1f MB, cache: %.1f MB, %d bytes/account%n",
                    Heap.mb(before), Heap.mb(after), Heap.mb(bytes), bytes / count);
        }
    }

    /** The key of the i-th account, as a request presents it. */
    static LookupKey key(boolean legacy, int i) {
        return legacy ? new LookupKey.ByUsername(Fixtures.STORE, "user-" + i + "@example.com")
                : new LookupKey.ByTokenDigest(SHA.digest("sat_token-" + i));
    }

    /** The account the store builds for {@code key}. */
    static Optional<Account> fresh(LookupKey key) {
        if (key instanceof LookupKey.ByUsername user) {
            return Optional.of(new LegacyAccount(Fixtures.STORE, new String(user.username()),
                    SHA.digest("token-" + user.username()), Instant.EPOCH));
        }
        SecretDigest digest = ((LookupKey.ByTokenDigest) key).digest();
        String id = "acct-" + digest.toHex().substring(0, 16);
        return Optional.of(new OAuthAccount(id, Fixtures.STORE, "Benchmark app " + id, "client-" + id,
                SecretDigest.of(digest.toBytes()), digest,
                Scopes.of(Map.of("products", AccessLevel.READ_ONLY, "orders", AccessLevel.MODIFY)), Instant.EPOCH));
    }
}
