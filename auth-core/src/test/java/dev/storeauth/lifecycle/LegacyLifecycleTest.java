package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.NOW;
import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static dev.storeauth.lifecycle.AccountLifecycleTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyLifecycleTest {

    final AccountLifecycleTest fixture = new AccountLifecycleTest();
    final AccountLifecycle lifecycle = fixture.lifecycle;

    LegacyAccount stored(String username) {
        return (LegacyAccount) fixture.repository.find(new LookupKey.ByUsername(STORE, username)).orElseThrow();
    }

    @Test
    void createReturnsTheTokenOnceAndStoresItsDigest() {
        IssuedCredentials.Legacy issued = done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));
        assertTrue(SecretFormat.isWellFormed(SecretKind.LEGACY_TOKEN, issued.apiToken()));
        assertEquals(fixture.digester.digest(issued.apiToken()), stored("bob").tokenDigest());
        assertEquals("https://api.example.com/stores/abc123/v2/", issued.apiPath());
        assertEquals(List.of(new LookupKey.ByUsername(STORE, "bob")), fixture.invalidated);
        assertEquals(AuditAction.LEGACY_ACCOUNT_CREATED, fixture.events.get(0).action());
        assertFalse(issued.toString().contains(issued.apiToken()));
    }

    @Test
    void usernameIsUniquePerStoreOnly() {
        done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));
        refused(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"), Outcome.Refusal.DUPLICATE);
        done(lifecycle.createLegacyAccount(Actor.of(OWNER), "other1", "bob"));
    }

    @Test
    void rejectsAMalformedUsernameNamingTheField() {
        for (String bad : new String[] {"", "has space", "x".repeat(65), null}) {
            assertEquals("username", refused(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, bad), Outcome.Refusal.INVALID).field());
        }
    }

    @Test
    void regenerateReplacesTheTokenSoTheOldDigestNoLongerMatches() {
        IssuedCredentials.Legacy first = done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));
        IssuedCredentials.Legacy second = done(lifecycle.regenerateLegacyToken(Actor.of(OWNER), STORE, "bob"));
        assertNotEquals(first.apiToken(), second.apiToken());
        assertEquals(fixture.digester.digest(second.apiToken()), stored("bob").tokenDigest());
        assertFalse(stored("bob").tokenDigest().matches(fixture.digester.digest(first.apiToken())));
        LookupKey bob = new LookupKey.ByUsername(STORE, "bob");
        assertEquals(List.of(bob, bob), fixture.invalidated);
        assertEquals(AuditAction.LEGACY_TOKEN_REGENERATED, fixture.events.get(1).action());
    }

    @Test
    void regenerateAndDeleteOfAnUnknownUsernameAreNotFound() {
        refused(lifecycle.regenerateLegacyToken(Actor.of(OWNER), STORE, "ghost"), Outcome.Refusal.NOT_FOUND);
        refused(lifecycle.deleteLegacyAccount(Actor.of(OWNER), STORE, "ghost"), Outcome.Refusal.NOT_FOUND);
        refused(lifecycle.deleteLegacyAccount(Actor.of(OWNER), STORE, "bad name"), Outcome.Refusal.NOT_FOUND);
        assertTrue(fixture.events.isEmpty());
    }

    @Test
    void deleteRemovesInvalidatesAndAudits() {
        done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));
        assertEquals("bob", done(lifecycle.deleteLegacyAccount(Actor.of(OWNER), STORE, "bob")));
        assertTrue(fixture.repository.find(new LookupKey.ByUsername(STORE, "bob")).isEmpty());
        assertEquals(2, fixture.invalidated.size());
        assertEquals(AuditAction.LEGACY_ACCOUNT_DELETED, fixture.events.get(1).action());
    }

    @Test
    void listShowsUsernamesCreatedAndLastUsed() {
        done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));
        done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "amy"));
        fixture.repository.recordLastUsed(Map.of("legacy:abc123:amy", new Usage(NOW.plusSeconds(5), Optional.empty())));
        List<AccountView.Legacy> views = done(lifecycle.legacyAccounts(Actor.of(OWNER), STORE));
        assertEquals(List.of("amy", "bob"), views.stream().map(AccountView.Legacy::username).sorted().toList());
        assertEquals(NOW.plusSeconds(5), views.stream().filter(v -> v.username().equals("amy")).findFirst()
                .orElseThrow().lastUsedAt().orElseThrow());
    }
}
