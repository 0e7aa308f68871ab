package dev.storeauth.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.TestAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link ShortLivedTokens} refuses to build and to issue. */
class IssuingTest {

    private final OAuthAccount account = TestAccounts.oauth("store1", 1);
    private final ShortLivedTokens tokens = ShortLivedTokens.builder(ShortLivedTokensTest.KEY).build();

    @Test
    void refusesScopesBeyondTheAccounts() {
        Scopes more = Scopes.of(Map.of("orders", AccessLevel.MODIFY));

        assertThrows(IllegalArgumentException.class, () -> tokens.issue(account, more));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(account,
                Scopes.of(Map.of("customers", AccessLevel.READ_ONLY))));
    }

    @Test
    void refusesScopesOutsideTheCatalogueAndUnrestrictedScopes() {
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(account,
                Scopes.of(Map.of("nonsense", AccessLevel.READ_ONLY))));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(account, Scopes.unrestricted()));
    }

    @Test
    void refusesAnExpiredAccount() {
        Instant now = Instant.now();
        ShortLivedTokens ticking = ShortLivedTokens.builder(ShortLivedTokensTest.KEY)
                .clock(Clock.fixed(now, java.time.ZoneOffset.UTC)).build();

        assertThrows(IllegalArgumentException.class,
                () -> ticking.issue(TestAccounts.expiring(account, now), Scopes.none()));
    }

    @Test
    void needsAKeyOfAtLeast32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> ShortLivedTokens.builder(new byte[31]));
        assertThrows(IllegalArgumentException.class,
                () -> ShortLivedTokens.builder(new byte[32]).previousKey(new byte[16]));
        assertThrows(NullPointerException.class, () -> ShortLivedTokens.builder(null));
    }

    @Test
    void copiesItsKeys() {
        byte[] key = ShortLivedTokensTest.key(7);
        ShortLivedTokens.Builder builder = ShortLivedTokens.builder(key);
        Arrays.fill(key, (byte) 8);
        ShortLivedTokens built = builder.build();

        String token = built.issue(account, Scopes.none()).token();

        assertEquals(built.accessTokenDigestOf(token),
                ShortLivedTokens.builder(ShortLivedTokensTest.key(7)).build().accessTokenDigestOf(token));
        assertFalse(built.accessTokenDigestOf(token).isEmpty());
    }

    @Test
    void acceptsLifetimesFromAMinuteToADay() {
        ShortLivedTokens.builder(ShortLivedTokensTest.KEY).lifetime(Duration.ofMinutes(1)).build();
        ShortLivedTokens.builder(ShortLivedTokensTest.KEY).lifetime(Duration.ofHours(24)).build();

        for (Duration wrong : new Duration[] {Duration.ofSeconds(59), Duration.ofHours(24).plusSeconds(1),
                Duration.ofMinutes(5).plusMillis(1), Duration.ofMinutes(-5)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> ShortLivedTokens.builder(ShortLivedTokensTest.KEY).lifetime(wrong), wrong.toString());
        }
    }

    @Test
    void takesEachSettingOnce() {
        assertThrows(IllegalStateException.class, () -> ShortLivedTokens.builder(ShortLivedTokensTest.KEY)
                .lifetime(Duration.ofMinutes(5)).lifetime(Duration.ofMinutes(6)));
        assertThrows(IllegalStateException.class, () -> ShortLivedTokens.builder(ShortLivedTokensTest.KEY)
                .clock(Clock.systemUTC()).clock(Clock.systemUTC()));
        assertThrows(IllegalStateException.class, () -> ShortLivedTokens.builder(ShortLivedTokensTest.KEY)
                .catalogue(dev.storeauth.policy.ScopeCatalogue.defaults())
                .catalogue(dev.storeauth.policy.ScopeCatalogue.defaults()));
    }

    @Test
    void anIssuedTokenHidesItsTokenAndIsValidated() {
        IssuedToken issued = tokens.issue(account, Scopes.none());

        assertFalse(issued.toString().contains(issued.token()));
        assertFalse(issued.toString().contains(issued.token().substring(4, 20)));
        assertThrows(IllegalArgumentException.class,
                () -> new IssuedToken("sat_123", issued.expiresAt(), issued.scopes()));
        assertThrows(IllegalArgumentException.class,
                () -> new IssuedToken(issued.token(), issued.expiresAt().plusMillis(1), issued.scopes()));
    }
}
