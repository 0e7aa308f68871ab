package dev.storeauth.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import dev.storeauth.repository.jdbc.AccountChangeFeed;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import dev.storeauth.repository.jdbc.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 100,000 cached accounts and a bulk delete of 1,000 of them: the 1,000 fail at once, the other
 * 99,000 are still answered from the cache, and no eviction visits a single entry it was not named
 * (the cache counts every entry an eviction goes over; a scan of the whole cache, as evicting
 * "everything" must do, counts them all).
 */
class BulkRevocationTest {

    private static final String OWNER = "owner@example.com";
    private static final String BULK_STORE = "bulk";
    private static final int DELETED = 1_000;
    private static final int KEPT = 99_000;

    private final InMemoryAccountRepository memory = new InMemoryAccountRepository();
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void aBulkDeleteThroughTheLifecycleEvictsExactlyItsAccountsAndScansNothing() {
        List<OAuthAccount> doomed = insertOAuth((account, limit) -> memory.insertOAuthAccount(account, limit, TestAudit.ENTRY));
        List<LookupKey> kept = insertLegacy();
        try (AccountCache cache = warmCache(counting(memory), doomed, kept)) {
            AccountLifecycle lifecycle = AccountLifecycle.builder(memory, (store, user) -> user.equals(OWNER),
                    "api.example.com").changeListener(cache).build();

            Outcome<Integer> deleted = lifecycle.deleteOAuthAccounts(Actor.of(OWNER), BULK_STORE,
                    doomed.stream().map(OAuthAccount::id).toList());

            assertEquals(new Outcome.Done<>(DELETED), deleted);
            assertRevokedOnlyThoseAndScannedNothing(cache, doomed, kept);
        }
    }

    @Test
    void aBulkDeleteDeliveredByAChangeFeedEvictsExactlyItsAccountsAndScansNothing() throws InterruptedException {
        try (HikariDataSource pool = TestDatabases.pool("jdbc:h2:mem:bulk-" + UUID.randomUUID(), 4)) {
            JdbcAccountRepository database = JdbcAccountRepository.create(pool);
            List<OAuthAccount> doomed = insertOAuth((account, limit) -> database.insertOAuthAccount(account, limit, TestAudit.ENTRY));
            List<LookupKey> kept = insertLegacy();
            AccountLookup both = key -> memory.find(key).or(() -> database.find(key));
            try (AccountCache cache = warmCache(counting(both), doomed, kept)) {
                Semaphore delivered = new Semaphore(0);
                AtomicInteger unknown = new AtomicInteger();
                try (AccountChangeFeed feed = AccountChangeFeed.start(pool, change -> {
                    cache.onChange(change);
                    if (change instanceof AccountChange.Changed changed) {
                        delivered.release(changed.keys().size());
                    } else {
                        unknown.incrementAndGet();
                    }
                })) {
                    database.deleteOAuthAccounts(BULK_STORE, doomed.stream().map(OAuthAccount::id).toList(), TestAudit.ENTRY);
                    assertTrue(delivered.tryAcquire(DELETED, 30, TimeUnit.SECONDS), "the feed delivered every key");
                }
                assertEquals(0, unknown.get(), "no change was delivered as unknown");
                assertRevokedOnlyThoseAndScannedNothing(cache, doomed, kept);
            }
        }
    }

    @Test
    void evictingEverythingCountsEveryEntryItVisits() {
        List<OAuthAccount> doomed = insertOAuth((account, limit) -> memory.insertOAuthAccount(account, limit, TestAudit.ENTRY));
        List<LookupKey> kept = insertLegacy();
        try (AccountCache cache = warmCache(counting(memory), doomed, kept)) {
            cache.onChange(new AccountChange.Unknown());

            assertEquals(DELETED + KEPT, cache.entriesVisitedByEviction());
            assertEquals(0, cache.stats().estimatedSize());
        }
    }

    private void assertRevokedOnlyThoseAndScannedNothing(AccountCache cache, List<OAuthAccount> doomed,
            List<LookupKey> kept) {
        assertEquals(0, cache.entriesVisitedByEviction(), "entries visited by evictions");
        assertEquals(KEPT, cache.stats().estimatedSize());
        int before = lookups.get();
        for (OAuthAccount account : doomed) {
            assertTrue(cache.find(LookupKey.of(account)).isEmpty(), "a deleted account is refused");
        }
        assertEquals(before + DELETED, lookups.get(), "each deleted account was looked up again");
        long hits = cache.stats().hitCount();
        for (LookupKey key : kept) {
            assertTrue(cache.find(key).isPresent());
        }
        assertEquals(before + DELETED, lookups.get(), "no kept account was looked up again");
        assertEquals(hits + KEPT, cache.stats().hitCount());
    }

    private AccountCache warmCache(AccountLookup store, List<OAuthAccount> doomed, List<LookupKey> kept) {
        AccountCache cache = AccountCache.builder(store).maximumSize(2 * (DELETED + KEPT)).ticker(() -> 0L)
                .lookupExecutor(Runnable::run).build();
        doomed.forEach(account -> assertTrue(cache.find(LookupKey.of(account)).isPresent()));
        kept.forEach(key -> assertTrue(cache.find(key).isPresent()));
        assertEquals(DELETED + KEPT, cache.stats().estimatedSize());
        assertEquals(DELETED + KEPT, lookups.get());
        return cache;
    }

    private AccountLookup counting(AccountLookup store) {
        return key -> {
            lookups.incrementAndGet();
            return store.find(key);
        };
    }

    /** The 1,000 OAuth accounts of the store that deletes them. */
    private static List<OAuthAccount> insertOAuth(OAuthInsert insert) {
        List<OAuthAccount> accounts = new ArrayList<>();
        for (int i = 0; i < DELETED; i++) {
            OAuthAccount account = TestAccounts.oauth(BULK_STORE, i);
            assertTrue(insert.insert(account, DELETED));
            accounts.add(account);
        }
        return accounts;
    }

    /** The 99,000 legacy accounts, of 99 other stores, that stay. */
    private List<LookupKey> insertLegacy() {
        List<LookupKey> keys = new ArrayList<>();
        for (int i = 0; i < KEPT; i++) {
            LegacyAccount account = new LegacyAccount("store" + i % 99, "user" + i, TestAccounts.digest("t" + i),
                    Instant.EPOCH);
            assertTrue(memory.insertLegacyAccount(account, TestAudit.ENTRY));
            keys.add(LookupKey.of(account));
        }
        return keys;
    }

    @FunctionalInterface
    private interface OAuthInsert {
        boolean insert(OAuthAccount account, int limit);
    }
}
