package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.NOW;
import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static dev.storeauth.lifecycle.AccountLifecycleTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A leaked secret is revoked at once when it is live, by the system, and recorded; anything else changes nothing. */
class LeakRevocationTest {

    static final Map<String, String> REPORT = Map.of("kind", "storeauth_oauth_access_token",
            "url", "https://github.com/octocat/Hello-World/blob/main/foo.txt", "source", "commit");

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final SecretDigester digester = SecretDigester.sha256();
    final List<LookupKey> invalidated = new ArrayList<>();
    final List<LifecycleEvent> events = new ArrayList<>();
    final AccountLifecycle lifecycle = lifecycle(NOW);
    final Actor owner = Actor.at(OWNER, "198.51.100.4");

    AccountLifecycle lifecycle(Instant now) {
        return AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER), "api.example.com")
                .changeListener(change -> invalidated.addAll(((AccountChange.Changed) change).keys()))
                .listener(events::add).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    IssuedCredentials.OAuth created() {
        return done(lifecycle.createOAuthAccount(owner, STORE, "Stock sync", Map.of("products", "modify")));
    }

    Optional<Account> find(String token) {
        return repository.find(new LookupKey.ByTokenDigest(digester.digest(token)));
    }

    AuditEntry newestEntry() {
        return repository.auditEvents(STORE, 1, Long.MAX_VALUE).get(0).entry();
    }

    int entries() {
        return repository.auditEvents(STORE, 100, Long.MAX_VALUE).size();
    }

    @Test
    void aLeakedAccessTokenIsRolledWithNoOverlapAndRecordedWithTheReport() {
        IssuedCredentials.OAuth created = created();
        invalidated.clear();

        assertEquals(Revocation.ACCESS_TOKEN_ROLLED, done(lifecycle.revokeLeakedSecret(created.accessToken(), REPORT)));

        assertEquals(Optional.empty(), find(created.accessToken()));
        OAuthAccount after = repository.oauthAccount(STORE, created.account().id()).orElseThrow();
        assertEquals(Optional.empty(), after.previousToken());
        assertEquals(created.account().clientSecretDigest(), after.clientSecretDigest());
        assertTrue(invalidated.contains(new LookupKey.ByTokenDigest(created.account().accessTokenDigest())));
        AuditEntry entry = newestEntry();
        assertEquals(AuditAction.CREDENTIAL_LEAKED, entry.action());
        assertEquals(AuditEntry.SYSTEM, entry.actor());
        assertEquals(Optional.of(created.account().id()), entry.accountId());
        assertEquals(Map.of("kind", "storeauth_oauth_access_token", "url", REPORT.get("url"), "source", "commit",
                "revoked", "access_token_rolled"), entry.detail());
        assertEquals(AuditEntry.SYSTEM, events.get(events.size() - 1).actor());
    }

    @Test
    void aLeakedAccessTokenAlsoEndsTheOverlapOfTheTokenBeforeIt() {
        IssuedCredentials.OAuth created = created();
        IssuedCredentials.Rolled rolled = done(lifecycle.rollOAuthToken(owner, STORE, created.account().id(),
                Duration.ofHours(1)));

        assertEquals(Revocation.ACCESS_TOKEN_ROLLED, done(lifecycle.revokeLeakedSecret(rolled.accessToken(), REPORT)));

        assertEquals(Optional.empty(), find(rolled.accessToken()));
        assertEquals(Optional.empty(), find(created.accessToken()));
    }

    @Test
    void aLeakedOldTokenInItsOverlapEndsTheOverlapAndTheCurrentTokenStays() {
        IssuedCredentials.OAuth created = created();
        IssuedCredentials.Rolled rolled = done(lifecycle.rollOAuthToken(owner, STORE, created.account().id(),
                Duration.ofHours(1)));

        assertEquals(Revocation.OLD_TOKEN_ENDED, done(lifecycle.revokeLeakedSecret(created.accessToken(), REPORT)));

        assertEquals(Optional.empty(), find(created.accessToken()));
        assertEquals(Optional.empty(), ((OAuthAccount) find(rolled.accessToken()).orElseThrow()).previousToken());
        assertEquals("old_token_ended", newestEntry().detail().get("revoked"));
    }

    @Test
    void anOldTokenPastItsOverlapIsNotLiveAndNothingIsWritten() {
        IssuedCredentials.OAuth created = created();
        done(lifecycle.rollOAuthToken(owner, STORE, created.account().id(), Duration.ofHours(1)));
        int before = entries();

        refused(lifecycle(NOW.plus(Duration.ofHours(1))).revokeLeakedSecret(created.accessToken(), REPORT),
                Outcome.Refusal.NOT_FOUND);

        assertEquals(before, entries());
    }

    @Test
    void aLeakedClientSecretDeletesTheAccount() {
        IssuedCredentials.OAuth created = created();

        assertEquals(Revocation.ACCOUNT_DELETED, done(lifecycle.revokeLeakedSecret(created.clientSecret(), REPORT)));

        assertEquals(Optional.empty(), repository.oauthAccount(STORE, created.account().id()));
        assertEquals(Optional.empty(), find(created.accessToken()));
        assertEquals("account_deleted", newestEntry().detail().get("revoked"));
        assertEquals(Optional.of(created.account().id()), newestEntry().accountId());
    }

    @Test
    void aLeakedLegacyTokenIsRegeneratedAndAnOldOneInItsOverlapEnded() {
        IssuedCredentials.Legacy created = done(lifecycle.createLegacyAccount(owner, STORE, "bob"));
        IssuedCredentials.Legacy regenerated = done(lifecycle.regenerateLegacyToken(owner, STORE, "bob",
                Duration.ofHours(1)));

        assertEquals(Revocation.OLD_TOKEN_ENDED, done(lifecycle.revokeLeakedSecret(created.apiToken(), REPORT)));
        LegacyAccount ended = legacy();
        assertEquals(digester.digest(regenerated.apiToken()), ended.tokenDigest());
        assertEquals(Optional.empty(), ended.previousToken());

        assertEquals(Revocation.LEGACY_TOKEN_REGENERATED,
                done(lifecycle.revokeLeakedSecret(regenerated.apiToken(), REPORT)));
        assertTrue(!legacy().tokenDigest().equals(digester.digest(regenerated.apiToken())));
        assertEquals(Optional.empty(), legacy().previousToken());
    }

    private LegacyAccount legacy() {
        return (LegacyAccount) repository.find(new LookupKey.ByUsername(STORE, "bob")).orElseThrow();
    }

    @Test
    void valuesThatAreNoLiveSecretChangeNothing() {
        IssuedCredentials.OAuth created = created();
        String token = created.accessToken();
        String wrongChecksum = token.substring(0, 41) + (token.charAt(41) == 'A' ? 'B' : 'A');
        String unknown = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);
        int before = entries();
        invalidated.clear();

        for (String value : List.of(created.account().clientId(), wrongChecksum, unknown, "sat_", "", "not a token",
                "scs_" + token.substring(4), token + " ")) {
            refused(lifecycle.revokeLeakedSecret(value, REPORT), Outcome.Refusal.NOT_FOUND);
        }

        assertEquals(before, entries());
        assertEquals(List.of(), invalidated);
        assertEquals(Optional.of(created.account()), find(token));
    }

    @Test
    void theTokenOfAnExpiredAccountIsNotLive() {
        IssuedCredentials.OAuth created = done(lifecycle.createOAuthAccount(owner, STORE,
                NewOAuthAccount.named("Stock sync", Map.of()).expiringIn(Duration.ofMinutes(10))));

        refused(lifecycle(NOW.plus(Duration.ofMinutes(10))).revokeLeakedSecret(created.accessToken(), REPORT),
                Outcome.Refusal.NOT_FOUND);
        refused(lifecycle(NOW.plus(Duration.ofMinutes(10))).revokeLeakedSecret(created.clientSecret(), REPORT),
                Outcome.Refusal.NOT_FOUND);
    }

    @Test
    void aDetailTheTrailCannotHoldIsDroppedAndTheSecretRevokedAllTheSame() {
        IssuedCredentials.OAuth created = created();
        Map<String, String> overlong = Map.of("kind", "storeauth_oauth_access_token", "url", "x".repeat(4001));

        assertEquals(Revocation.ACCESS_TOKEN_ROLLED, done(lifecycle.revokeLeakedSecret(created.accessToken(), overlong)));

        assertEquals(Optional.empty(), find(created.accessToken()));
        assertEquals(Map.of("kind", "storeauth_oauth_access_token", "revoked", "access_token_rolled"), newestEntry().detail());
    }

    @Test
    void aKindTheTrailCannotHoldIsRefusedWritingNothing() {
        IssuedCredentials.OAuth created = created();

        refused(lifecycle.revokeLeakedSecret(created.accessToken(), Map.of("kind", "x".repeat(4001))),
                Outcome.Refusal.INVALID);

        assertEquals(Optional.of(created.account()), find(created.accessToken()));
    }
}
