package dev.storeauth.repository;

import static dev.storeauth.repository.TestAccounts.digest;
import static dev.storeauth.repository.TestAccounts.oauth;
import static dev.storeauth.repository.TestAccounts.rolled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountRepository} must do to find the holder of a leaked secret, by the digest of
 * any secret an account holds; part of {@link AccountRepositoryContract}.
 */
public interface LeakedSecretContract {

    String STORE = "store1";
    Instant OVERLAP_END = Instant.parse("2026-03-01T12:01:00.000001Z");

    /** A fresh, empty repository. */
    AccountRepository repository();

    @Test
    default void anOAuthAccountIsFoundByItsAccessTokenItsPreviousTokenAndItsClientSecret() {
        AccountRepository repo = repository();
        OAuthAccount account = rolled(oauth(STORE, 1), TestAccounts.newToken(), OVERLAP_END);
        repo.insertOAuthAccount(oauth(STORE, 2), 50, TestAudit.ENTRY);
        assertTrue(repo.insertOAuthAccount(account, 50, TestAudit.ENTRY));

        for (SecretDigest secret : List.of(account.accessTokenDigest(), account.previousToken().orElseThrow().digest(),
                account.clientSecretDigest())) {
            assertEquals(Optional.of(account), repo.findBySecretDigest(secret), secret.toString());
        }
    }

    @Test
    default void aLegacyAccountIsFoundByItsTokenAndItsPreviousToken() {
        AccountRepository repo = repository();
        LegacyAccount before = TestAccounts.legacy(STORE, "alice");
        LegacyAccount after = before.withTokenDigest(digest(TestAccounts.newToken()),
                Optional.of(new PreviousToken(before.tokenDigest(), OVERLAP_END)));
        repo.insertLegacyAccount(TestAccounts.legacy(STORE, "bob"), TestAudit.ENTRY);
        repo.insertLegacyAccount(before, TestAudit.ENTRY);
        assertTrue(repo.replaceLegacyAccount(before, after, TestAudit.ENTRY));

        assertEquals(Optional.<Account>of(after), repo.findBySecretDigest(after.tokenDigest()));
        assertEquals(Optional.<Account>of(after), repo.findBySecretDigest(before.tokenDigest()));
    }

    @Test
    default void aDigestNoSecretHasFindsNothing() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(STORE, 1);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        repo.insertLegacyAccount(TestAccounts.legacy(STORE, "alice"), TestAudit.ENTRY);

        assertEquals(Optional.empty(), repo.findBySecretDigest(digest(TestAccounts.newToken())));
        assertEquals(Optional.empty(), repo.findBySecretDigest(digest(account.clientId())), "a client id is no secret");
    }

    @Test
    default void aDeletedAccountIsFoundByNoneOfItsSecrets() {
        AccountRepository repo = repository();
        OAuthAccount account = oauth(STORE, 1);
        repo.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        repo.deleteOAuthAccounts(STORE, List.of(account.id()), TestAudit.ENTRY);

        assertEquals(Optional.empty(), repo.findBySecretDigest(account.accessTokenDigest()));
        assertEquals(Optional.empty(), repo.findBySecretDigest(account.clientSecretDigest()));
    }
}
