package dev.storeauth.repository;

import static dev.storeauth.repository.TestAccounts.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryAccountRepositoryTest {

    private static final SecretDigester DIGESTER = SecretDigester.sha256();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();

    private static SecretDigest digest(String secret) {
        return DIGESTER.digest(secret);
    }

    private static OAuthAccount oauth(String id, String store, int minute) {
        return new OAuthAccount(id, store, "App " + id, "sci_" + id, digest("secret-" + id), digest("token-" + id),
                Scopes.none(), T0.plusSeconds(60L * minute));
    }

    private static LegacyAccount legacy(String store, String username, String token) {
        return new LegacyAccount(store, username, digest(token), T0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 40, 49, 50})
    void keepsThePerStoreLimitExactUnderRacingInserts(int existing) throws Exception {
        int limit = 50;
        for (int i = 0; i < existing; i++) {
            assertTrue(repository.insertOAuthAccount(oauth("old" + i, "abc", i), limit, TestAudit.ENTRY));
        }
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> inserted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                inserted.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int i = 0; i < 5; i++) {
                        count += repository.insertOAuthAccount(oauth("new" + thread + "x" + i, "abc", 100), limit, TestAudit.ENTRY)
                                ? 1 : 0;
                    }
                    return count;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : inserted) {
                total += count.get(10, TimeUnit.SECONDS);
            }
            assertEquals(Math.min(threads * 5, limit - existing), total);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(limit, repository.oauthAccounts("abc").size());
    }

    @Test
    void countsTheLimitPerStore() {
        assertTrue(repository.insertOAuthAccount(oauth("a1", "abc", 0), 1, TestAudit.ENTRY));

        assertFalse(repository.insertOAuthAccount(oauth("a2", "abc", 1), 1, TestAudit.ENTRY));
        assertTrue(repository.insertOAuthAccount(oauth("b1", "xyz", 0), 1, TestAudit.ENTRY));
        assertEquals(Optional.empty(), repository.oauthAccount("abc", "a2"));
    }

    @Test
    void findsOAuthAccountsByTokenDigestAndListsThemOldestFirst() {
        OAuthAccount newer = oauth("a2", "abc", 5);
        OAuthAccount older = oauth("a1", "abc", 1);
        repository.insertOAuthAccount(newer, 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(older, 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(oauth("b1", "xyz", 0), 50, TestAudit.ENTRY);

        assertEquals(Optional.of(older), repository.find(new LookupKey.ByTokenDigest(digest("token-a1"))));
        assertEquals(List.of(older, newer), repository.oauthAccounts("abc"));
        assertEquals(Optional.of(older), repository.oauthAccount("abc", "a1"));
        assertEquals(Optional.empty(), repository.oauthAccount("xyz", "a1"));
    }

    @Test
    void refusesADuplicateOAuthIdOrToken() {
        repository.insertOAuthAccount(oauth("a1", "abc", 0), 50, TestAudit.ENTRY);

        assertThrows(IllegalStateException.class, () -> repository.insertOAuthAccount(oauth("a1", "abc", 1), 50, TestAudit.ENTRY));
        assertEquals(1, repository.oauthAccounts("abc").size());
    }

    @Test
    void refusesADuplicateLegacyUsernameKeepingTheFirst() {
        LegacyAccount first = legacy("abc", "alice", "token-1");
        assertTrue(repository.insertLegacyAccount(first, TestAudit.ENTRY));

        assertFalse(repository.insertLegacyAccount(legacy("abc", "alice", "token-2"), TestAudit.ENTRY));
        assertTrue(repository.insertLegacyAccount(legacy("xyz", "alice", "token-3"), TestAudit.ENTRY));

        assertEquals(List.of(first), repository.legacyAccounts("abc"));
        assertEquals(Optional.of(first), repository.find(new LookupKey.ByUsername("abc", "alice")));
    }

    @Test
    void replacesALegacyTokenAtOnce() {
        repository.insertLegacyAccount(legacy("abc", "alice", "token-1"), TestAudit.ENTRY);

        assertTrue(repository.replaceLegacyAccount(legacy("abc", "alice", "token-1"), legacy("abc", "alice", "token-1").withTokenDigest(digest("token-2")), TestAudit.ENTRY));

        Account found = repository.find(new LookupKey.ByUsername("abc", "alice")).orElseThrow();
        assertEquals(digest("token-2"), ((LegacyAccount) found).tokenDigest());
        assertEquals(1, repository.legacyAccounts("abc").size());
        assertFalse(repository.replaceLegacyAccount(legacy("abc", "bob", "token-1"), legacy("abc", "bob", "token-1").withTokenDigest(digest("token-3")), TestAudit.ENTRY));
        assertFalse(repository.replaceLegacyAccount(legacy("xyz", "alice", "token-1"), legacy("xyz", "alice", "token-1").withTokenDigest(digest("token-3")), TestAudit.ENTRY));
    }

    @Test
    void deletesOnlyTheGivenStoresAccountsAndReportsWhichWereDeleted() {
        repository.insertOAuthAccount(oauth("a1", "abc", 0), 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(oauth("a2", "abc", 1), 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(oauth("b1", "xyz", 0), 50, TestAudit.ENTRY);

        List<String> deleted = repository.deleteOAuthAccounts("abc", List.of("a1", "b1", "missing", "a1"), TestAudit.ENTRY);

        assertEquals(List.of("a1"), deleted);
        assertEquals(List.of("a2"), repository.oauthAccounts("abc").stream().map(OAuthAccount::id).toList());
        assertEquals(1, repository.oauthAccounts("xyz").size());
        assertEquals(Optional.empty(), repository.find(new LookupKey.ByTokenDigest(digest("token-a1"))));
    }

    @Test
    void deletesALegacyAccount() {
        repository.insertLegacyAccount(legacy("abc", "alice", "token-1"), TestAudit.ENTRY);

        assertFalse(repository.deleteLegacyAccount("xyz", "alice", TestAudit.ENTRY));
        assertTrue(repository.deleteLegacyAccount("abc", "alice", TestAudit.ENTRY));
        assertFalse(repository.deleteLegacyAccount("abc", "alice", TestAudit.ENTRY));
        assertEquals(Optional.empty(), repository.find(new LookupKey.ByUsername("abc", "alice")));
    }

    @Test
    void deletesNoOAuthAccountWhoseIdLooksLikeALegacyOne() {
        OAuthAccount lookalike = new OAuthAccount("legacy:abc:alice", "abc", "Lookalike", "sci_x", digest("s"),
                digest("token-x"), Scopes.none(), T0);
        repository.insertOAuthAccount(lookalike, 50, TestAudit.ENTRY);

        assertFalse(repository.deleteLegacyAccount("abc", "alice", TestAudit.ENTRY));
        assertEquals(List.of(lookalike), repository.oauthAccounts("abc"));
    }

    @Test
    void keepsTheLaterLastUsedTime() {
        OAuthAccount account = oauth("a1", "abc", 0);
        repository.insertOAuthAccount(account, 50, TestAudit.ENTRY);

        repository.recordLastUsed(Map.of("a1", used(T0.plusSeconds(20))));
        repository.recordLastUsed(Map.of("a1", used(T0.plusSeconds(10))));

        assertEquals(Map.of("a1", used(T0.plusSeconds(20))), repository.lastUsed("abc"));
        repository.recordLastUsed(Map.of("a1", used(T0.plusSeconds(30))));
        assertEquals(Map.of("a1", used(T0.plusSeconds(30))), repository.lastUsed("abc"));
    }

    @Test
    void ignoresLastUsedOfUnknownAccountsAndForgetsDeletedOnes() {
        repository.insertOAuthAccount(oauth("a1", "abc", 0), 50, TestAudit.ENTRY);
        repository.insertLegacyAccount(legacy("xyz", "bob", "token-b"), TestAudit.ENTRY);

        repository.recordLastUsed(Map.of("a1", used(T0), "ghost", used(T0), LegacyAccount.idOf("xyz", "bob"), used(T0)));
        repository.deleteOAuthAccounts("abc", List.of("a1"), TestAudit.ENTRY);
        repository.insertOAuthAccount(oauth("a1", "abc", 9), 50, TestAudit.ENTRY);

        assertEquals(Map.of(), repository.lastUsed("abc"));
        assertEquals(Map.of("legacy:xyz:bob", used(T0)), repository.lastUsed("xyz"));
    }
}
