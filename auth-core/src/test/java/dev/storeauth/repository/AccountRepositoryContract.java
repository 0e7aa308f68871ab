package dev.storeauth.repository;

import static dev.storeauth.repository.TestAccounts.digest;
import static dev.storeauth.repository.TestAccounts.legacy;
import static dev.storeauth.repository.TestAccounts.oauth;
import static dev.storeauth.repository.TestAccounts.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link AccountRepository} must do, with rolls and allowlists ({@link RotationContract}) and
 * the audit trail ({@link AuditContract}) and the holders of leaked secrets ({@link LeakedSecretContract}).
 * Subclasses supply a fresh, empty repository per test.
 */
public abstract class AccountRepositoryContract implements RotationContract, AuditContract, LeakedSecretContract,
        ShortLivedTokenContract {

    protected static final String STORE = "store1";
    protected static final String OTHER = "store2";

    /** A fresh, empty repository; called once per test. */
    @Override
    public abstract AccountRepository repository();

    @Test
    void findsOAuthAccountByTokenDigestWithEveryField() {
        AccountRepository repo = repository();
        String token = TestAccounts.newToken();
        OAuthAccount account = oauth(STORE, 1, token);
        assertTrue(repo.insertOAuthAccount(account, 50, TestAudit.ENTRY));
        assertEquals(Optional.of(account), repo.find(new LookupKey.ByTokenDigest(digest(token))));
    }

    @Test
    void findsLegacyAccountByStoreAndUsernameOnly() {
        AccountRepository repo = repository();
        LegacyAccount account = legacy(STORE, "alice");
        assertTrue(repo.insertLegacyAccount(account, TestAudit.ENTRY));
        assertEquals(Optional.of(account), repo.find(new LookupKey.ByUsername(STORE, "alice")));
        assertEquals(Optional.empty(), repo.find(new LookupKey.ByUsername(OTHER, "alice")));
    }

    @Test
    void unknownKeysFindNothing() {
        AccountRepository repo = repository();
        assertEquals(Optional.empty(), repo.find(new LookupKey.ByTokenDigest(digest(TestAccounts.newToken()))));
        assertEquals(Optional.empty(), repo.find(new LookupKey.ByUsername(STORE, "nobody")));
    }

    @Test
    void refusesOAuthAccountBeyondTheLimitWritingNothing() {
        AccountRepository repo = repository();
        assertTrue(repo.insertOAuthAccount(oauth(STORE, 1), 2, TestAudit.ENTRY));
        assertTrue(repo.insertOAuthAccount(oauth(STORE, 2), 2, TestAudit.ENTRY));
        OAuthAccount third = oauth(STORE, 3);
        assertFalse(repo.insertOAuthAccount(third, 2, TestAudit.ENTRY));
        assertTrue(repo.insertOAuthAccount(oauth(OTHER, 1), 2, TestAudit.ENTRY));
        assertEquals(2, repo.oauthAccounts(STORE).size());
        assertEquals(Optional.empty(), repo.find(new LookupKey.ByTokenDigest(third.accessTokenDigest())));
    }

    @Test
    void rejectsDuplicateAccessToken() {
        AccountRepository repo = repository();
        String token = TestAccounts.newToken();
        repo.insertOAuthAccount(oauth(STORE, 1, token), 50, TestAudit.ENTRY);
        assertThrows(IllegalStateException.class, () -> repo.insertOAuthAccount(oauth(STORE, 2, token), 50, TestAudit.ENTRY));
        assertEquals(1, repo.oauthAccounts(STORE).size());
    }

    @Test
    void listsOAuthAccountsOfOneStoreOldestFirst() {
        AccountRepository repo = repository();
        OAuthAccount later = oauth(STORE, 5);
        OAuthAccount earlier = oauth(STORE, 1);
        repo.insertOAuthAccount(later, 50, TestAudit.ENTRY);
        repo.insertOAuthAccount(earlier, 50, TestAudit.ENTRY);
        repo.insertOAuthAccount(oauth(OTHER, 0), 50, TestAudit.ENTRY);
        assertEquals(List.of(earlier, later), repo.oauthAccounts(STORE));
        assertEquals(List.of(), repo.oauthAccounts("empty"));
    }

    @Test
    void findsOAuthAccountByIdOnlyWithinItsStore() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(STORE, 1);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        assertEquals(Optional.of(account), repo.oauthAccount(STORE, account.id()));
        assertEquals(Optional.empty(), repo.oauthAccount(OTHER, account.id()));
    }

    @Test
    void findsOAuthAccountByClientIdInAnyStore() {
        AccountRepository repo = repository();
        OAuthAccount mine = oauth(STORE, 1);
        OAuthAccount theirs = oauth(OTHER, 1);
        repo.insertOAuthAccount(mine, 50, TestAudit.ENTRY);
        repo.insertOAuthAccount(theirs, 50, TestAudit.ENTRY);
        assertEquals(Optional.of(mine), repo.oauthAccountByClientId(mine.clientId()));
        assertEquals(Optional.of(theirs), repo.oauthAccountByClientId(theirs.clientId()));
        assertEquals(Optional.empty(), repo.oauthAccountByClientId("unknown-client"));
        assertEquals(Optional.empty(), repo.oauthAccountByClientId(mine.clientId().toUpperCase()));
    }

    @Test
    void findsByClientIdTheAccountAsLastReplacedAndNothingOnceDeleted() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(STORE, 1);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        OAuthAccount narrowed = account.withAllowedAddresses(
                AllowedAddresses.parse(List.of("203.0.113.0/24")));
        assertTrue(repo.replaceOAuthAccount(account, narrowed, TestAudit.ENTRY));
        assertEquals(Optional.of(narrowed), repo.oauthAccountByClientId(account.clientId()));
        repo.deleteOAuthAccounts(STORE, List.of(account.id()), TestAudit.ENTRY);
        assertEquals(Optional.empty(), repo.oauthAccountByClientId(account.clientId()));
    }

    @Test
    void rejectsDuplicateClientId() {
        AccountRepository repo = repository();
        OAuthAccount first = oauth(STORE, 1);
        OAuthAccount second = oauth(OTHER, 2);
        OAuthAccount sameClient = new OAuthAccount(second.id(), OTHER, second.name(), first.clientId(),
                second.clientSecretDigest(), second.accessTokenDigest(), second.scopes(), second.createdAt());
        repo.insertOAuthAccount(first, 50, TestAudit.ENTRY);
        assertThrows(IllegalStateException.class, () -> repo.insertOAuthAccount(sameClient, 50, TestAudit.ENTRY));
        assertEquals(List.of(), repo.oauthAccounts(OTHER));
    }

    @Test
    void deletesOnlyKnownAccountsOfTheStore() {
        AccountRepository repo = repository();
        OAuthAccount mine = oauth(STORE, 1);
        OAuthAccount kept = oauth(STORE, 2);
        OAuthAccount theirs = oauth(OTHER, 1);
        List.of(mine, kept, theirs).forEach(a -> repo.insertOAuthAccount(a, 50, TestAudit.ENTRY));
        List<String> deleted = repo.deleteOAuthAccounts(STORE, List.of(mine.id(), theirs.id(), "unknown", mine.id()), TestAudit.ENTRY);
        assertEquals(List.of(mine.id()), deleted);
        assertEquals(List.of(kept), repo.oauthAccounts(STORE));
        assertEquals(List.of(theirs), repo.oauthAccounts(OTHER));
        assertEquals(Optional.empty(), repo.find(LookupKey.of(mine)));
    }

    @Test
    void refusesSecondLegacyAccountWithTheSameUsername() {
        AccountRepository repo = repository();
        LegacyAccount first = legacy(STORE, "alice");
        assertTrue(repo.insertLegacyAccount(first, TestAudit.ENTRY));
        assertFalse(repo.insertLegacyAccount(legacy(STORE, "alice"), TestAudit.ENTRY));
        assertTrue(repo.insertLegacyAccount(legacy(OTHER, "alice"), TestAudit.ENTRY));
        assertEquals(List.of(first), repo.legacyAccounts(STORE));
    }

    @Test
    void replacesLegacyTokenSoOnlyTheNewDigestIsStored() {
        AccountRepository repo = repository();
        LegacyAccount account = legacy(STORE, "alice");
        repo.insertLegacyAccount(account, TestAudit.ENTRY);
        String newToken = TestAccounts.newToken();
        assertTrue(repo.replaceLegacyAccount(account, account.withTokenDigest(digest(newToken)), TestAudit.ENTRY));
        assertEquals(Optional.of(account.withTokenDigest(digest(newToken))), repo.find(LookupKey.of(account)));
        assertFalse(repo.replaceLegacyAccount(legacy(STORE, "bob"), legacy(STORE, "bob").withTokenDigest(digest(newToken)), TestAudit.ENTRY));
    }

    @Test
    void deletesLegacyAccount() {
        AccountRepository repo = repository();
        repo.insertLegacyAccount(legacy(STORE, "alice"), TestAudit.ENTRY);
        assertTrue(repo.deleteLegacyAccount(STORE, "alice", TestAudit.ENTRY));
        assertFalse(repo.deleteLegacyAccount(STORE, "alice", TestAudit.ENTRY));
        assertEquals(Optional.empty(), repo.find(new LookupKey.ByUsername(STORE, "alice")));
    }

    @Test
    void keepsTheLaterLastUsedTimeAndIgnoresUnknownIds() {
        AccountRepository repo = repository();
        OAuthAccount oauth = oauth(STORE, 1);
        LegacyAccount legacy = legacy(STORE, "alice");
        repo.insertOAuthAccount(oauth, 50, TestAudit.ENTRY);
        repo.insertLegacyAccount(legacy, TestAudit.ENTRY);
        Instant t1 = Instant.parse("2026-02-01T10:00:00.000001Z");
        Instant t2 = t1.plusSeconds(60);
        repo.recordLastUsed(Map.of(oauth.id(), used(t2), legacy.id(), used(t1), "unknown", used(t1)));
        repo.recordLastUsed(Map.of(oauth.id(), used(t1)));
        assertEquals(Map.of(oauth.id(), used(t2), legacy.id(), used(t1)), repo.lastUsed(STORE));
        assertEquals(Map.of(), repo.lastUsed(OTHER));
    }

    @Test
    void forgetsLastUsedTimeOfDeletedAccount() {
        AccountRepository repo = repository();
        OAuthAccount oauth = oauth(STORE, 1);
        repo.insertOAuthAccount(oauth, 50, TestAudit.ENTRY);
        repo.recordLastUsed(Map.of(oauth.id(), used(Instant.parse("2026-02-01T10:00:00Z"))));
        repo.deleteOAuthAccounts(STORE, List.of(oauth.id()), TestAudit.ENTRY);
        assertEquals(Map.of(), repo.lastUsed(STORE));
    }

    /**
     * An OAuth account whose scopes are valid for a large custom catalogue (60 resources with 64-character
     * ids) but longer, written out, than a relational store's scopes column (4,000 characters).
     */
    protected static OAuthAccount withHugeScopes(OAuthAccount account) {
        Map<String, AccessLevel> levels = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            levels.put(String.format("r%063d", i), AccessLevel.MODIFY);
        }
        return new OAuthAccount(account.id(), account.storeHash(), account.name(), account.clientId(),
                account.clientSecretDigest(), account.accessTokenDigest(), Scopes.of(levels), account.createdAt());
    }

    @Test
    protected void aValueTooLongForTheStoreIsRefusedAsTheCallersValueWritingNothing() {
        AccountRepository repo = repository();
        OAuthAccount huge = withHugeScopes(oauth(STORE, 1));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> repo.insertOAuthAccount(huge, 50, TestAudit.ENTRY));
        assertTrue(refused.getMessage().contains("SQLSTATE 22001"), refused.getMessage());
        assertEquals(List.of(), repo.oauthAccounts(STORE));
        assertEquals(Optional.empty(), repo.find(LookupKey.of(huge)));
        OAuthAccount next = oauth(STORE, 2);
        assertTrue(repo.insertOAuthAccount(next, 50, TestAudit.ENTRY), "the store still takes writes");
        assertEquals(List.of(next), repo.oauthAccounts(STORE));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void anAccountStoredUnderADotSegmentUsernameIsFoundRenewedAndDeleted(String username) {
        AccountRepository repo = repository();
        LegacyAccount account = legacy(STORE, username);
        assertTrue(repo.insertLegacyAccount(account, TestAudit.ENTRY));
        assertEquals(Optional.of(account), repo.find(new LookupKey.ByUsername(STORE, username)));
        assertEquals(List.of(account), repo.legacyAccounts(STORE));
        String newToken = TestAccounts.newToken();
        assertTrue(repo.replaceLegacyAccount(account, account.withTokenDigest(digest(newToken)), TestAudit.ENTRY));
        assertEquals(Optional.of(account.withTokenDigest(digest(newToken))), repo.find(LookupKey.of(account)));
        assertTrue(repo.deleteLegacyAccount(STORE, username, TestAudit.ENTRY));
        assertEquals(List.of(), repo.legacyAccounts(STORE));
    }
}
