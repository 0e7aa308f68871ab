package dev.storeauth.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortLivedTokensTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00.250Z");
    static final Scopes ORDERS_READ = Scopes.of(Map.of("orders", AccessLevel.READ_ONLY));
    static final SecretDigester DIGESTER = SecretDigester.sha256();

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final OAuthAccount account = TestAccounts.oauth("store1", 1);
    private final ShortLivedTokens tokens = at(NOW, builder());

    ShortLivedTokensTest() {
        repository.insertOAuthAccount(account, 50, TestAudit.ENTRY);
    }

    private ShortLivedTokens.Builder builder() {
        return ShortLivedTokens.builder(repository, DIGESTER);
    }

    static ShortLivedTokens at(Instant now, ShortLivedTokens.Builder builder) {
        return builder.clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private ShortLivedAccount stored(IssuedToken issued) {
        return assertInstanceOf(ShortLivedAccount.class,
                repository.find(new LookupKey.ByTokenDigest(DIGESTER.digest(issued.token()))).orElseThrow());
    }

    @Test
    void aTokenIsStoredBoundToTheAccountWithItsScopesAndExpiry() {
        IssuedToken issued = tokens.issue(account, ORDERS_READ).orElseThrow();

        ShortLivedAccount found = stored(issued);
        assertEquals(account, found.account());
        assertEquals(ORDERS_READ, found.scopes());
        assertEquals(ORDERS_READ, issued.scopes());
        assertEquals(Optional.of(issued.expiresAt()), found.expiresAt());
        assertEquals(account.id(), found.id());
        assertFalse(found.toString().contains(found.tokenDigest().toHex()), found::toString);
    }

    @Test
    void aTokenHasTheShapeOfEveryOtherSecret() {
        String token = tokens.issue(account, ORDERS_READ).orElseThrow().token();

        assertTrue(token.matches("sst_[0-9A-Za-z]{38}"), token);
        assertTrue(SecretFormat.isWellFormed(SecretKind.SHORT_LIVED_TOKEN, token));
        assertEquals(token.substring(36), SecretFormat.checksum(token, 36));
        assertNotEquals(token, tokens.issue(account, ORDERS_READ).orElseThrow().token());
    }

    @Test
    void expiresAfterTheLifetimeFromTheWholeSecondOfIssue() {
        ShortLivedTokens fifteen = at(NOW, builder().lifetime(Duration.ofMinutes(15)));

        IssuedToken issued = fifteen.issue(account, ORDERS_READ).orElseThrow();

        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), issued.expiresAt());
        assertEquals(Duration.ofMinutes(15), fifteen.lifetime());
        assertEquals(Duration.ofHours(1), tokens.lifetime());
    }

    @Test
    void neverOutlivesItsAccount() {
        OAuthAccount expiring = TestAccounts.expiring(account, NOW.plusSeconds(600).plusMillis(500));
        repository.replaceOAuthAccount(account, expiring, TestAudit.ENTRY);

        assertEquals(NOW.plusSeconds(600).minusMillis(250), tokens.issue(expiring, ORDERS_READ).orElseThrow().expiresAt());
    }

    @Test
    void refusesScopesBeyondTheAccountsAndAnExpiredAccount() {
        OAuthAccount readOnly = new OAuthAccount(account.id(), "store1", account.name(), account.clientId(),
                account.clientSecretDigest(), account.accessTokenDigest(), ORDERS_READ, account.createdAt());

        assertThrows(IllegalArgumentException.class,
                () -> tokens.issue(readOnly, Scopes.of(Map.of("orders", AccessLevel.MODIFY))));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(readOnly, Scopes.unrestricted()));
        assertThrows(IllegalArgumentException.class,
                () -> tokens.issue(TestAccounts.expiring(account, NOW.plusMillis(500)), ORDERS_READ));
    }

    @Test
    void issuesNothingForAnAccountRolledOrDeletedMeanwhile() {
        OAuthAccount rolled = TestAccounts.rolled(account, TestAccounts.newToken(), NOW.plusSeconds(60));
        repository.replaceOAuthAccount(account, rolled, TestAudit.ENTRY);

        assertEquals(Optional.empty(), tokens.issue(account, ORDERS_READ));
        repository.deleteOAuthAccounts("store1", List.of(account.id()), TestAudit.ENTRY);
        assertEquals(Optional.empty(), tokens.issue(rolled, ORDERS_READ));
    }

    @Test
    void acceptsLifetimesFromAMinuteToADayAndEachSettingOnce() {
        assertEquals(Duration.ofMinutes(1), builder().lifetime(Duration.ofMinutes(1)).build().lifetime());
        assertEquals(Duration.ofHours(24), builder().lifetime(Duration.ofHours(24)).build().lifetime());
        for (Duration wrong : List.of(Duration.ofSeconds(59), Duration.ofHours(24).plusSeconds(1), Duration.ofMillis(90_500))) {
            assertThrows(IllegalArgumentException.class, () -> builder().lifetime(wrong), wrong::toString);
        }
        assertThrows(IllegalStateException.class, () -> builder().lifetime(Duration.ofMinutes(5)).lifetime(Duration.ofMinutes(5)));
        assertThrows(IllegalStateException.class, () -> builder().clock(Clock.systemUTC()).clock(Clock.systemUTC()));
    }

    @Test
    void anIssuedTokenHidesItsTokenAndIsValidated() {
        IssuedToken issued = tokens.issue(account, ORDERS_READ).orElseThrow();

        assertFalse(issued.toString().contains(issued.token()));
        assertThrows(IllegalArgumentException.class, () -> new IssuedToken("sat_" + issued.token().substring(4),
                issued.expiresAt(), ORDERS_READ));
        assertThrows(IllegalArgumentException.class, () -> new IssuedToken(issued.token(),
                issued.expiresAt().plusMillis(1), ORDERS_READ));
    }
}
