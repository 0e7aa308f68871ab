package dev.storeauth.repository;

import static dev.storeauth.repository.TestAccounts.digest;
import static dev.storeauth.repository.TestAccounts.expiring;
import static dev.storeauth.repository.TestAccounts.oauth;
import static dev.storeauth.repository.TestAccounts.rolled;
import static dev.storeauth.repository.TestAccounts.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.TestAudit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountRepository} must do with rolls, overlaps, expiries, allowlists and where an
 * account was used from; part of {@link AccountRepositoryContract}.
 */
public interface RotationContract {

    String STORE = "store1";
    Instant T0 = Instant.parse("2026-03-01T12:00:00.000001Z");
    AllowedAddresses OFFICE = AllowedAddresses.parse(List.of("203.0.113.0/24", "2001:db8::/32"));

    /** A fresh, empty repository. */
    AccountRepository repository();

    /** An account with every field set: expiry, previous token during its overlap, allowlist. */
    private static OAuthAccount everyField() {
        return rolled(expiring(oauth(STORE, 1), T0.plusSeconds(86_400)), TestAccounts.newToken(), T0.plusSeconds(60))
                .withAllowedAddresses(OFFICE);
    }

    @Test
    default void anOAuthAccountKeepsItsExpiryPreviousTokenAndAllowlist() {
        AccountRepository repo = repository();
        OAuthAccount account = everyField();
        assertTrue(repo.insertOAuthAccount(account, 50, TestAudit.ENTRY));
        assertEquals(Optional.of(account), repo.oauthAccount(STORE, account.id()));
        assertEquals(List.of(account), repo.oauthAccounts(STORE));
        assertEquals(Optional.of(account), repo.find(LookupKey.of(account)));
    }

    @Test
    default void anOAuthAccountIsFoundByItsPreviousTokenDuringTheOverlap() {
        AccountRepository repo = repository();
        OAuthAccount account = everyField();
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        PreviousToken previous = account.previousToken().orElseThrow();
        assertEquals(Optional.of(account), repo.find(new LookupKey.ByTokenDigest(previous.digest())));
    }

    @Test
    default void aRollIsWrittenOnlyIfTheStoredTokensAreStillTheOnesRead() {
        AccountRepository repo = repository();
        OAuthAccount first = oauth(STORE, 1);
        repo.insertOAuthAccount(first, 50, TestAudit.ENTRY);
        OAuthAccount second = rolled(first, TestAccounts.newToken(), T0.plusSeconds(60));
        assertTrue(repo.replaceOAuthAccount(first, second, TestAudit.ENTRY));
        OAuthAccount lostRace = rolled(first, TestAccounts.newToken(), T0.plusSeconds(60));
        assertFalse(repo.replaceOAuthAccount(first, lostRace, TestAudit.ENTRY), "first is stale");
        assertEquals(Optional.of(second), repo.oauthAccount(STORE, first.id()));
        assertEquals(Optional.empty(), repo.find(LookupKey.of(lostRace)));
    }

    @Test
    default void aRollOfARolledAccountDropsTheOlderPreviousToken() {
        AccountRepository repo = repository();
        OAuthAccount first = oauth(STORE, 1);
        repo.insertOAuthAccount(first, 50, TestAudit.ENTRY);
        OAuthAccount second = rolled(first, TestAccounts.newToken(), T0.plusSeconds(60));
        OAuthAccount third = rolled(second, TestAccounts.newToken(), T0.plusSeconds(120));
        repo.replaceOAuthAccount(first, second, TestAudit.ENTRY);
        assertTrue(repo.replaceOAuthAccount(second, third, TestAudit.ENTRY));
        assertEquals(Optional.empty(), repo.find(LookupKey.of(first)));
        assertEquals(Optional.of(third), repo.find(LookupKey.of(second)));
        assertEquals(Optional.of(third), repo.find(LookupKey.of(third)));
    }

    @Test
    default void aReplacementReadWithAnotherOverlapIsStale() {
        AccountRepository repo = repository();
        OAuthAccount first = oauth(STORE, 1);
        OAuthAccount second = rolled(first, TestAccounts.newToken(), T0.plusSeconds(60));
        repo.insertOAuthAccount(second, 50, TestAudit.ENTRY);
        OAuthAccount sameTokenOtherOverlap = second.withAccessToken(second.accessTokenDigest(),
                Optional.of(new PreviousToken(first.accessTokenDigest(), T0.plusSeconds(61))));
        OAuthAccount noOverlap = second.withAccessToken(second.accessTokenDigest(), Optional.empty());
        assertFalse(repo.replaceOAuthAccount(sameTokenOtherOverlap, second.withAllowedAddresses(OFFICE),
                TestAudit.ENTRY));
        assertFalse(repo.replaceOAuthAccount(noOverlap, second.withAllowedAddresses(OFFICE), TestAudit.ENTRY));
        assertEquals(Optional.of(second), repo.oauthAccount(STORE, second.id()));
    }

