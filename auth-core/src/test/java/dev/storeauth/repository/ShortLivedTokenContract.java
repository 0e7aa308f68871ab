package dev.storeauth.repository;

import static dev.storeauth.repository.TestAccounts.digest;
import static dev.storeauth.repository.TestAccounts.oauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountRepository} must do with short-lived tokens: store them bound to the
 * account's access token, find them by digest only while bound, delete and prune them; part of
 * {@link AccountRepositoryContract}. Expiries are an hour from now: a database finds only unexpired tokens.
 */
public interface ShortLivedTokenContract {

    String TOKEN_STORE = "store1";
    Scopes ORDERS_READ = Scopes.of(Map.of("orders", AccessLevel.READ_ONLY));

    /** A fresh, empty repository. */
    AccountRepository repository();

    private static ShortLivedAccount token(OAuthAccount account) {
        Instant expiry = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
        return new ShortLivedAccount(account, digest(new SecretGenerator().generate(SecretKind.SHORT_LIVED_TOKEN)),
                ORDERS_READ, Optional.of(expiry));
    }

    private static Optional<Account> find(AccountRepository repo, ShortLivedAccount token) {
        return repo.find(new LookupKey.ByTokenDigest(token.tokenDigest()));
    }

    @Test
    default void aStoredTokenIsFoundByItsDigestWithItsAccountScopesAndExpiry() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(TOKEN_STORE, 1);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        ShortLivedAccount token = token(account);

        assertTrue(repo.insertShortLivedToken(token, Instant.now()));

        assertEquals(Optional.<Account>of(token), find(repo, token));
        assertEquals(Optional.<Account>of(token), repo.findBySecretDigest(token.tokenDigest()));
        assertEquals(Optional.<Account>of(account), repo.find(LookupKey.of(account)));
        assertThrows(IllegalStateException.class, () -> repo.insertShortLivedToken(token, Instant.now()));
    }

    @Test
    default void aTokenOfAnAccountGoneOrRolledMeanwhileIsNotStored() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(TOKEN_STORE, 1);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        OAuthAccount rolled = account.withAccessToken(digest(TestAccounts.newToken()), Optional.empty());
        assertTrue(repo.replaceOAuthAccount(account, rolled, TestAudit.ENTRY));
        ShortLivedAccount stale = token(account);

        assertFalse(repo.insertShortLivedToken(stale, Instant.now()));
        assertEquals(Optional.empty(), find(repo, stale));
        assertFalse(repo.insertShortLivedToken(token(oauth(TOKEN_STORE, 2)), Instant.now()));
    }

    @Test
    default void aRollOrADeleteOfItsAccountEndsATokenAtOnce() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(TOKEN_STORE, 1);
        OAuthAccount other = oauth(TOKEN_STORE, 2);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        repo.insertOAuthAccount(other, 50, TestAudit.ENTRY);
        ShortLivedAccount rolledOut = token(account);
        ShortLivedAccount deleted = token(other);
        repo.insertShortLivedToken(rolledOut, Instant.now());
        repo.insertShortLivedToken(deleted, Instant.now());

        repo.replaceOAuthAccount(account, TestAccounts.rolled(account, TestAccounts.newToken(),
                Instant.now().plus(Duration.ofHours(1))), TestAudit.ENTRY);
        repo.deleteOAuthAccounts(TOKEN_STORE, List.of(other.id()), TestAudit.ENTRY);

        assertEquals(Optional.empty(), find(repo, rolledOut));
        assertEquals(Optional.empty(), find(repo, deleted));
        assertEquals(Optional.empty(), repo.findBySecretDigest(rolledOut.tokenDigest()));
    }

    @Test
    default void aDeletedTokenIsGoneAuditedAndItsSiblingsStay() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(TOKEN_STORE, 1);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        ShortLivedAccount leaked = token(account);
        ShortLivedAccount sibling = token(account);
        repo.insertShortLivedToken(leaked, Instant.now());
        repo.insertShortLivedToken(sibling, Instant.now());
        AuditEntry entry = AuditEntry.of(Instant.now().truncatedTo(ChronoUnit.MICROS), AuditEntry.SYSTEM,
                AuditAction.CREDENTIAL_LEAKED, TOKEN_STORE).forAccount(account.id());

        assertTrue(repo.deleteShortLivedToken(leaked.tokenDigest(), entry));
        assertFalse(repo.deleteShortLivedToken(leaked.tokenDigest(), entry));

        assertEquals(Optional.empty(), find(repo, leaked));
        assertEquals(Optional.<Account>of(sibling), find(repo, sibling));
        assertEquals(1, repo.auditEvents(TOKEN_STORE, 10, Long.MAX_VALUE).stream()
                .filter(e -> e.entry().action() == AuditAction.CREDENTIAL_LEAKED).count());
    }

    @Test
    default void pruningDeletesTheExpiredAndTheNoLongerBoundTokens() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(TOKEN_STORE, 1);
        OAuthAccount other = oauth(TOKEN_STORE, 2);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        repo.insertOAuthAccount(other, 50, TestAudit.ENTRY);
        ShortLivedAccount live = token(other);
        repo.insertShortLivedToken(token(account), Instant.now());
        repo.insertShortLivedToken(live, Instant.now());
        repo.replaceOAuthAccount(account, account.withAccessToken(digest(TestAccounts.newToken()), Optional.empty()),
                TestAudit.ENTRY);

        assertEquals(1, repo.pruneShortLivedTokens(Instant.now()));
        assertEquals(Optional.<Account>of(live), find(repo, live));
        assertEquals(1, repo.pruneShortLivedTokens(live.expiresAt().orElseThrow()));
        assertEquals(0, repo.pruneShortLivedTokens(live.expiresAt().orElseThrow()));
    }
}
