package dev.storeauth.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.Usage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountLifecycleTest {

    static final String OWNER = "owner@example.com";
    static final String STORE = "abc123";
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final SecretDigester digester = SecretDigester.sha256();
    final List<LifecycleEvent> events = Collections.synchronizedList(new ArrayList<>());
    /** The keys the lifecycle told its change listener, in order. */
    final List<LookupKey> invalidated = Collections.synchronizedList(new ArrayList<>());
    final AccountLifecycle lifecycle = lifecycle(50);

    AccountLifecycle lifecycle(int limit) {
        return AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER), "api.example.com")
                .digester(digester)
                .changeListener(change -> invalidated.addAll(((AccountChange.Changed) change).keys()))
                .listener(events::add)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .oauthAccountLimit(limit)
                .build();
    }

    @SuppressWarnings("unchecked")
    static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome, outcome::toString)).value();
    }

    static Outcome.Refused<?> refused(Outcome<?> outcome, Outcome.Refusal reason) {
        Outcome.Refused<?> refused = assertInstanceOf(Outcome.Refused.class, outcome);
        assertEquals(reason, refused.reason(), refused.detail());
        return refused;
    }

    IssuedCredentials.OAuth create(String name) {
        return done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, name, Map.of("products", "modify")));
    }

    @Test
    void createReturnsSecretsOnceAndStoresOnlyTheirDigests() {
        IssuedCredentials.OAuth created = done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "Stock sync",
                Map.of("products", "modify", "orders", "read-only")));
        OAuthAccount stored = created.account();
        assertTrue(SecretFormat.isWellFormed(SecretKind.CLIENT_ID, created.clientId()));
        assertTrue(SecretFormat.isWellFormed(SecretKind.CLIENT_SECRET, created.clientSecret()));
        assertTrue(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, created.accessToken()));
        assertEquals(digester.digest(created.accessToken()), stored.accessTokenDigest());
        assertEquals(digester.digest(created.clientSecret()), stored.clientSecretDigest());
        assertEquals(stored, repository.find(new LookupKey.ByTokenDigest(stored.accessTokenDigest())).orElseThrow());
        assertEquals(AccessLevel.MODIFY, stored.scopes().levelFor("products"));
        assertEquals(AccessLevel.READ_ONLY, stored.scopes().levelFor("orders"));
        assertEquals(AccessLevel.NONE, stored.scopes().levelFor("customers"));
        assertEquals(NOW, stored.createdAt());
        assertEquals("https://api.example.com/stores/abc123/v3/", created.apiPath());
        assertEquals(List.of(new LifecycleEvent(NOW, OWNER, STORE, AuditAction.OAUTH_ACCOUNT_CREATED,
                stored.id())), events);
    }

    @Test
    void nonOwnerCannotCreateListOrDeleteAndNothingChanges() {
        String id = create("Stock sync").account().id();
        events.clear();
        refused(lifecycle.createOAuthAccount(Actor.of("intruder"), STORE, "Stock sync", Map.of()), Outcome.Refusal.NOT_OWNER);
        refused(lifecycle.oauthAccounts(Actor.of("intruder"), STORE), Outcome.Refusal.NOT_OWNER);
        refused(lifecycle.deleteOAuthAccount(Actor.of("intruder"), STORE, id), Outcome.Refusal.NOT_OWNER);
        refused(lifecycle.deleteOAuthAccounts(Actor.of("intruder"), STORE, List.of(id)), Outcome.Refusal.NOT_OWNER);
        refused(lifecycle.createLegacyAccount(Actor.of("intruder"), STORE, "bob"), Outcome.Refusal.NOT_OWNER);
        refused(lifecycle.regenerateLegacyToken(Actor.of("intruder"), STORE, "bob"), Outcome.Refusal.NOT_OWNER);
        refused(lifecycle.deleteLegacyAccount(Actor.of("intruder"), STORE, "bob"), Outcome.Refusal.NOT_OWNER);
        refused(lifecycle.legacyAccounts(Actor.of("intruder"), STORE), Outcome.Refusal.NOT_OWNER);
        assertEquals(1, repository.oauthAccounts(STORE).size());
        assertTrue(events.isEmpty());
        assertFalse(lifecycle.isOwner(Actor.of("intruder"), STORE));
        assertTrue(lifecycle.isOwner(Actor.of(OWNER), STORE));
        assertFalse(lifecycle.isOwner(Actor.of(OWNER), "Not/A/Hash"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc  | products | modify    | name   | name must be 4-100",
        "'   abcd' | orders | none | ''     | ''",
        "Good name | widgets | modify  | scopes | unknown scope resource: widgets",
        "Good name | products | write  | scopes | unknown level for products: write",
        "Good name | store_logs | modify | scopes | resource store_logs does not support level modify",
    })
    void validatesNameAndScopesNamingTheField(String name, String resource, String level, String field,
            String detail) {
        Outcome<IssuedCredentials.OAuth> outcome = lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, name,
                Map.of(resource, level));
        if (field.isEmpty()) {
            done(outcome);
            return;
        }
        Outcome.Refused<?> refused = refused(outcome, Outcome.Refusal.INVALID);
        assertEquals(field, refused.field());
        assertTrue(refused.detail().startsWith(detail), refused.detail());
        assertTrue(repository.oauthAccounts(STORE).isEmpty());
    }

    @Test
    void rejectsMissingNameAndMalformedStoreHash() {
        Outcome.Refused<?> noName = refused(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, null, Map.of()), Outcome.Refusal.INVALID);
        assertEquals("name", noName.field());
        assertEquals("name is required", noName.detail());
        assertEquals("storeHash", refused(lifecycle.oauthAccounts(Actor.of(OWNER), "ABC/../x"), Outcome.Refusal.INVALID).field());
    }

    @Test
    void theFiftyFirstAccountIsRefusedSayingTheLimit() {
        for (int i = 0; i < 50; i++) {
            create("Account " + i);
        }
        Outcome.Refused<?> refused = refused(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "One too many", Map.of()),
                Outcome.Refusal.LIMIT_REACHED);
        assertTrue(refused.detail().contains("50 OAuth API accounts per store"), refused.detail());
        assertEquals(50, repository.oauthAccounts(STORE).size());
        done(lifecycle.createOAuthAccount(Actor.of(OWNER), "other1", "Elsewhere", Map.of()));
    }

    @Test
    void theLimitIsConfigurable() {
        AccountLifecycle small = lifecycle(2);
        done(small.createOAuthAccount(Actor.of(OWNER), STORE, "First", Map.of()));
        done(small.createOAuthAccount(Actor.of(OWNER), STORE, "Second", Map.of()));
        assertTrue(refused(small.createOAuthAccount(Actor.of(OWNER), STORE, "Third", Map.of()), Outcome.Refusal.LIMIT_REACHED)
                .detail().contains("limit is 2"));
    }

    @Test
    void listShowsScopesCreatedAndLastUsedButNoSecret() {
        IssuedCredentials.OAuth used = create("Used one");
        create("Unused one");
        Instant at = NOW.plusSeconds(60);
        repository.recordLastUsed(Map.of(used.account().id(), new Usage(at, Optional.of("203.0.113.9"))));
        List<AccountView.OAuth> views = done(lifecycle.oauthAccounts(Actor.of(OWNER), STORE));
        assertEquals(2, views.size());
        AccountView.OAuth first = views.stream().filter(v -> v.name().equals("Used one")).findFirst().orElseThrow();
        assertEquals(at, first.lastUsedAt().orElseThrow());
        assertEquals(AccessLevel.MODIFY, first.scopes().levelFor("products"));
        assertEquals(NOW, first.createdAt());
        assertTrue(views.stream().filter(v -> v.name().equals("Unused one")).findFirst().orElseThrow()
                .lastUsedAt().isEmpty());
        assertFalse(views.toString().contains(used.accessToken()) || views.toString().contains(used.clientSecret()));
    }

    @Test
    void deleteRemovesInvalidatesAndAudits() {
        IssuedCredentials.OAuth created = create("Stock sync");
        String id = created.account().id();
        events.clear();
        assertEquals(id, done(lifecycle.deleteOAuthAccount(Actor.of(OWNER), STORE, id)));
        assertTrue(repository.find(LookupKey.of(created.account())).isEmpty());
        assertEquals(List.of(LookupKey.of(created.account())), invalidated.subList(1, invalidated.size()));
        assertEquals(AuditAction.OAUTH_ACCOUNT_DELETED, events.get(0).action());
        refused(lifecycle.deleteOAuthAccount(Actor.of(OWNER), STORE, id), Outcome.Refusal.NOT_FOUND);
    }

    @Test
    void deleteCannotReachAnotherStoresAccount() {
        String foreign = done(lifecycle.createOAuthAccount(Actor.of(OWNER), "other1", "Foreign", Map.of())).account().id();
        refused(lifecycle.deleteOAuthAccount(Actor.of(OWNER), STORE, foreign), Outcome.Refusal.NOT_FOUND);
        assertEquals(1, repository.oauthAccounts("other1").size());
    }

    @Test
    void bulkDeleteReportsHowManyWereDeletedSkippingUnknownAndDuplicateIds() {
        String a = create("Account A").account().id();
        String b = create("Account B").account().id();
        String c = create("Account C").account().id();
        events.clear();
        assertEquals(2, done(lifecycle.deleteOAuthAccounts(Actor.of(OWNER), STORE, List.of(a, "nope", b, a))));
        assertEquals(List.of(c), repository.oauthAccounts(STORE).stream().map(OAuthAccount::id).toList());
        assertEquals(2, events.size());
        assertEquals(0, done(lifecycle.deleteOAuthAccounts(Actor.of(OWNER), STORE, List.of())));
    }

    @Test
    void eventsNeverCarryASecret() {
        IssuedCredentials.OAuth created = create("Stock sync");
        IssuedCredentials.Legacy legacy = done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));
        IssuedCredentials.Legacy again = done(lifecycle.regenerateLegacyToken(Actor.of(OWNER), STORE, "bob"));
        String all = events.toString();
        for (String secret : List.of(created.accessToken(), created.clientSecret(), legacy.apiToken(), again.apiToken())) {
            assertFalse(all.contains(secret));
        }
        assertEquals(3, events.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.example.com", "localhost:8443", "127.0.0.1", "[::1]:8443", "[2001:db8::7]"})
    void acceptsAHostNameOrAnIpLiteralWithAnOptionalPort(String apiHost) {
        AccountLifecycle withHost = AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER), apiHost)
                .build();

        assertEquals("https://" + apiHost + "/stores/abc123/v3/",
                done(withHost.createOAuthAccount(Actor.of(OWNER), STORE, "Stock sync", Map.of("products", "modify"))).apiPath());
    }

    @Test
    void failsFastOnBadConfiguration() {
        Map<String, Runnable> bad = new HashMap<>();
        bad.put("limit", () -> AccountLifecycle.builder(repository, (s, u) -> true, "h").oauthAccountLimit(0));
        bad.put("host", () -> AccountLifecycle.builder(repository, (s, u) -> true, "https://h/"));
        bad.put("unbracketed IPv6", () -> AccountLifecycle.builder(repository, (s, u) -> true, "::1"));
        bad.put("bracketed name", () -> AccountLifecycle.builder(repository, (s, u) -> true, "[evil.example]"));
        bad.forEach((what, action) -> org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, action::run, what));
    }
}
