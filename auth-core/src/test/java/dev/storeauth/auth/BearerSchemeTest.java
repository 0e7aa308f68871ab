package dev.storeauth.auth;

import static dev.storeauth.auth.RotatedAccounts.previous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.BearerToken;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bearer scheme after a roll: the current token proves the account for as long as the account
 * lasts, the previous token only until its overlap ends (or the account expires, if sooner).
 */
class BearerSchemeTest {

    private static final Instant OVERLAP_END = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-07-01T00:00:00Z");

    private final BearerScheme scheme = new BearerScheme(SecretDigester.sha256());
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final CredentialScheme.AccountFinder finder = new CredentialScheme.AccountFinder(repository);
    private final String current = RotatedAccounts.accessToken();
    private final String old = RotatedAccounts.accessToken();

    private OAuthAccount rolled(Optional<Instant> expiresAt, Instant overlapEnd) {
        OAuthAccount account = RotatedAccounts.oauth("rolled", "abc", current, expiresAt, previous(old, overlapEnd),
                AllowedAddresses.anywhere());
        repository.insertOAuthAccount(account, 100, TestAudit.ENTRY);
        return account;
    }

    private CredentialScheme.Verdict verify(String token, String store) {
        BearerToken parsed = ((CredentialScheme.Parsed.Credentials<BearerToken>) scheme.parse(token, 0)).value();
        return scheme.verify(parsed, store, finder);
    }

    @Test
    void theCurrentTokenProvesTheAccountUntilItExpiresReusingItsExpiry() {
        OAuthAccount account = rolled(Optional.of(EXPIRY), OVERLAP_END);

        CredentialScheme.Verdict.Proven proven = assertInstanceOf(CredentialScheme.Verdict.Proven.class,
                verify(current, "abc"));

        assertSame(account, proven.account());
        assertSame(account.expiresAt(), proven.until(), "the account's own Optional, not a copy");
    }

    @Test
    void thePreviousTokenProvesTheAccountUntilTheOverlapEnds() {
        OAuthAccount account = rolled(Optional.empty(), OVERLAP_END);

        assertEquals(new CredentialScheme.Verdict.Proven(account, Optional.of(OVERLAP_END)), verify(old, "abc"));
        assertEquals(new CredentialScheme.Verdict.Proven(account, Optional.empty()), verify(current, "abc"));
    }

    @Test
    void thePreviousTokenLastsNoLongerThanTheAccount() {
        Instant earlier = OVERLAP_END.minusSeconds(1);
        OAuthAccount account = rolled(Optional.of(earlier), OVERLAP_END);

        assertEquals(new CredentialScheme.Verdict.Proven(account, Optional.of(earlier)), verify(old, "abc"));
    }

    @Test
    void anOverlapEndingBeforeTheAccountExpiresEndsTheOldToken() {
        OAuthAccount account = rolled(Optional.of(EXPIRY), OVERLAP_END);

        assertEquals(new CredentialScheme.Verdict.Proven(account, Optional.of(OVERLAP_END)), verify(old, "abc"));
    }

    @Test
    void thePreviousTokenProvesNothingForAnotherStore() {
        rolled(Optional.empty(), OVERLAP_END);

        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, verify(old, "xyz"));
        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, verify(current, "xyz"));
    }

    @Test
    void anAccountFoundUnderATokenItNoLongerHasIsNotProven() {
        OAuthAccount account = rolled(Optional.empty(), OVERLAP_END);
        String unrelated = RotatedAccounts.accessToken();
        // A stale entry: the account as it is now, found under a key it has left (a roll with no overlap).
        CredentialScheme.AccountFinder stale = new CredentialScheme.AccountFinder(
                key -> key.equals(new LookupKey.ByTokenDigest(TestAccounts.digest(unrelated)))
                        ? Optional.of(account) : repository.find(key));

        BearerToken parsed = ((CredentialScheme.Parsed.Credentials<BearerToken>) scheme.parse(unrelated, 0)).value();

        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, scheme.verify(parsed, "abc", stale));
    }

    @Test
    void anAccountWithoutAPreviousTokenIsProvenByItsCurrentTokenOnly() {
        OAuthAccount plain = TestAccounts.oauth("abc", 1, current);
        repository.insertOAuthAccount(plain, 100, TestAudit.ENTRY);

        assertEquals(new CredentialScheme.Verdict.Proven(plain, Optional.empty()), verify(current, "abc"));
        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, verify(old, "abc"));
    }
}
