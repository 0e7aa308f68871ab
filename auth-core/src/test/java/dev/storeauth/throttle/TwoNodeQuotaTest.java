package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.StoreAuth;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.jdbc.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each a whole {@link StoreAuth} with its own cache and its own connection, share a
 * store's quota through Redis and through PostgreSQL: together they let through the quota and at
 * most 5% more, never one quota each.
 */
class TwoNodeQuotaTest {

    private static final int QUOTA = 450;
    private static final String TOKEN = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);

    @Test
    void twoNodesSharingRedisHoldTheStoreQuotaTogether() {
        String redis = RedisServers.shared();
        int passed = hammer(() -> LimitStore.redis(redis));

        assertBetweenQuotaAndFivePercentOver(passed);
    }

    @Test
    void twoNodesSharingPostgresHoldTheStoreQuotaTogether() throws Exception {
        String url = TestDatabases.newPostgresSchema("two_node_quota");
        try (HikariDataSource first = TestDatabases.pool(url, 4); HikariDataSource second = TestDatabases.pool(url, 4)) {
            HikariDataSource[] pools = {first, second};
            int[] next = {0};
            int passed = hammer(() -> LimitStore.postgres(pools[next[0]++]));

            assertBetweenQuotaAndFivePercentOver(passed);
        } finally {
            TestDatabases.dropPostgresSchema(url);
        }
    }

    private static void assertBetweenQuotaAndFivePercentOver(int passed) {
        System.out.printf("two nodes, quota %d: %d passed%n", QUOTA, passed);
        assertTrue(passed >= QUOTA, passed + " passed, fewer than the quota");
        assertTrue(passed <= QUOTA * 1.05, passed + " passed, more than 5% over the quota");
    }

    /** Sends 2,000 requests of one store, 8 threads per node, and counts those let through. */
    private static int hammer(Supplier<LimitStore> limits) {
        String store = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        InMemoryAccountRepository repository = new InMemoryAccountRepository();
        SecretDigester sha = SecretDigester.sha256();
        repository.insertOAuthAccount(new OAuthAccount("acct-1", store, "Two-node app", "client-1",
                sha.digest("scs_secret"), sha.digest(TOKEN), Scopes.of(Map.of("products", AccessLevel.READ_ONLY)),
                Instant.EPOCH), 50, TestAudit.ENTRY);
        StoreQuota quota = StoreQuota.everyStore(StoreQuota.Quota.parse(QUOTA + "/30s"));
        ApiRequest request = new ApiRequest("GET", "/stores/" + store + "/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(TOKEN))), true, "203.0.113.9");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (StoreAuth one = node(repository, quota, limits.get()); StoreAuth two = node(repository, quota, limits.get())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> counts = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                StoreAuth node = t % 2 == 0 ? one : two;
                counts.add(pool.submit(() -> {
                    start.await();
                    int passed = 0;
                    for (int i = 0; i < 125; i++) {
                        if (node.authenticator().authenticate(request) instanceof AuthResult.Authenticated) {
                            passed++;
                        }
                    }
                    return passed;
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Integer> count : counts) {
                passed += count.get(60, TimeUnit.SECONDS);
            }
            assertFalse(one.limitStore().degraded() || two.limitStore().degraded(), "a node fell back to local counting");
            assertEquals(0, one.limitStore().fallbacks() + two.limitStore().fallbacks());
            return passed;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static StoreAuth node(InMemoryAccountRepository repository, StoreQuota quota, LimitStore limits) {
        return StoreAuth.builder().repository(repository).storeQuota(quota).limitStore(limits).recordUsage(false).build();
    }
}
