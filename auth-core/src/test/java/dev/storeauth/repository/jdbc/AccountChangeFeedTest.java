package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.cache.AccountCache;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountChangeFeedTest {

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();

    @Test
    void evictorClearsACachedNotFoundForANewLegacyAccount() {
        try (AccountCache cache = AccountCache.builder(repository).build()) {
            LookupKey bob = new LookupKey.ByUsername("store1", "bob");
            assertEquals(Optional.empty(), cache.find(bob));
            LegacyAccount account = TestAccounts.legacy("store1", "bob");
            repository.insertLegacyAccount(account);
            assertEquals(Optional.empty(), cache.find(bob), "not found is cached");
            AccountChangeFeed.evictor(cache).accept(account.id());
            assertEquals(Optional.of(account), cache.find(bob));
        }
    }

    @Test
    void evictorDropsACachedDeletedAccount() {
        try (AccountCache cache = AccountCache.builder(repository).build()) {
            String token = TestAccounts.newToken();
            var account = TestAccounts.oauth("store1", 1, token);
            repository.insertOAuthAccount(account, 50);
            assertTrue(cache.find(LookupKey.of(account)).isPresent());
            repository.deleteOAuthAccounts("store1", java.util.List.of(account.id()));
            assertTrue(cache.find(LookupKey.of(account)).isPresent(), "still cached");
            AccountChangeFeed.evictor(cache).accept(account.id());
            assertEquals(Optional.empty(), cache.find(LookupKey.of(account)));
        }
    }
}
