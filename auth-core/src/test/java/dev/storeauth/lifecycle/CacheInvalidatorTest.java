package dev.storeauth.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.cache.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheInvalidatorTest {

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final LegacyAccount bob = new LegacyAccount("abc123", "bob", SecretDigester.sha256().digest("t"), Instant.EPOCH);

    @Test
    void clearsACachedNotFoundForANewlyCreatedAccount() {
        try (AccountCache cache = AccountCache.builder(repository).build()) {
            assertTrue(cache.find(LookupKey.of(bob)).isEmpty());
            repository.insertLegacyAccount(bob);
            assertTrue(cache.find(LookupKey.of(bob)).isEmpty(), "the miss is cached");
            CacheInvalidator.of(cache).invalidate(bob);
            assertEquals(bob, cache.find(LookupKey.of(bob)).orElseThrow());
        }
    }

    @Test
    void evictsACachedAccountAfterItIsDeleted() {
        repository.insertLegacyAccount(bob);
        try (AccountCache cache = AccountCache.builder(repository).build()) {
            assertEquals(bob, cache.find(LookupKey.of(bob)).orElseThrow());
            repository.deleteLegacyAccount("abc123", "bob");
            assertEquals(bob, cache.find(LookupKey.of(bob)).orElseThrow(), "the hit is cached");
            CacheInvalidator.of(cache).invalidate(bob);
            assertTrue(cache.find(LookupKey.of(bob)).isEmpty());
        }
    }
}