    @Test
    default void aRollReadBeforeAnAllowlistChangeIsStaleAndCannotWriteTheOldListBack() {
        AccountRepository repo = repository();
        OAuthAccount read = oauth(STORE, 1);
        repo.insertOAuthAccount(read, 50, TestAudit.ENTRY);
        assertTrue(repo.replaceOAuthAccount(read, read.withAllowedAddresses(OFFICE), TestAudit.ENTRY));
        OAuthAccount rolledFromTheOldRead = read.withAccessToken(digest(TestAccounts.newToken()), Optional.empty());
        assertFalse(repo.replaceOAuthAccount(read, rolledFromTheOldRead, TestAudit.ENTRY));
        assertEquals(OFFICE, repo.oauthAccount(STORE, read.id()).orElseThrow().allowedAddresses());
    }

    @Test
    default void anAllowlistAndAnExpiryAreReplacedAndCleared() {
        AccountRepository repo = repository();
        OAuthAccount open = oauth(STORE, 1);
        repo.insertOAuthAccount(open, 50, TestAudit.ENTRY);
        OAuthAccount restricted = expiring(open.withAllowedAddresses(OFFICE), T0.plusSeconds(3_600));
        assertTrue(repo.replaceOAuthAccount(open, restricted, TestAudit.ENTRY));
        assertEquals(Optional.of(restricted), repo.find(LookupKey.of(open)));
        OAuthAccount reopened = restricted.withAllowedAddresses(AllowedAddresses.anywhere());
        assertTrue(repo.replaceOAuthAccount(restricted, reopened, TestAudit.ENTRY));
        assertEquals(Optional.of(reopened), repo.oauthAccount(STORE, open.id()));
    }

    @Test
    default void aReplacementMustBeTheSameAccountAndOneThatIsGoneIsNotWritten() {
        AccountRepository repo = repository();
        OAuthAccount a = oauth(STORE, 1);
        OAuthAccount b = oauth(STORE, 2);
        repo.insertOAuthAccount(a, 50, TestAudit.ENTRY);
        assertThrows(IllegalArgumentException.class, () -> repo.replaceOAuthAccount(a, b, TestAudit.ENTRY));
        repo.deleteOAuthAccounts(STORE, List.of(a.id()), TestAudit.ENTRY);
        assertFalse(repo.replaceOAuthAccount(a, a.withAllowedAddresses(OFFICE), TestAudit.ENTRY));
        assertEquals(Optional.empty(), repo.oauthAccount(STORE, a.id()));
    }

    @Test
    default void aLegacyRegenerationKeepsThePreviousTokenAndIsCompareAndSet() {
        AccountRepository repo = repository();
        LegacyAccount first = TestAccounts.legacy(STORE, "alice");
        repo.insertLegacyAccount(first, TestAudit.ENTRY);
        LegacyAccount second = first.withTokenDigest(digest(TestAccounts.newToken()),
                Optional.of(new PreviousToken(first.tokenDigest(), T0.plusSeconds(60))));
        assertTrue(repo.replaceLegacyAccount(first, second, TestAudit.ENTRY));
        assertEquals(Optional.of(second), repo.find(LookupKey.of(first)));
        assertEquals(List.of(second), repo.legacyAccounts(STORE));
        assertFalse(repo.replaceLegacyAccount(first, first.withTokenDigest(digest(TestAccounts.newToken())),
                TestAudit.ENTRY), "first is stale");
        LegacyAccount third = second.withTokenDigest(digest(TestAccounts.newToken()));
        assertTrue(repo.replaceLegacyAccount(second, third, TestAudit.ENTRY));
        assertEquals(Optional.of(third), repo.find(LookupKey.of(first)));
    }

    @Test
    default void aUseKeepsTheAddressItCameFromAndTheLaterUseWins() {
        AccountRepository repo = repository();
        OAuthAccount oauth = oauth(STORE, 1);
        LegacyAccount legacy = TestAccounts.legacy(STORE, "alice");
        repo.insertOAuthAccount(oauth, 50, TestAudit.ENTRY);
        repo.insertLegacyAccount(legacy, TestAudit.ENTRY);
        repo.recordLastUsed(Map.of(oauth.id(), used(T0, "203.0.113.7"), legacy.id(), used(T0, "2001:db8::1")));
        repo.recordLastUsed(Map.of(oauth.id(), used(T0.minusSeconds(1), "192.0.2.1")));
        assertEquals(Map.of(oauth.id(), used(T0, "203.0.113.7"), legacy.id(), used(T0, "2001:db8::1")),
                repo.lastUsed(STORE));
        repo.recordLastUsed(Map.of(oauth.id(), used(T0.plusSeconds(1))));
        assertEquals(used(T0.plusSeconds(1)), repo.lastUsed(STORE).get(oauth.id()));
    }
}
