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
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRollTest {

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final SecretDigester digester = SecretDigester.sha256();
    final List<LookupKey> invalidated = new ArrayList<>();
    final AccountLifecycle lifecycle = lifecycle(repository);
    final Actor owner = Actor.at(OWNER, "198.51.100.4");

    AccountLifecycle lifecycle(AccountRepository repo) {
        return AccountLifecycle.builder(repo, (store, user) -> user.equals(OWNER), "api.example.com")
                .changeListener(change -> invalidated.addAll(((AccountChange.Changed) change).keys()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    IssuedCredentials.OAuth created() {
        return done(lifecycle.createOAuthAccount(owner, STORE, "Stock sync", Map.of("products", "modify")));
    }

    Optional<Account> find(String token) {
        return repository.find(new LookupKey.ByTokenDigest(digester.digest(token)));
    }

    @Test
    void aRollWithOverlapKeepsTheOldTokenUntilItsExpiryAndShowsTheNewOneOnce() {
        IssuedCredentials.OAuth created = created();
        IssuedCredentials.Rolled rolled = done(lifecycle.rollOAuthToken(owner, STORE, created.account().id(),
                Duration.ofHours(1)));
        assertEquals(NOW.plusSeconds(3600), rolled.oldTokenExpiresAt());
        OAuthAccount after = rolled.account();
        assertEquals(digester.digest(rolled.accessToken()), after.accessTokenDigest());
        assertEquals(Optional.of(new PreviousToken(created.account().accessTokenDigest(), NOW.plusSeconds(3600))),
                after.previousToken());
        assertEquals(Optional.of(after), find(rolled.accessToken()));
        assertEquals(Optional.of(after), find(created.accessToken()));
        assertTrue(!rolled.toString().contains(rolled.accessToken()), rolled.toString());
    }

    @Test
    void anOldTokenNeverOutlivesItsAccount() {
        IssuedCredentials.OAuth created = done(lifecycle.createOAuthAccount(owner, STORE,
                NewOAuthAccount.named("Stock sync", Map.of()).expiringIn(Duration.ofMinutes(10))));
        IssuedCredentials.Rolled rolled = done(lifecycle.rollOAuthToken(owner, STORE, created.account().id(),
                Duration.ofDays(7)));
        assertEquals(NOW.plusSeconds(600), rolled.oldTokenExpiresAt());
        assertEquals(Optional.of(NOW.plusSeconds(600)), done(lifecycle.oauthAccounts(owner, STORE)).get(0).oldTokenExpiresAt());
    }

    @Test
    void aRollWithoutOverlapEndsTheOldTokenAtOnce() {
        IssuedCredentials.OAuth created = created();
        IssuedCredentials.Rolled rolled = done(lifecycle.rollOAuthToken(owner, STORE, created.account().id(), Duration.ZERO));
        assertEquals(NOW, rolled.oldTokenExpiresAt());
        assertEquals(Optional.empty(), rolled.account().previousToken());
        assertEquals(Optional.empty(), find(created.accessToken()));
    }

    @Test
    void aSecondRollEndsTheTokenStillInItsOverlapSoAtMostTwoLive() {
        IssuedCredentials.OAuth created = created();
        String id = created.account().id();
        IssuedCredentials.Rolled first = done(lifecycle.rollOAuthToken(owner, STORE, id, Duration.ofDays(7)));
        IssuedCredentials.Rolled second = done(lifecycle.rollOAuthToken(owner, STORE, id, Duration.ofDays(7)));
        assertEquals(Optional.empty(), find(created.accessToken()));
        assertEquals(Optional.of(second.account()), find(first.accessToken()));
        assertEquals(Optional.of(second.account()), find(second.accessToken()));
    }

    @Test
    void aRollEvictsEveryKeyTheAccountHadAndHas() {
        IssuedCredentials.OAuth created = created();
        String id = created.account().id();
        IssuedCredentials.Rolled first = done(lifecycle.rollOAuthToken(owner, STORE, id, Duration.ofDays(1)));
        invalidated.clear();
        IssuedCredentials.Rolled second = done(lifecycle.rollOAuthToken(owner, STORE, id, Duration.ofDays(1)));
        assertEquals(Set.of(key(created.accessToken()), key(first.accessToken()), key(second.accessToken())),
                Set.copyOf(invalidated));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 604_801, 10_000_000})
    void anOverlapOutsideZeroToSevenDaysIsRefusedNamingTheField(long seconds) {
        String id = created().account().id();
        Outcome.Refused<?> refusal = refused(lifecycle.rollOAuthToken(owner, STORE, id, Duration.ofSeconds(seconds)),
                Outcome.Refusal.INVALID);
        assertEquals("old_token_expires_in", refusal.field());
        refused(lifecycle.regenerateLegacyToken(owner, STORE, "bob", Duration.ofSeconds(seconds)), Outcome.Refusal.INVALID);
    }

    @Test
    void rollingAnUnknownOrAnotherStoresAccountIsNotFound() {
        refused(lifecycle.rollOAuthToken(owner, STORE, "no-such-id", Duration.ZERO), Outcome.Refusal.NOT_FOUND);
        refused(lifecycle.rollOAuthToken(owner, STORE, "x".repeat(65), Duration.ZERO), Outcome.Refusal.NOT_FOUND);
        refused(lifecycle.rollOAuthToken(Actor.of("intruder"), STORE, created().account().id(), Duration.ZERO),
                Outcome.Refusal.NOT_OWNER);
    }

    @Test
    void aRollIsAuditedWithTheActorsAddressAndTheOverlapButNoSecret() {
        IssuedCredentials.OAuth created = created();
        IssuedCredentials.Rolled rolled = done(lifecycle.rollOAuthToken(owner, STORE, created.account().id(),
                Duration.ofMinutes(30)));
        AuditEvent event = repository.auditEvents(STORE, 1, Long.MAX_VALUE).get(0);
        assertEquals(AuditAction.OAUTH_TOKEN_ROLLED, event.entry().action());
        assertEquals(Optional.of("198.51.100.4"), event.entry().clientAddress());
        assertEquals(Optional.of(created.account().id()), event.entry().accountId());
        assertEquals(NOW.plusSeconds(1800).toString(), event.entry().detail().get("old_token_expires_at"));
        assertTrue(!event.toString().contains(rolled.accessToken()) && !event.toString().contains(created.accessToken()));
    }

    @Test
    void aRollThatKeepsLosingTheRaceIsAConflictAndWritesNothing() {
        AccountRepository racing = RacingRepository.over(repository);
        String id = created().account().id();
        refused(lifecycle(racing).rollOAuthToken(owner, STORE, id, Duration.ZERO), Outcome.Refusal.CONFLICT);
        assertEquals(1, repository.auditEvents(STORE, 10, Long.MAX_VALUE).size());
    }

    @Test
    void aLegacyRegenerationWithOverlapKeepsTheOldTokenUntilItsExpiry() {
        IssuedCredentials.Legacy created = done(lifecycle.createLegacyAccount(owner, STORE, "bob"));
        IssuedCredentials.Legacy regenerated = done(lifecycle.regenerateLegacyToken(owner, STORE, "bob",
                Duration.ofHours(2)));
        LegacyAccount stored = (LegacyAccount) repository.find(new LookupKey.ByUsername(STORE, "bob")).orElseThrow();
        assertEquals(digester.digest(regenerated.apiToken()), stored.tokenDigest());
        assertEquals(Optional.of(new PreviousToken(created.account().tokenDigest(), NOW.plusSeconds(7200))),
                stored.previousToken());
        assertEquals(Optional.of(NOW.plusSeconds(7200)), regenerated.oldTokenExpiresAt());
        assertEquals(Optional.of(NOW.plusSeconds(7200)),
                done(lifecycle.legacyAccounts(owner, STORE)).get(0).oldTokenExpiresAt());
    }

    @Test
    void aLegacyRegenerationWithoutOverlapLeavesNoPreviousToken() {
        done(lifecycle.createLegacyAccount(owner, STORE, "bob"));
        IssuedCredentials.Legacy regenerated = done(lifecycle.regenerateLegacyToken(owner, STORE, "bob"));
        assertEquals(Optional.empty(), regenerated.account().previousToken());
        assertEquals(Optional.empty(), regenerated.oldTokenExpiresAt());
    }

    private LookupKey key(String token) {
        return new LookupKey.ByTokenDigest(digester.digest(token));
    }
}
