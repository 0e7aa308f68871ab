package dev.storeauth.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cached short-lived token goes with its account's access-token key, wherever the account itself is cached. */
class AccountCacheDependentsTest {

    private final Map<LookupKey, Account> stored = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AccountCache cache = AccountCache.builder(key -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(stored.get(key));
    }).lookupExecutor(Runnable::run).ticker(() -> 0L).build();

    @AfterEach
    void close() {
        cache.close();
    }

    private ShortLivedAccount token(OAuthAccount account) {
        ShortLivedAccount token = new ShortLivedAccount(account, TestAccounts.digest(TestAccounts.newToken()),
                account.scopes(), Optional.of(Instant.parse("2026-06-01T00:00:00Z")));
        stored.put(key(token), token);
        return token;
    }

    private static LookupKey key(ShortLivedAccount token) {
        return new LookupKey.ByTokenDigest(token.tokenDigest());
    }

    @Test
    void evictingAnAccountsKeyEvictsItsCachedTokensOnANodeThatNeverCachedTheAccount() {
        OAuthAccount account = TestAccounts.oauth("store1", 1);
        OAuthAccount other = TestAccounts.oauth("store1", 2);
        ShortLivedAccount first = token(account);
        ShortLivedAccount second = token(account);
        ShortLivedAccount unrelated = token(other);
        for (ShortLivedAccount token : List.of(first, second, unrelated)) {
            assertSame(token, cache.find(key(token)).orElseThrow());
        }

        cache.onChange(new AccountChange.Changed(LookupKey.allOf(account)));

        assertNull(cache.findCached(key(first)));
        assertNull(cache.findCached(key(second)));
        assertSame(unrelated, cache.findCached(key(unrelated)));
        assertEquals(0, cache.entriesVisitedByEviction());
        assertEquals(1, cache.dependentCount());
    }

    @Test
    void aTokenFoundByALookupThatRacedAChangeIsNotKeptAndLeavesNoDependencyBehind() {
        OAuthAccount account = TestAccounts.oauth("store1", 1);
        ShortLivedAccount token = token(account);
        LookupKey unrelated = new LookupKey.ByTokenDigest(TestAccounts.digest(TestAccounts.newToken()));
        AccountCache[] racing = new AccountCache[1];
        racing[0] = AccountCache.builder(key -> {
            racing[0].onChange(new AccountChange.Changed(List.of(unrelated)));
            return Optional.ofNullable(stored.get(key));
        }).lookupExecutor(Runnable::run).ticker(() -> 0L).build();
        try {
            assertSame(token, racing[0].find(key(token)).orElseThrow());

            assertNull(racing[0].findCached(key(token)));
            assertEquals(0, racing[0].dependentCount());
        } finally {
            racing[0].close();
        }
    }

    @Test
    void aTokenEvictedByItsOwnKeyLeavesNoDependencyBehindAndAnUnknownChangeClearsAll() {
        OAuthAccount account = TestAccounts.oauth("store1", 1);
        ShortLivedAccount leaked = token(account);
        ShortLivedAccount kept = token(account);
        cache.find(key(leaked));
        cache.find(key(kept));
        assertEquals(2, cache.dependentCount());

        cache.onChange(new AccountChange.Changed(List.of(key(leaked))));

        assertNull(cache.findCached(key(leaked)));
        assertSame(kept, cache.findCached(key(kept)));
        assertEquals(1, cache.dependentCount());
        cache.onChange(new AccountChange.Unknown());
        assertEquals(0, cache.dependentCount());
        assertNull(cache.findCached(key(kept)));
    }

    @Test
    void aTokenLookedUpAgainAfterItsAccountChangedDependsOnTheAccountAgain() {
        OAuthAccount account = TestAccounts.oauth("store1", 1);
        ShortLivedAccount token = token(account);
        cache.find(key(token));
        cache.onChange(new AccountChange.Changed(LookupKey.allOf(account)));

        assertSame(token, cache.find(key(token)).orElseThrow());
        cache.onChange(new AccountChange.Changed(LookupKey.allOf(account)));

        assertNull(cache.findCached(key(token)));
        assertEquals(2, lookups.get());
    }
}
