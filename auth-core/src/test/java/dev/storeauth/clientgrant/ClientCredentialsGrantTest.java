package dev.storeauth.clientgrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.ManualClock;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client-credentials grant over an in-memory repository, on a clock the tests set. */
class ClientCredentialsGrantTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ADDRESS = "198.51.100.7";
    private static final String ATTACKER = "203.0.113.66";
    private static final int LIMIT = 3;

    private final SecretGenerator generator = new SecretGenerator();
    private final SecretDigester digester = spy(SecretDigester.sha256());
    private final InMemoryAccountRepository repository = spy(new InMemoryAccountRepository());
    private final ManualClock clock = new ManualClock(NOW);
    private final ShortLivedTokens tokens = ShortLivedTokens.builder(repository, digester).clock(clock).build();
    private final String secret = generator.generate(SecretKind.CLIENT_SECRET);
    private final OAuthAccount account = account(secret, Optional.empty(), AllowedAddresses.anywhere());
    // The window is long enough that no place comes back while a test runs.
    private final ClientCredentialsGrant grant = ClientCredentialsGrant.builder(repository, tokens).digester(digester)
            .clock(clock).failureThrottle(LIMIT, Duration.ofHours(1)).build();

    private OAuthAccount account(String clientSecret, Optional<Instant> expiresAt, AllowedAddresses allowed) {
        OAuthAccount made = new OAuthAccount("acc-" + generator.generate(SecretKind.CLIENT_ID).substring(4, 12), "store1",
                "Inventory sync", generator.generate(SecretKind.CLIENT_ID), digester.digest(clientSecret),
                digester.digest(generator.generate(SecretKind.ACCESS_TOKEN)),
                Scopes.of(Map.of("products", AccessLevel.MODIFY, "orders", AccessLevel.READ_ONLY)), NOW.minusSeconds(60),
                expiresAt, Optional.empty(), allowed);
        repository.insertOAuthAccount(made, 50, TestAudit.ENTRY);
        return made;
    }

    private GrantOutcome ask(OAuthAccount client, String clientSecret, String scope, String from) {
        return grant.grant(new ClientCredentialsRequest(client.clientId(), clientSecret, Optional.ofNullable(scope), from));
    }

    private static GrantOutcome.Refused refused(GrantError error, String description) {
        return new GrantOutcome.Refused(error, description);
    }

    @Test
    void aClientWithoutScopeIsGrantedAllItsAccountsScopes() {
        GrantOutcome.Issued issued = assertInstanceOf(GrantOutcome.Issued.class, ask(account, secret, null, ADDRESS));
        assertEquals(account.scopes(), issued.token().scopes());
        assertEquals("products:modify orders:read-only", issued.scope());
        assertEquals(NOW.plus(Duration.ofHours(1)), issued.token().expiresAt());
        assertEquals(Duration.ofHours(1), issued.expiresIn());
    }

    @Test
    void aClientAskingForLessIsGrantedWhatItAskedFor() {
        GrantOutcome.Issued issued = assertInstanceOf(GrantOutcome.Issued.class,
                ask(account, secret, "products:read-only", ADDRESS));
        assertEquals(Scopes.of(Map.of("products", AccessLevel.READ_ONLY)), issued.token().scopes());
        assertEquals("products:read-only", issued.scope());
    }

    @Test
    void aScopeBeyondTheAccountsIsInvalidScope() {
        assertEquals(refused(GrantError.INVALID_SCOPE, "scope orders:modify is beyond the client's scopes"),
                ask(account, secret, "orders:modify", ADDRESS));
    }

    @Test
    void aWrongSecretAndAnUnknownClientAreRefusedAlike() {
        GrantOutcome.Refused expected = refused(GrantError.INVALID_CLIENT, "client authentication failed");
        assertEquals(expected, ask(account, generator.generate(SecretKind.CLIENT_SECRET), null, ADDRESS));
        assertEquals(expected, grant.grant(new ClientCredentialsRequest("sci_unknown", secret, Optional.empty(), ADDRESS)));
    }

    @Test
    void aSecretNotShapedLikeAClientSecretIsRefusedWithoutALookup() {
        List<String> shapes = List.of("", "hunter2", secret.substring(0, 41) + "x", generator.generate(SecretKind.ACCESS_TOKEN));
        for (int i = 0; i < shapes.size(); i++) {
            assertEquals(refused(GrantError.INVALID_CLIENT, "client authentication failed"),
                    ask(account, shapes.get(i), null, "192.0.2." + (10 + i)));
        }
        String overlong = "c".repeat(OAuthAccount.MAX_CLIENT_ID_LENGTH + 1);
        assertEquals(refused(GrantError.INVALID_CLIENT, "client authentication failed"),
                grant.grant(new ClientCredentialsRequest(overlong, secret, Optional.empty(), "192.0.2.1")));
        verify(repository, never()).oauthAccountByClientId(anyString());
    }

    @Test
    void anExpiredAccountIsInvalidClientSayingSoFromItsExpiryOn() {
        String other = generator.generate(SecretKind.CLIENT_SECRET);
        OAuthAccount expiring = account(other, Optional.of(NOW.plusSeconds(10)), AllowedAddresses.anywhere());
        clock.set(NOW.plusSeconds(10).minusNanos(1));
        GrantOutcome.Issued last = assertInstanceOf(GrantOutcome.Issued.class, ask(expiring, other, null, ADDRESS));
        assertEquals(NOW.plusSeconds(10), last.token().expiresAt());
        assertEquals(Duration.ofSeconds(1), last.expiresIn());
        clock.set(NOW.plusSeconds(10));
        assertEquals(refused(GrantError.INVALID_CLIENT, "the client credentials have expired"),
                ask(expiring, other, null, ADDRESS));
    }

    @Test
    void anAddressTheAllowlistDoesNotPermitIsUnauthorizedClientNeverNamingTheList() {
        String other = generator.generate(SecretKind.CLIENT_SECRET);
        OAuthAccount office = account(other, Optional.empty(), AllowedAddresses.parse(List.of("192.0.2.0/24")));
        GrantOutcome.Refused refusal = assertInstanceOf(GrantOutcome.Refused.class, ask(office, other, null, ADDRESS));
        assertEquals(GrantError.UNAUTHORIZED_CLIENT, refusal.error());
        assertFalse(refusal.description().contains("192.0.2"), refusal.description());
        assertInstanceOf(GrantOutcome.Issued.class, ask(office, other, null, "192.0.2.9"));
        assertEquals(GrantError.UNAUTHORIZED_CLIENT, ((GrantOutcome.Refused) ask(office, other, null, "")).error());
    }

    @Test
    void failuresFromAnAddressThrottleItBeforeAnyLookup() {
        for (int i = 0; i < LIMIT; i++) {
            ask(account, generator.generate(SecretKind.CLIENT_SECRET), null, ATTACKER);
        }
        GrantOutcome.Throttled throttled = assertInstanceOf(GrantOutcome.Throttled.class,
                grant.grant(new ClientCredentialsRequest("sci_other", secret, Optional.empty(), ATTACKER)));
        assertTrue(throttled.retryAfter().compareTo(Duration.ofSeconds(1)) >= 0, throttled::toString);
        assertTrue(throttled.retryAfter().compareTo(Duration.ofHours(1)) <= 0, throttled::toString);
        verify(repository, times(LIMIT)).oauthAccountByClientId(anyString());
        assertInstanceOf(GrantOutcome.Issued.class, ask(account, secret, null, ADDRESS));
    }

    @Test
    void malformedSecretsCountAsFailuresToo() {
        for (int i = 0; i < LIMIT; i++) {
            ask(account, "guess" + i, null, ATTACKER);
        }
        assertInstanceOf(GrantOutcome.Throttled.class, ask(account, "guess", null, ATTACKER));
    }

    @Test
    void aClientProvenBeforeIsNeverThrottledForOthersFailuresAtItsAddress() {
        assertInstanceOf(GrantOutcome.Issued.class, ask(account, secret, null, ADDRESS));
        for (int i = 0; i < LIMIT; i++) {
            ask(account, generator.generate(SecretKind.CLIENT_SECRET), null, ADDRESS);
        }
        assertInstanceOf(GrantOutcome.Throttled.class, ask(account, generator.generate(SecretKind.CLIENT_SECRET), null, ADDRESS));
        clearInvocations(digester);
        assertInstanceOf(GrantOutcome.Issued.class, ask(account, secret, null, ADDRESS));
        verify(digester, times(1)).digest(secret);
    }

    @Test
    void aBlockedAddressNamingAProvenClientWithWrongSecretsGetsNoMoreDigestsThanItsProvenBucket() {
        assertInstanceOf(GrantOutcome.Issued.class, ask(account, secret, null, ADDRESS));
        for (int i = 0; i < LIMIT; i++) {
            ask(account, generator.generate(SecretKind.CLIENT_SECRET), null, ATTACKER);
        }
        clearInvocations(digester);
        int bucket = LIMIT * ClientCredentialsGrant.PROVEN_BUCKET_FACTOR;
        for (int i = 0; i < bucket + 10; i++) {
            assertInstanceOf(GrantOutcome.Throttled.class,
                    ask(account, generator.generate(SecretKind.CLIENT_SECRET), null, ATTACKER));
        }
        verify(digester, times(bucket)).digest(anyString());
        verify(repository, times(1 + LIMIT)).oauthAccountByClientId(anyString());
    }

    @Test
    void aDeletedClientIsForgottenAndMeetsTheThrottleAgain() {
        assertInstanceOf(GrantOutcome.Issued.class, ask(account, secret, null, ADDRESS));
        repository.deleteOAuthAccounts("store1", List.of(account.id()), TestAudit.ENTRY);
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(refused(GrantError.INVALID_CLIENT, "client authentication failed"), ask(account, secret, null, ADDRESS));
        }
        assertInstanceOf(GrantOutcome.Throttled.class, ask(account, secret, null, ADDRESS));
    }

    @Test
    void aClientNotProvenBeforeWaitsOutItsAddresssBucket() {
        for (int i = 0; i < LIMIT; i++) {
            ask(account, generator.generate(SecretKind.CLIENT_SECRET), null, ADDRESS);
        }
        assertInstanceOf(GrantOutcome.Throttled.class, ask(account, secret, null, ADDRESS));
    }

    @Test
    void refusalsOfProvenClientsGiveTheirPlaceBack() {
        for (int i = 0; i <= LIMIT; i++) {
            String other = generator.generate(SecretKind.CLIENT_SECRET);
            boolean office = i % 2 == 0;
            OAuthAccount client = account(other, Optional.empty(),
                    office ? AllowedAddresses.parse(List.of("192.0.2.0/24")) : AllowedAddresses.anywhere());
            GrantError expected = office ? GrantError.UNAUTHORIZED_CLIENT : GrantError.INVALID_SCOPE;
            assertEquals(expected, assertInstanceOf(GrantOutcome.Refused.class,
                    ask(client, other, "orders:modify", ADDRESS)).error());
        }
        assertInstanceOf(GrantOutcome.Issued.class, ask(account, secret, null, ADDRESS));
    }

    @Test
    void aClientWhoseAccessTokenWasRolledWhileTheGrantWasDecidedGetsNoToken() {
        OAuthAccount read = account;
        doAnswer(call -> {
            OAuthAccount rolled = read.withAccessToken(digester.digest(generator.generate(SecretKind.ACCESS_TOKEN)),
                    Optional.empty());
            repository.replaceOAuthAccount(read, rolled, TestAudit.ENTRY);
            return call.callRealMethod();
        }).when(repository).insertShortLivedToken(any(), any());

        GrantOutcome.Refused refused = assertInstanceOf(GrantOutcome.Refused.class, ask(account, secret, null, ADDRESS));

        assertEquals(GrantError.INVALID_CLIENT, refused.error());
        assertEquals("the client's credentials changed", refused.description());
    }

    @Test
    void aTokenThatCannotBeStoredIsAnUnavailableRepository() {
        doThrow(new RepositoryUnavailableException("down", null)).when(repository).insertShortLivedToken(any(), any());

        assertThrows(RepositoryUnavailableException.class, () -> ask(account, secret, null, ADDRESS));
    }

    @Test
    void anUnavailableRepositoryIsAnExceptionAndCountsNoFailure() {
        doThrow(new RepositoryUnavailableException("down", null)).when(repository).oauthAccountByClientId(anyString());
        for (int i = 0; i < LIMIT + 1; i++) {
            assertThrows(RepositoryUnavailableException.class, () -> ask(account, secret, null, ATTACKER));
        }
    }

    @Test
    void theRequestNeverShowsItsSecret() {
        ClientCredentialsRequest request = new ClientCredentialsRequest("sci_x", secret, Optional.of(""), ADDRESS);
        assertFalse(request.toString().contains(secret), request.toString());
        assertEquals(Optional.empty(), request.scope());
    }

    @Test
    void aSettingGivenTwiceFails() {
        ClientCredentialsGrant.Builder builder = ClientCredentialsGrant.builder(repository, tokens).noFailureThrottle();
        assertThrows(IllegalStateException.class, () -> builder.failureThrottle(5, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class,
                () -> ClientCredentialsGrant.builder(repository, tokens).failureThrottle(0, Duration.ofMinutes(1)));
    }
}
